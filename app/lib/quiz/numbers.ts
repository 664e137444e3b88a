/** Reading numbers written as digits ("18,000", "18 000", "85%") or words ("eighteen thousand"). */

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
};

export const NUMBER_WORDS = new Set([...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES)]);

/**
 * The numeric value of a string that is only a number (digits or English words, optional
 * "%"/"percent"), else null. "18,000" → 18000, "eighteen thousand" → 18000, "5 million" → 5e6.
 */
export function parseNumber(raw: string): number | null {
  let s = raw
    .toLowerCase()
    .trim()
    .replace(/\u00a0/g, " ");
  s = s.replace(/\s*(%|per ?cent)$/, "");
  if (s === "") return null;
  // Digits with thousands separators (comma, space, thin space) or a decimal point.
  const digits = /^(\d{1,3}(?:[ ,\u202f]\d{3})+|\d+)(?:\.(\d+))?(?:\s+(thousand|million|billion))?$/.exec(s);
  if (digits) {
    const int = (digits[1] ?? "").replace(/[ ,\u202f]/g, "");
    const value = Number(digits[2] ? `${int}.${digits[2]}` : int);
    return digits[3] ? value * (SCALES[digits[3]] ?? 1) : value;
  }
  const words = s
    .replace(/-/g, " ")
    .replace(/\band\b/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return null;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    if (w === "a" && !seen) {
      current = 1;
      continue;
    }
    const u = UNITS[w] ?? TENS[w];
    if (u !== undefined) {
      current += u;
      seen = true;
      continue;
    }
    const scale = SCALES[w];
    if (scale !== undefined) {
      seen = true;
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
      continue;
    }
    return null;
  }
  return seen ? total + current : null;
}

/** True when the string is a percentage ("85%", "85 percent"). */
export function isPercent(raw: string): boolean {
  return /(%|per ?cent)\s*$/i.test(raw.trim());
}

const UNIT_NAMES = Object.keys(UNITS);
const TEN_NAMES = Object.keys(TENS);

/** English words for a non-negative integer below a billion ("18000" → "eighteen thousand"). */
export function numberToWords(n: number): string | null {
  if (!Number.isInteger(n) || n < 0 || n >= 1_000_000_000) return null;
  if (n < 20) return UNIT_NAMES[n] ?? null;
  if (n < 100) {
    const t = TEN_NAMES[Math.floor(n / 10) - 2] ?? "";
    return n % 10 ? `${t}-${UNIT_NAMES[n % 10]}` : t;
  }
  const parts: string[] = [];
  const chunk = (value: number, scale: number, name: string) => {
    const q = Math.floor(value / scale);
    if (q) parts.push(`${numberToWords(q)} ${name}`);
    return value % scale;
  };
  let rest = chunk(n, 1_000_000, "million");
  rest = chunk(rest, 1_000, "thousand");
  rest = chunk(rest, 100, "hundred");
  if (rest) parts.push(numberToWords(rest) ?? "");
  return parts.join(" ");
}

/** "18000" → "18,000". */
export function withThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
