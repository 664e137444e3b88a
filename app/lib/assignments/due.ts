/**
 * Due dates: a teacher picks a wall-clock time in their own timezone ("Friday 23:59"), it is
 * stored as a UTC instant, and each learner sees that instant in theirs. Built on Intl (the
 * runtime's ICU data), so daylight-saving changes follow the tz database.
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Offset of `zone` from UTC at `instant`, in minutes (Europe/Paris in summer → 120). */
export function zoneOffsetMinutes(instant: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant at which clocks in `zone` show `local` ("2026-03-27T23:59"). A time skipped by a
 * spring-forward change is moved forward by the gap (02:30 → 03:30), as calendars do; a time that
 * occurs twice in an autumn change means the first (daylight) one. Null for a malformed value.
 */
export function localToUtc(local: string, zone: string): Date | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (new Date(wall).getUTCDate() !== d) return null; // 31 April and the like
  // Try the offsets in force a day either side of the wall time; keep those that map back to it.
  const candidates = [
    zoneOffsetMinutes(new Date(wall - 86_400_000), zone),
    zoneOffsetMinutes(new Date(wall + 86_400_000), zone),
  ];
  const exact = candidates
    .map((offset) => wall - offset * 60_000)
    .filter((t) => t + zoneOffsetMinutes(new Date(t), zone) * 60_000 === wall)
    .sort((a, b) => a - b);
  if (exact.length > 0) return new Date(exact[0] as number);
  // In a gap: read the wall time with the offset from before the change, which lands after it.
  return new Date(wall - (candidates[0] as number) * 60_000);
}

/** `instant` as the wall-clock value a datetime-local input shows in `zone` ("2026-03-27T23:59"). */
export function utcToLocal(instant: Date, zone: string): string {
  const shifted = new Date(instant.getTime() + zoneOffsetMinutes(instant, zone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** "Fri 27 Mar 2026, 23:59 GMT+1" in the viewer's zone (British English, 24-hour clock). */
export function formatAbsolute(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).format(instant);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/**
 * "in 3 days", "2 hours ago", "in 3 years", "now": the largest whole unit, rounded towards zero.
 * Always numeric: a truncated "-1 day" may be two calendar days back, so never "yesterday".
 */
export function formatRelative(instant: Date, now: Date): string {
  const diff = instant.getTime() - now.getTime();
  const rtf = new Intl.RelativeTimeFormat("en-GB", { numeric: "always" });
  for (const [unit, ms] of UNITS) {
    const n = Math.trunc(diff / ms);
    if (n !== 0) return rtf.format(n, unit);
  }
  return "now";
}
