/**
 * Dates and years in the guide: recognition, normalisation to day intervals, and the
 * Julian ("Old Style") / Gregorian ("New Style") question.
 *
 * Russia used the Julian calendar until February 1918 (13 days behind). The guide gives
 * some 1917 dates Old Style, some New Style, and many without saying. A date is therefore an
 * interval of possible Gregorian days: an unmarked pre-1918 date is widened by the 13 days, so
 * two events are only put in order when their intervals cannot overlap under either reading.
 */

export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;
const MONTH_RE = MONTHS.join("|");

export type TimePrecision = "day" | "month" | "season" | "year" | "range";

export interface TimeExpr {
  /** The expression as written ("October 26, 1917", "April 1918", "1921"). */
  text: string;
  start: number;
  end: number;
  precision: TimePrecision;
  year: number | null;
  month: number | null; // 1-12
  day: number | null;
  /** Calendar stated next to the date, if any. */
  style: "julian" | "gregorian" | null;
}

// Longest forms first; the regex is anchored on word boundaries.
const TIME_RE = new RegExp(
  [
    String.raw`\b(?<m1>${MONTH_RE}) (?<d1>\d{1,2}), (?<y1>1[89]\d\d)\b`,
    String.raw`\b(?<d2>\d{1,2}) (?<m2>${MONTH_RE}) (?<y2>1[89]\d\d)\b`,
    String.raw`\b(?<m3>${MONTH_RE}) (?<y3>1[89]\d\d)\b`,
    String.raw`\b(?<m4>${MONTH_RE}) (?<d4>\d{1,2})(?!\d|, ?1[89]\d\d)\b`,
    String.raw`\b(?<d5>\d{1,2}) (?<m5>${MONTH_RE})\b`,
    String.raw`\b(?<ya>1[89]\d\d)-(?<yb>\d{2,4})\b`,
    String.raw`\b(?<s6>early|late|summer|spring|winter|autumn) (?<y6>1[89]\d\d)\b`,
    String.raw`\b(?<y7>1[89]\d\d)\b`,
    String.raw`\b(?<m8>${MONTH_RE})\b`,
  ].join("|"),
  "g",
);

function monthNum(name: string | undefined): number | null {
  if (!name) return null;
  const i = (MONTHS as readonly string[]).indexOf(name);
  return i < 0 ? null : i + 1;
}

/** All time expressions in a text, left to right, non-overlapping. */
export function findTimes(text: string): TimeExpr[] {
  const out: TimeExpr[] = [];
  for (const m of text.matchAll(TIME_RE)) {
    const g = m.groups ?? {};
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const after = text.slice(end, end + 40);
    // "(Old Style)", "(Julian calendar)", "February 1917 (March by the Gregorian calendar)" → Julian;
    // "(New Style)", "March (February, old style) 1917" → Gregorian.
    const style: TimeExpr["style"] =
      /^\s*\((Old Style|Julian calendar|[A-Z][a-z]+ by the Gregorian calendar)\)/i.test(after)
        ? "julian"
        : /^\s*\((New Style|Gregorian|[A-Z][a-z]+, old style\))/i.test(after)
          ? "gregorian"
          : null;
    let e: Omit<TimeExpr, "text" | "start" | "end" | "style">;
    if (g.m1) e = { precision: "day", year: +g.y1!, month: monthNum(g.m1), day: +g.d1! };
    else if (g.m2) e = { precision: "day", year: +g.y2!, month: monthNum(g.m2), day: +g.d2! };
    else if (g.m3) e = { precision: "month", year: +g.y3!, month: monthNum(g.m3), day: null };
    else if (g.m4) e = { precision: "day", year: null, month: monthNum(g.m4), day: +g.d4! };
    else if (g.m5) e = { precision: "day", year: null, month: monthNum(g.m5), day: +g.d5! };
    else if (g.ya) e = { precision: "range", year: +g.ya, month: null, day: null };
    else if (g.s6) e = { precision: "season", year: +g.y6!, month: null, day: null };
    else if (g.y7) e = { precision: "year", year: +g.y7, month: null, day: null };
    else e = { precision: "month", year: null, month: monthNum(g.m8), day: null };
    // "May" and "March" are also ordinary words; only trust them next to a date context.
    if (
      g.m8 &&
      /^(May|March)$/.test(g.m8) &&
      !/^\s*(\(|,|and|to|-)/.test(after) &&
      !/\b(in|of|by|until|since|from|early|late|between)\s*$/.test(text.slice(Math.max(0, start - 12), start))
    )
      continue;
    out.push({ text: m[0], start, end, style, ...e });
  }
  return out;
}

const DAY_MS = 86_400_000;
function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

/**
 * The interval [from, to] of Gregorian day numbers a dated expression can denote.
 * Needs a year (from the expression or `fallbackYear`); null otherwise.
 */
export function interval(
  t: TimeExpr,
  fallbackYear: number | null = null,
  yearEnd: number | null = null,
): [number, number] | null {
  const y = t.year ?? fallbackYear;
  if (y === null) return null;
  let from: number;
  let to: number;
  if (t.precision === "day" && t.month && t.day) {
    from = to = dayNumber(y, t.month, t.day);
  } else if (t.precision === "month" && t.month) {
    from = dayNumber(y, t.month, 1);
    to = dayNumber(y, t.month + 1, 1) - 1;
  } else if (t.precision === "season") {
    const [a, b] = /early|spring/.test(t.text)
      ? [1, 6]
      : /summer/.test(t.text)
        ? [6, 8]
        : /winter/.test(t.text)
          ? [12, 14]
          : [7, 12];
    from = dayNumber(y, a, 1);
    to = dayNumber(y, b + 1, 1) - 1;
  } else if (t.precision === "range") {
    from = dayNumber(y, 1, 1);
    to = dayNumber(yearEnd ?? y, 12, 31);
  } else {
    from = dayNumber(y, 1, 1);
    to = dayNumber(y, 12, 31);
  }
  // Julian dates are 13 days behind before 14 February 1918 (Gregorian).
  const switchDay = dayNumber(1918, 2, 14);
  if (from < switchDay) {
    if (t.style === "julian") {
      from += 13;
      to += 13;
    } else if (t.style === null) to += 13;
  }
  return [from, to];
}

/** Closing year of a range expression "1918-20" / "1919-1920". */
export function rangeEnd(t: TimeExpr): number | null {
  const m = /^(\d{4})-(\d{2,4})$/.exec(t.text);
  if (!m) return null;
  const a = m[1]!;
  const b = m[2]!;
  return b.length === 4 ? +b : +(a.slice(0, 4 - b.length) + b);
}
