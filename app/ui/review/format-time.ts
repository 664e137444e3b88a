/**
 * "in 2 days (Tue 3 Mar, 09:00)" for a due time, in the learner's timezone. Pure and given `now`
 * and the timezone explicitly, so the server render and the browser render agree.
 */
export function formatDue(iso: string, now: Date, timeZone: string): string {
  const at = new Date(iso);
  const ms = at.getTime() - now.getTime();
  let tz = timeZone;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: tz });
  } catch {
    tz = "UTC";
  }
  const absolute = new Intl.DateTimeFormat("en-GB", {
    timeZone: tz,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).format(at);
  if (ms < 30_000) return `now (${absolute})`;
  const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  const minutes = Math.max(1, Math.round(ms / 60_000));
  let relative: string;
  if (minutes < 60) relative = rtf.format(minutes, "minute");
  else if (minutes < 36 * 60) relative = rtf.format(Math.round(minutes / 60), "hour");
  else relative = rtf.format(Math.round(minutes / 1440), "day");
  return `${relative} (${absolute})`;
}
