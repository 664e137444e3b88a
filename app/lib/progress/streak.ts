/**
 * Daily streak (opt-in): the number of consecutive calendar days, in the learner's own
 * timezone, with at least one submitted quiz attempt or review answer.
 *
 * Days are calendar dates read with Intl.DateTimeFormat in the learner's IANA timezone, so a
 * 23- or 25-hour day around a DST change is still one day, and an activity at 23:30 local time
 * counts for that local day even when it is already tomorrow in UTC. The current streak stays
 * alive through today: if the learner was active yesterday but not yet today, it still counts
 * (it ends only when a whole local day passes without activity). Pure: `now` is passed in.
 */

export interface StreakSummary {
  /** Consecutive active days ending today (or yesterday, if nothing yet today). */
  current: number;
  /** Longest run of consecutive active days ever. */
  longest: number;
  /** Whether there is activity on the learner's local today. */
  activeToday: boolean;
  /** Distinct active local days (YYYY-MM-DD), newest first. */
  days: string[];
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A valid IANA timezone name, or "UTC" for anything Intl does not know. */
export function safeTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return "UTC";
  try {
    new Intl.DateTimeFormat("en-CA", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar date (YYYY-MM-DD) of an instant in a timezone. */
export function localDay(instant: Date, timeZone: string): string {
  const parts = formatterFor(safeTimeZone(timeZone)).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Days since 1970-01-01 for a YYYY-MM-DD calendar date (timezone-free arithmetic). */
function dayNumber(day: string): number {
  const [y, m, d] = day.split("-").map(Number);
  return Math.round(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 86_400_000);
}

export function computeStreak(activity: readonly Date[], timeZone: string, now: Date): StreakSummary {
  const tz = safeTimeZone(timeZone);
  const today = dayNumber(localDay(now, tz));
  const set = new Set<number>();
  for (const instant of activity) {
    const n = dayNumber(localDay(instant, tz));
    if (n <= today) set.add(n); // ignore clock skew from the future
  }
  const sorted = [...set].sort((a, b) => b - a);

  let longest = 0;
  let run = 0;
  let previous: number | null = null;
  for (const n of sorted) {
    run = previous !== null && previous - n === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = n;
  }

  const activeToday = set.has(today);
  let current = 0;
  let cursor = activeToday ? today : today - 1;
  while (set.has(cursor)) {
    current++;
    cursor--;
  }

  const days = sorted.map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
  return { current, longest, activeToday, days };
}
