/**
 * Rule-based sentence splitter for the digest's prose (content/DIGEST-LAYOUT.md §1 and A9).
 *
 * A boundary is a single space after ".", "!" or "?" (plus any closing quote or bracket),
 * followed by an upper-case letter or a digit, optionally behind an opening quote or "[".
 * So "…terror?" (29)." stays whole (no split before "("), and "realized... by" too.
 * Input is expected to be whitespace-normalised; then `splitSentences(t).join(" ") === t`.
 */

/** Tokens ending in "." that never end a sentence here ("St. Petersburg", "ed. Robert Graham"). */
const ABBREVIATIONS = new Set([
  "St.",
  "p.m.",
  "a.m.",
  "U.S.",
  "dir.",
  "ed.",
  "eds.",
  "trans.",
  "al.", // et al.
  "Ibid.",
  "Mr.",
  "Mrs.",
  "Dr.",
  "cf.",
  "e.g.",
  "i.e.",
  "vs.",
  "pp.",
  "vol.",
]);

const SENTENCE_END = /[.!?]["'’”)\]]*$/;
const SENTENCE_START = /^["'‘“[]?[\p{Lu}\p{N}]/u;
const HARD_BREAK_TOKEN = "----";

/** The word before a candidate boundary, without leading brackets or quotes. */
function lastToken(before: string): string {
  const token = before.slice(before.lastIndexOf(" ") + 1);
  return token.replace(/^[(["'‘“]+/, "");
}

function precedingToken(before: string): string {
  const trimmed = before.slice(0, before.lastIndexOf(" "));
  return trimmed.slice(trimmed.lastIndexOf(" ") + 1);
}

function endsWithAbbreviation(before: string): boolean {
  const token = lastToken(before);
  if (ABBREVIATIONS.has(token)) return true;
  // Runs of initials such as "M.E." (Sharpe).
  if (/^(?:\p{Lu}\.){2,}$/u.test(token)) return true;
  // A single-capital initial ("M. A. Bakunin", "N. K. Krupskaya")…
  if (/^\p{Lu}\.$/u.test(token)) {
    // …except a Roman numeral after "War": "World War I." does end a sentence.
    return !(/^[IVX]\.$/.test(token) && precedingToken(before) === "War");
  }
  return false;
}

/**
 * Dash-enclosed asides full of exclamations are one sentence, as in the B6 slogan list
 * "slogans-Long live the Revolution! Down with the war! … to the workers!-were".
 * Returns [start, end) character ranges inside which no boundary is allowed.
 */
function protectedAsides(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(/(?<=[\p{Ll}\p{N}])-(?=\p{Lu})[^.]*?[!?]-(?=\p{Ll})/gu)) {
    const start = match.index ?? 0;
    ranges.push([start, start + match[0].length]);
  }
  return ranges;
}

/** Splits normalised text into sentences; joining them with " " gives the text back. */
export function splitSentences(text: string): string[] {
  if (!text) return [];
  const asides = protectedAsides(text);
  const sentences: string[] = [];
  let start = 0;
  for (let at = text.indexOf(" "); at !== -1; at = text.indexOf(" ", at + 1)) {
    const before = text.slice(start, at);
    const after = text.slice(at + 1);
    const isHardBreak = lastToken(before) === HARD_BREAK_TOKEN;
    const isBoundary =
      isHardBreak ||
      (SENTENCE_END.test(before) &&
        SENTENCE_START.test(after) &&
        !endsWithAbbreviation(before) &&
        !asides.some(([from, to]) => at > from && at < to));
    if (isBoundary && before) {
      sentences.push(before);
      start = at + 1;
    }
  }
  sentences.push(text.slice(start));
  return sentences;
}
