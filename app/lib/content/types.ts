/**
 * The typed model of the study guide, produced by the digest parser.
 * Everything here is plain data (serialisable, no class instances) so it can be
 * passed to server components, the quiz generator and the database sync alike.
 */

/** One run of text in a lesson. Every block has a stable, URL-safe anchor id. */
export type Block = ParagraphBlock | QuoteBlock | CaptionBlock;

export interface ParagraphBlock {
  kind: "paragraph";
  /** Stable anchor, e.g. "p-3" (unique within the lesson). */
  id: string;
  /** Unwrapped text: NBSP turned into spaces, whitespace collapsed, errata applied. */
  text: string;
  /** The block's sentences, in order; joined with single spaces they give `text`. */
  sentences: string[];
}

/** A block quotation or an epigraph. Consecutive quote paragraphs share `group`. */
export interface QuoteBlock {
  kind: "quote";
  id: string;
  text: string;
  sentences: string[];
  /** True for an epigraph standing directly under a lesson heading. */
  epigraph: boolean;
  /** Same value for the paragraphs of one multi-paragraph quotation, e.g. "q-2". */
  group: string;
}

/** An image caption left over from the web page: shown as a caption, never as prose. */
export interface CaptionBlock {
  kind: "caption";
  id: string;
  text: string;
}

/** A part of a lesson. The first section of a lesson has `heading: null`. */
export interface Section {
  /** Anchor id, e.g. "intro" for the untitled first section, "georgia" for a sub-part. */
  id: string;
  heading: string | null;
  blocks: Block[];
}

export interface ReadingItem {
  /** The line as printed, errata applied. */
  text: string;
  /** Title without quotes, when it can be recognised. */
  title: string;
  /** Author / editor in the trailing parentheses, when present. */
  author: string | null;
}

export interface Lesson {
  /** Stable URL slug derived from the body heading. */
  slug: string;
  moduleSlug: string;
  /** 1-based position in the module (table-of-contents order). */
  order: number;
  /** The body heading exactly as written (or a descriptive title for an untitled opening). */
  title: string;
  /** The table-of-contents wording when it differs from the body heading. */
  tocTitle: string | null;
  sections: Section[];
  furtherReading: ReadingItem[];
  /** Words of the lesson body (paragraphs and quotes, not headings, captions or lists). */
  wordCount: number;
  /** Whole minutes at 220 words per minute, at least 1. */
  readingMinutes: number;
}

export interface GuideModule {
  slug: string;
  title: string;
  /** The organisation that published it. */
  organisation: string;
  /** Named author when the text gives one (e.g. "Javier Sethness", "Ablokeimet"). */
  author: string | null;
  /** Publication date of the digest issue, ISO yyyy-mm-dd. */
  date: string;
  sourceUrl: string;
  /** Untitled lede shown on the module page (Black Rose), as paragraphs. */
  lede: ParagraphBlock[];
  byline: string | null;
  lessons: Lesson[];
  wordCount: number;
  readingMinutes: number;
}

export interface ReferenceList {
  /** Body heading, e.g. "Works Cited". */
  heading: string;
  /** Table-of-contents wording when different (e.g. "Statements/Memoirs"), else null. */
  tocHeading: string | null;
  slug: string;
  entries: string[];
}

export interface Guide {
  modules: GuideModule[];
  /** Black Rose back matter: Works Cited (12), Recommended Statements and Memoirs (4), Recommended Films (7). */
  references: ReferenceList[];
}
