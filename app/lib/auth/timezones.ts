/**
 * IANA timezone names. Validation asks the runtime's ICU data (the same data that later formats
 * dates in that zone), so whatever is accepted here can be used with Intl.DateTimeFormat.
 * Usable on the server and in the browser.
 */

/** Shape of an IANA name ("UTC", "Europe/London", "America/Argentina/Buenos_Aires", "Etc/GMT+5"). */
const IANA_SHAPE = /^(?:UTC|[A-Za-z][A-Za-z_+-]*(?:\/[A-Za-z0-9_+-]+){1,2})$/;

export const DEFAULT_TIMEZONE = "UTC";

/**
 * The canonical spelling of `name` if it is a timezone this runtime knows, else null.
 * Rejects offsets ("+01:00") and abbreviations ("EST") even where ICU would take them.
 */
export function normalizeTimeZone(name: string): string | null {
  if (name.length > 64 || !IANA_SHAPE.test(name)) return null;
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
    return IANA_SHAPE.test(resolved) ? resolved : null;
  } catch {
    return null;
  }
}

export function isValidTimeZone(name: string): boolean {
  return normalizeTimeZone(name) !== null;
}

/** Every timezone the runtime lists, plus UTC (which `supportedValuesOf` leaves out), sorted. */
export function listTimeZones(): string[] {
  const zones = new Set<string>(["UTC"]);
  try {
    for (const zone of Intl.supportedValuesOf("timeZone")) zones.add(zone);
  } catch {
    // Very old runtimes: UTC only; the client island still offers the browser's own zone.
  }
  return [...zones].sort((a, b) => (a === "UTC" ? -1 : b === "UTC" ? 1 : a.localeCompare(b)));
}
