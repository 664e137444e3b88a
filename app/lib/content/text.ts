/** Small text helpers shared by the parser, the report script and the tests. */

export const NBSP = "\u00A0";

/** NBSP becomes a space, every whitespace run one space, ends trimmed (content/DIGEST-LAYOUT.md §1). */
export function normaliseWhitespace(text: string): string {
  return text
    .replace(/\u00A0/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whitespace-separated tokens holding at least one letter or digit (a bare "----" is no word). */
export function countWords(text: string): number {
  let words = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) words++;
  return words;
}

export const WORDS_PER_MINUTE = 220;

/** Whole minutes, rounded up, never below 1. */
export function readingMinutesFor(wordCount: number): number {
  return Math.max(1, Math.ceil(wordCount / WORDS_PER_MINUTE));
}

export const SLUG_MAX_LENGTH = 60;

/**
 * Lower-case ASCII words joined by "-", apostrophes dropped ("Stalin's" → "stalins"),
 * cut at a word boundary so the slug is at most SLUG_MAX_LENGTH characters.
 */
export function slugify(text: string, maxLength = SLUG_MAX_LENGTH): string {
  const words = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  // A single over-long word still needs a slug.
  return slug || (words[0] ?? "").slice(0, maxLength);
}
