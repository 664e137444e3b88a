/**
 * Tolerant marking for typed (fill-in-the-blank) answers.
 *
 * A response is correct when, after normalisation, it equals the answer or a listed variant,
 * or is within a small edit distance scaled to the answer's length. Normalisation ignores case,
 * punctuation, diacritics, a leading article and a trailing possessive; numbers compare by value
 * ("18,000" = "18000" = "eighteen thousand") and are never typo-tolerant (18000 ≠ 19000).
 */
import { parseNumber, isPercent } from "./numbers";

export interface TypedMarkResult {
  correct: boolean;
  /** The variant the response was matched against (normalised), when correct. */
  matched: string | null;
  /** Edit distance to the closest accepted form (0 for an exact match). */
  distance: number;
}

/** Lower-case, strip diacritics and punctuation, drop a leading article and trailing possessive. */
export function normaliseAnswer(raw: string): string {
  let s = raw
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/\uFFFD/g, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/&/g, " and ");
  s = s.replace(/'s\b/g, "").replace(/s'(?=\s|$)/g, "s");
  s = s
    .replace(/[^\p{L}\p{N}%]+/gu, " ")
    .trim()
    .replace(/\s+/g, " ");
  s = s.replace(/^(the|a|an) /, "");
  return s;
}

/** Allowed edit distance for an answer of this many letters: 0 up to 4, 1 for 5–8, 2 above. */
export function typoBudget(length: number): number {
  if (length <= 4) return 0;
  if (length <= 8) return 1;
  return 2;
}

/** Optimal-string-alignment Damerau–Levenshtein distance (adjacent swaps cost 1). */
export function damerauLevenshtein(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      }
      cur[j] = v;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n] ?? 0;
}

function numericValue(raw: string): { value: number; percent: boolean } | null {
  const value = parseNumber(raw.replace(/^(the|about|some|over|around|nearly|an estimated)\s+/i, ""));
  return value === null ? null : { value, percent: isPercent(raw) };
}

/**
 * Mark a typed response against the answer and its listed variants.
 * `reject` lists known wrong answers (e.g. other names of the same type) that must never be
 * accepted through typo tolerance even when they are close ("Reds" for "Greens").
 */
export function markTyped(
  answer: string,
  accepted: readonly string[],
  response: string,
  options: { reject?: readonly string[] } = {},
): TypedMarkResult {
  const forms = [answer, ...accepted];
  const resp = normaliseAnswer(response);
  if (resp === "") return { correct: false, matched: null, distance: Infinity };

  // Numbers compare by value only.
  const respNum = numericValue(response);
  for (const form of forms) {
    const num = numericValue(form);
    if (num && respNum && num.value === respNum.value) return { correct: true, matched: form, distance: 0 };
  }

  const rejected = new Set((options.reject ?? []).map(normaliseAnswer));
  let best = Infinity;
  let bestForm: string | null = null;
  for (const form of forms) {
    const norm = normaliseAnswer(form);
    if (norm === "") continue;
    if (norm === resp || norm.replace(/ /g, "") === resp.replace(/ /g, "")) {
      return { correct: true, matched: form, distance: 0 };
    }
    if (numericValue(form)) continue; // no typo tolerance on numbers or years
    const d = damerauLevenshtein(norm, resp);
    if (d < best) {
      best = d;
      bestForm = form;
    }
  }
  if (bestForm !== null && !rejected.has(resp)) {
    const len = normaliseAnswer(bestForm).replace(/ /g, "").length;
    if (best <= typoBudget(len)) return { correct: true, matched: bestForm, distance: best };
  }
  return { correct: false, matched: null, distance: best };
}
