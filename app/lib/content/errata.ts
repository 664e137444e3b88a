/**
 * Errata for the digest: every U+FFFD REPLACEMENT CHARACTER in the source is repaired here,
 * by an explicit entry keyed on the characters around it. Nothing is guessed: if a U+FFFD
 * survives (a new or changed source), `applyErrata` throws. See content/ERRATA.md.
 */

export const REPLACEMENT_CHARACTER = "\uFFFD";

export interface ErrataEntry {
  /** Short stable name, used in ERRATA.md and in error messages. */
  id: string;
  /** Text immediately before the U+FFFD (same source line). */
  before: string;
  /** Text immediately after the U+FFFD (same source line). */
  after: string;
  /** What the U+FFFD stands for. */
  replacement: string;
  /** 1-based line in content/source/000_c35c5bcf756e66cf.txt, for the reader of ERRATA.md. */
  line: number;
  why: string;
}

/**
 * The six lost left single quotes become ASCII "'" because every other quotation mark in the
 * digest was already flattened to ASCII, and each of these is closed by an ASCII "'".
 */
const OPENING_SINGLE_QUOTE = "'";

export const ERRATA: readonly ErrataEntry[] = [
  {
    id: "soviet-authority",
    before: "",
    after: "Soviet' authority",
    replacement: OPENING_SINGLE_QUOTE,
    line: 492,
    why: "Left single quote around 'Soviet' (closed by an ASCII ').",
  },
  {
    id: "petty-bourgeois",
    before: "dubbed ",
    after: "petty-bourgeois and",
    replacement: OPENING_SINGLE_QUOTE,
    line: 631,
    why: "Left single quote; closed by ' after 'elements.' on line 632.",
  },
  {
    id: "counter-revolutionists",
    before: "",
    after: "counter-revolutionists.'",
    replacement: OPENING_SINGLE_QUOTE,
    line: 634,
    why: "Left single quote around 'counter-revolutionists.'",
  },
  {
    id: "concentration-camps",
    before: "Newly built ",
    after: "concentration camps,'",
    replacement: OPENING_SINGLE_QUOTE,
    line: 636,
    why: "Left single quote around 'concentration camps,'",
  },
  {
    id: "because-tambov",
    before: "declaring that ",
    after: "because",
    replacement: OPENING_SINGLE_QUOTE,
    line: 839,
    why: "Left single quote opening the Tambov announcement, closed by ' after 'looted.' on line 842.",
  },
  {
    id: "equality-of-labor",
    before: "struggle for the ",
    after: "equality",
    replacement: OPENING_SINGLE_QUOTE,
    line: 874,
    why: "Left single quote around 'equality of labor democracy' (closed on line 875).",
  },
  {
    id: "montreal",
    before: "Montr",
    after: "al:",
    replacement: "é",
    line: 1364,
    why: "Montréal, place of publication of Black Rose Books (Voline, The Unknown Revolution).",
  },
  {
    id: "potemkin",
    before: "Pot",
    after: "mkin",
    replacement: "ë",
    line: 1376,
    why: "Battleship Potëmkin, Eisenstein's 1925 film (the usual transliteration of Потёмкин).",
  },
];

export interface ErrataResult {
  text: string;
  /** How many times each entry matched (each should match exactly once in this digest). */
  applied: Record<string, number>;
}

function countOccurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}

/** Repairs every U+FFFD through the table; throws if any U+FFFD is left uncovered. */
export function applyErrata(text: string, errata: readonly ErrataEntry[] = ERRATA): ErrataResult {
  let repaired = text;
  const applied: Record<string, number> = {};
  for (const entry of errata) {
    const key = entry.before + REPLACEMENT_CHARACTER + entry.after;
    applied[entry.id] = countOccurrences(repaired, key);
    repaired = repaired.split(key).join(entry.before + entry.replacement + entry.after);
  }
  const leftover = repaired.indexOf(REPLACEMENT_CHARACTER);
  if (leftover !== -1) {
    const lineNumber = repaired.slice(0, leftover).split("\n").length;
    const context = repaired.slice(Math.max(0, leftover - 30), leftover + 30).replace(/\s+/g, " ");
    throw new Error(
      `Unrepaired U+FFFD on line ${lineNumber} of the digest, near "${context}". ` +
        `Add an entry to app/lib/content/errata.ts and content/ERRATA.md; the parser does not guess.`,
    );
  }
  return { text: repaired, applied };
}
