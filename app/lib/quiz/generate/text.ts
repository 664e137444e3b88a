/** Text helpers for turning lesson sentences into prompts: tokens, citations, quotations. */

export interface Token {
  text: string;
  start: number;
  end: number;
  /** A word (letters/digits, inner apostrophes), as opposed to punctuation. */
  word: boolean;
  /** First character is an upper-case letter. */
  cap: boolean;
}

// Words keep inner apostrophes ("shari'at"); a possessive "'s" and a trailing "'" are split off,
// so "Lenin's" still contains the name "Lenin".
const TOKEN_RE = /[\p{L}\p{N}]+(?:['\u2019](?!s(?![\p{L}]))[\p{L}]+)*|[^\s\p{L}\p{N}]/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const t = m[0];
    const start = m.index ?? 0;
    const word = /[\p{L}\p{N}]/u.test(t);
    out.push({ text: t, start, end: start + t.length, word, cap: word && /^\p{Lu}/u.test(t) });
  }
  return out;
}

/** Count of word tokens. */
export function wordCount(text: string): number {
  return tokenize(text).filter((t) => t.word).length;
}

const PAGES = String.raw`\d{1,3}(?:-\d{1,3})?(?:, ?\d{1,3}(?:-\d{1,3})?)*`;
const CITE_PART = String.raw`(?:[A-Z][a-z]+(?: Ibid)? )?${PAGES}`;
/** "(Maximov 87-8)", "(29)", "(Pipes 83; Rywkin 16)", "(192, emphasis in original)". */
const CITATION_RE = new RegExp(
  String.raw`\s*\(${CITE_PART}(?:; ${CITE_PART})*(?:, emphasis (?:added|in original))?\)`,
  "g",
);
const EMPHASIS_RE = /\s*\(emphasis (?:added|in original)\)/g;

/** Authors named in citations, e.g. {"Maximov", "Pipes"}: "(Voline)" alone is a citation too. */
export function citationAuthors(texts: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const t of texts) {
    for (const m of t.matchAll(/\(([A-Z][a-z]+)(?: Ibid)? \d{1,3}/g)) if (m[1]) out.add(m[1]);
  }
  return out;
}

/** True when the character range [start, end) of text lies inside a citation bracket. */
export function insideCitation(text: string, start: number, end: number): boolean {
  for (const m of text.matchAll(CITATION_RE)) {
    const s = m.index ?? 0;
    if (start >= s && end <= s + m[0].length) return true;
  }
  return false;
}

/**
 * The sentence as a prompt may show it: citation brackets and "(emphasis …)" notes removed,
 * editorial brackets that lost their spaces repaired ("[i]n" → "in", "masses[,]was" → "masses, was").
 */
export function cleanForPrompt(sentence: string, authors: ReadonlySet<string> = new Set()): string {
  let s = sentence.replace(/\uFFFD/g, "'");
  s = s.replace(CITATION_RE, "").replace(EMPHASIS_RE, "");
  for (const a of authors) s = s.split(` (${a})`).join("");
  s = s.replace(/\[([a-z])\]\1/g, "$1"); // "[t]the" → "the"
  s = s.replace(/\[([a-z])\](?=\p{Ll})/gu, "$1"); // "[i]n" → "in"
  s = s.replace(/^\[([a-z])\]/, (_, c: string) => c.toUpperCase());
  s = s.replace(/\[([,;:])\]/g, "$1 ");
  s = s.replace(/(\p{L})\[(\p{Ll}{1,2})\](?![\p{L}])/gu, "$1$2"); // "alliance[s]" → "alliances"
  s = s.replace(/(\S)\[/g, "$1 [").replace(/\](?=[\p{L}\p{N}"])/gu, "] ");
  // A connective ties the sentence to the one before, which a prompt does not show.
  s = s.replace(/^(?:Moreover|Furthermore), (\p{L})/u, (_, c: string) => c.toUpperCase());
  s = s.replace(/ (?:moreover|furthermore),?(?= )/g, "");
  s = s
    .replace(/\s+([.,;:!?])/g, "$1")
    .replace(/\s{2,}/g, " ")
    .trim();
  return s;
}

/** Character spans inside double quotation marks; `balanced` false when a quote is left open. */
export function quoteSpans(text: string): { spans: Array<[number, number]>; balanced: boolean } {
  const idx: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === '"') idx.push(i);
  const spans: Array<[number, number]> = [];
  for (let i = 0; i + 1 < idx.length; i += 2) spans.push([idx[i] as number, (idx[i + 1] as number) + 1]);
  return { spans, balanced: idx.length % 2 === 0 };
}

export function inSpans(spans: ReadonlyArray<[number, number]>, start: number, end: number): boolean {
  return spans.some(([s, e]) => start >= s && end <= e);
}

/** Share of the text's characters that sit inside quotation marks. */
export function quotedFraction(text: string): number {
  const { spans } = quoteSpans(text);
  const inside = spans.reduce((n, [s, e]) => n + (e - s), 0);
  return text.length ? inside / text.length : 0;
}

export const STOPWORDS = new Set(
  (
    "a an the and or but nor of to in on at by for from with as into onto over under about after before " +
    "during since until while when where which who whom whose that this these those it its he she they them " +
    "his her their there here was were is are be been being had has have do did does not no so such than then " +
    "also even only very more most much many some any all both each either neither one other another own same " +
    "yet still however thus therefore indeed whether if because though although would could should may might " +
    "can will shall must we our us you your i me my"
  ).split(" "),
);

/** Lower-case content words (no stopwords, at least 4 letters). */
export function contentWords(text: string): string[] {
  return tokenize(text)
    .filter((t) => t.word && t.text.length >= 4 && !STOPWORDS.has(t.text.toLowerCase()))
    .map((t) => t.text.toLowerCase());
}

/** Escape for use inside a RegExp. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Upper-case the first letter (for list items cut from mid-sentence). */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
