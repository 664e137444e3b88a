/**
 * Parses the A-Infos email digest (content/source/000_c35c5bcf756e66cf.txt) into the typed
 * study guide. Pure: same text in, same Guide out. The structure it relies on, and every trap
 * it has to step around, is described in content/DIGEST-LAYOUT.md (the (A1)…(A13) labels below are
 * its anomalies); the rules are written from that description, not from line numbers.
 */
import { applyErrata } from "./errata";
import { splitSentences } from "./sentences";
import { NBSP, countWords, normaliseWhitespace, readingMinutesFor, slugify } from "./text";
import type {
  Block,
  CaptionBlock,
  Guide,
  GuideModule,
  Lesson,
  ParagraphBlock,
  QuoteBlock,
  ReadingItem,
  ReferenceList,
  Section,
} from "./types";

/** What the digest does not say in a usable form (organisation names, title casing). */
interface ModuleDescriptor {
  slug: string;
  title: string;
  organisation: string;
}

/** Module order of the guide (the digest itself carries MACG first). */
export const MODULE_CATALOGUE: readonly ModuleDescriptor[] = [
  {
    slug: "red-and-black-october",
    title:
      "Red and Black October: An Anarchist Perspective on the Russian Revolution for its 100th Anniversary",
    organisation: "Black Rose Anarchist Federation",
  },
  {
    slug: "hail-the-october-revolution",
    title: "Hail the October Revolution",
    organisation: "Melbourne Anarchist Communist Group (MACG)",
  },
];

/** Title given to an untitled opening that holds prose (the MACG statement's first part). */
export const UNTITLED_OPENING_TITLE = "Introduction";
export const INTRO_SECTION_ID = "intro";

// ---------------------------------------------------------------------------------------------
// Envelope: date, "Today's Topics", messages, footer URLs, separators.

interface SourceLine {
  /** 1-based line number in the file. */
  number: number;
  raw: string;
}

interface RawMessage {
  number: number;
  /** The "Today's Topics" entry for this message, unwrapped. */
  topic: string;
  body: SourceLine[];
  sourceUrl: string;
}

const SEPARATOR = /^-{20,}$/;
const URL_LINE = /^https?:\/\/\S+$/;

function isBlank(raw: string): boolean {
  // String.prototype.trim also strips U+00A0, so NBSP-only lines count as blank (A2).
  return raw.trim() === "";
}

function parseIssueDate(firstLine: string): string {
  const match = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(firstLine);
  if (!match) throw new Error(`Digest header has no dd.mm.yyyy date: "${firstLine}"`);
  const [, day = "", month = "", year = ""] = match;
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

function parseTopics(lines: SourceLine[]): Map<number, string> {
  const start = lines.findIndex((line) => line.raw.trim() === "Today's Topics:");
  if (start === -1) throw new Error('Digest has no "Today\'s Topics:" block');
  const topics = new Map<number, string>();
  let current: { number: number; parts: string[] } | null = null;
  const flush = () => {
    if (current) topics.set(current.number, normaliseWhitespace(current.parts.join(" ")));
  };
  for (const line of lines.slice(start + 1)) {
    const text = normaliseWhitespace(line.raw);
    if (SEPARATOR.test(text)) break;
    if (!text) continue; // topics wrap over blank lines too (line 13)
    const numbered = /^(\d+)\.\s+(.*)$/.exec(text);
    if (numbered) {
      flush();
      current = { number: Number(numbered[1]), parts: [numbered[2] ?? ""] };
    } else current?.parts.push(text);
  }
  flush();
  return topics;
}

function trimBlankLines(lines: SourceLine[]): SourceLine[] {
  let from = 0;
  let to = lines.length;
  while (from < to && isBlank(lines[from]!.raw)) from++;
  while (to > from && isBlank(lines[to - 1]!.raw)) to--;
  return lines.slice(from, to);
}

function parseEnvelope(text: string): { date: string; messages: RawMessage[] } {
  const lines: SourceLine[] = text.split("\n").map((raw, index) => ({ number: index + 1, raw }));
  const date = parseIssueDate(lines[0]?.raw ?? "");
  const topics = parseTopics(lines);
  const messages: RawMessage[] = [];
  lines.forEach((line, index) => {
    const header = /^Message: (\d+)$/.exec(line.raw.trim());
    if (!header) return;
    const number = Number(header[1]);
    let end = index + 1;
    while (end < lines.length && !SEPARATOR.test(lines[end]!.raw.trim())) end++;
    const body = trimBlankLines(lines.slice(index + 1, end));
    // The message footer is its source URL on a line of its own.
    const footer = body[body.length - 1];
    if (!footer || !URL_LINE.test(footer.raw.trim())) {
      throw new Error(`Message ${number} does not end with its source URL (line ${footer?.number ?? "?"})`);
    }
    messages.push({
      number,
      topic: topics.get(number) ?? "",
      body: trimBlankLines(body.slice(0, -1)),
      sourceUrl: footer.raw.trim(),
    });
  });
  if (messages.length === 0) throw new Error("Digest holds no 'Message: N' blocks");
  return { date, messages };
}

// ---------------------------------------------------------------------------------------------
// Units: soft-wrapped lines joined back into logical lines (A1), grouped by blank lines.

interface Unit {
  text: string;
  firstLine: number;
  lastLine: number;
  /** A heading is one physical line holding no NBSP at all. */
  isSingleBareLine: boolean;
  /** Blank lines directly before it (the start of a body counts as one). */
  blankLinesBefore: number;
  /** Index of the blank-line-delimited block it belongs to. */
  block: number;
}

function toUnits(body: SourceLine[]): Unit[] {
  const units: Unit[] = [];
  let blankRun = 1;
  let block = -1;
  for (let i = 0; i < body.length; i++) {
    const first = body[i]!;
    if (isBlank(first.raw)) {
      blankRun++;
      continue;
    }
    const parts = [first.raw];
    // A trailing NBSP marks a soft wrap: the next non-blank line continues the paragraph.
    while (body[i]!.raw.endsWith(NBSP) && i + 1 < body.length && !isBlank(body[i + 1]!.raw)) {
      i++;
      parts.push(body[i]!.raw);
    }
    if (blankRun > 0) block++;
    units.push({
      text: normaliseWhitespace(parts.join(" ")),
      firstLine: first.number,
      lastLine: body[i]!.number,
      isSingleBareLine: parts.length === 1 && !first.raw.includes(NBSP),
      blankLinesBefore: blankRun,
      block,
    });
    blankRun = 0;
  }
  return units;
}

// ---------------------------------------------------------------------------------------------
// Unit classification rules.

const HEADING_MAX_LENGTH = 100;
const TOC_TITLE = /^(?:table of )?contents$/i;
const FURTHER_READING = /^(?:for )?further reading:?$/i;
const BYLINE = /^By\s+(\p{Lu}[\p{L}.' -]+)$/u;
const CAPTION_START =
  /^(?:(?:A|An|The|Larger|Smaller)\s+)?(?:map|flag|photo|photograph|image|portrait|poster|picture|painting)\b/i;
const HASHTAGS_AT_END = /(?:\s*#[\p{L}\p{N}_]+)+$/u;
const INLINE_BREAK = / ?---- ?/;

function hasBalancedParentheses(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === "(") depth++;
    else if (char === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * A heading is a single line with no NBSP, preceded by a blank line (A4: not necessarily
 * followed by one). Stand-alone lines that are not headings (A6) all end in sentence or
 * list punctuation, are quoted, are URLs or captions, or leave a parenthesis open.
 */
function isHeading(unit: Unit): boolean {
  const { text } = unit;
  return (
    unit.isSingleBareLine &&
    unit.blankLinesBefore > 0 &&
    text.length <= HEADING_MAX_LENGTH &&
    /^[\p{Lu}\p{N}]/u.test(text) &&
    !/[.,:;)"']$/.test(text) &&
    hasBalancedParentheses(text) &&
    !URL_LINE.test(text) &&
    !BYLINE.test(text) &&
    !CAPTION_START.test(text) &&
    !FURTHER_READING.test(text)
  );
}

/** Image captions left by the web page: a short stand-alone block naming a picture (§7). */
function isCaption(unit: Unit, units: Unit[], index: number): boolean {
  const standsAlone =
    unit.blankLinesBefore > 0 && (units[index + 1] === undefined || units[index + 1]!.block !== unit.block);
  return standsAlone && CAPTION_START.test(unit.text) && countWords(unit.text) <= 40;
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The TOC wording may differ from the body heading (A5): "…from the Revolution?" vs "…from the
 * Russian Revolution?", "Statements/Memoirs" vs "Recommended Statements and Memoirs". Accept
 * the entry when its words appear in order in the heading and cover at least half of it.
 */
function tocEntryMatches(entry: string, heading: string): boolean {
  if (entry === heading) return true;
  const entryWords = words(entry);
  const headingWords = words(heading);
  let matched = 0;
  for (const word of headingWords) if (word === entryWords[matched]) matched++;
  return matched === entryWords.length && entryWords.length * 2 >= headingWords.length;
}

// ---------------------------------------------------------------------------------------------
// Drafts: the message walked into lessons, sections and back matter, before blocks are built.

interface ProseItem {
  kind: "prose" | "caption";
  text: string;
  /** False when the previous item ends on the line right above (no blank line between). */
  afterBlankLine: boolean;
  /** The unit it came from (to tell a cover note from the text after it). */
  unitIndex: number;
}

interface SectionDraft {
  heading: string | null;
  items: ProseItem[];
}

interface LessonDraft {
  title: string;
  tocTitle: string | null;
  sections: SectionDraft[];
  furtherReading: string[];
}

interface ReferenceDraft {
  heading: string;
  tocHeading: string | null;
  entries: string[];
}

interface MessageDraft {
  lede: string[];
  byline: string | null;
  lessons: LessonDraft[];
  references: ReferenceDraft[];
}

function proseItems(unit: Unit, unitIndex: number, units: Unit[]): ProseItem[] {
  if (isCaption(unit, units, unitIndex)) {
    return [{ kind: "caption", text: unit.text, afterBlankLine: true, unitIndex }];
  }
  // " ---- " is A-Infos' flattened paragraph break (A7).
  return unit.text
    .split(INLINE_BREAK)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((text, part) => ({
      kind: "prose" as const,
      text,
      afterBlankLine: part > 0 || unit.blankLinesBefore > 0,
      unitIndex,
    }));
}

function newLesson(title: string, tocTitle: string | null): LessonDraft {
  return { title, tocTitle, sections: [{ heading: null, items: [] }], furtherReading: [] };
}

function draftMessage(units: Unit[]): MessageDraft {
  const tocIndex = units.findIndex((unit) => TOC_TITLE.test(unit.text));
  const toc: string[] = [];
  let start = 0;
  if (tocIndex !== -1) {
    const tocBlock = units[tocIndex]!.block;
    start = tocIndex + 1;
    while (start < units.length && units[start]!.block === tocBlock) toc.push(units[start++]!.text);
  }

  const lessons: LessonDraft[] = [];
  const references: ReferenceDraft[] = [];
  const opening: ProseItem[] = [];
  let tocPointer = 0;
  let inBackMatter = false;

  // Headings are searched only after the TOC: 15 of its lines repeat body headings (§4.3).
  for (let i = start; i < units.length; i++) {
    const unit = units[i]!;
    const lesson = lessons[lessons.length - 1];
    const reference = references[references.length - 1];

    if (FURTHER_READING.test(unit.text) && !inBackMatter) {
      if (!lesson) throw new Error(`"For further reading" before any lesson (line ${unit.firstLine})`);
      // The list is the next block, one item per line; nothing in it is a heading (B5 line 737).
      const listBlock = units[i + 1]?.block;
      while (units[i + 1] !== undefined && units[i + 1]!.block === listBlock) {
        lesson.furtherReading.push(units[++i]!.text);
      }
      continue;
    }

    if (isHeading(unit)) {
      const heading = unit.text;
      if (tocIndex === -1) {
        lessons.push(newLesson(heading, null));
        continue;
      }
      const entry = toc[tocPointer];
      if (entry !== undefined && tocEntryMatches(entry, heading)) {
        tocPointer++;
        const tocWording = entry === heading ? null : entry;
        // Questions are the lessons; the first non-question TOC entry starts the back matter.
        if (!inBackMatter && entry.endsWith("?")) lessons.push(newLesson(heading, tocWording));
        else {
          inBackMatter = true;
          references.push({ heading, tocHeading: tocWording, entries: [] });
        }
      } else if (inBackMatter) {
        references.push({ heading, tocHeading: null, entries: [] });
      } else if (lesson) {
        lesson.sections.push({ heading, items: [] });
      } else {
        throw new Error(
          `Heading "${heading}" (line ${unit.firstLine}) is neither in the TOC nor inside a lesson`,
        );
      }
      continue;
    }

    if (inBackMatter) {
      reference!.entries.push(unit.text);
      continue;
    }
    const items = proseItems(unit, i, units);
    if (lesson) lesson.sections[lesson.sections.length - 1]!.items.push(...items);
    else opening.push(...items);
  }

  if (tocIndex !== -1 && tocPointer !== toc.length) {
    throw new Error(`TOC entries without a body heading: ${toc.slice(tocPointer).join(" | ")}`);
  }

  // Front matter: before a TOC sit the lede and the byline; without a TOC, a cover note
  // (the " ---- "-separated head of the first paragraph) plays the lede.
  const lede: string[] = [];
  let byline: string | null = null;
  let untitledOpening: ProseItem[] = opening;
  if (tocIndex !== -1) {
    for (const unit of units.slice(0, tocIndex)) {
      if (BYLINE.test(unit.text)) byline = unit.text;
      else
        lede.push(
          ...unit.text
            .split(INLINE_BREAK)
            .map((part) => part.trim())
            .filter(Boolean),
        );
    }
  } else {
    const firstUnit = opening[0]?.unitIndex;
    const fromFirstUnit = opening.filter((item) => item.unitIndex === firstUnit);
    if (fromFirstUnit.length > 1) {
      lede.push(...fromFirstUnit.slice(0, -1).map((item) => item.text));
      untitledOpening = opening.slice(fromFirstUnit.length - 1);
    }
  }

  if (untitledOpening.some((item) => item.kind === "prose")) {
    const intro = newLesson(UNTITLED_OPENING_TITLE, null);
    intro.sections[0]!.items.push(...untitledOpening);
    lessons.unshift(intro);
  } else if (untitledOpening.length > 0) {
    // Only captions before the first heading (the Black Rose map): they open the first lesson.
    const first = lessons[0];
    if (!first) throw new Error("Captions before the first heading, but no lesson follows");
    first.sections[0]!.items.unshift(...untitledOpening);
  }

  const cleanedLede = lede
    .map((paragraph) => paragraph.replace(HASHTAGS_AT_END, "").trim()) // "#RussianRev100Years #1917LIVE"
    .filter(Boolean);
  return { lede: cleanedLede, byline, lessons, references };
}

// ---------------------------------------------------------------------------------------------
// Blocks: paragraphs, block quotations / epigraphs (§6), captions.

const ENDS_SENTENCE = /[.!?]["')\]]*$/;
const ENDS_WITH_CITATION = /\([^()]*\)\.?$/;
/** A quotation in double quotes followed only by its attribution: "…" (Maximov 150). */
const EPIGRAPH = /^"[^"]+"\s*\([^()]+\)\.?$/;

/**
 * Block quotes carry no markup (A13), so they are recognised from context:
 *  - an epigraph is a lesson's first paragraph made of a quotation plus its attribution;
 *  - a quote starts after a blank line when the previous paragraph stops mid-sentence
 *    (ends with ":", ", that,", "but," or "through") or when it starts in lower case / "[w]";
 *  - it runs on over further paragraphs until one ends with a parenthetical citation, or the
 *    next paragraph has no blank line before it (M3: prose resumes right under the quote) or
 *    contains a double quote (the author's voice, quoting again).
 */
function buildBlocks(lesson: LessonDraft): Section[] {
  let paragraphNumber = 0;
  let figureNumber = 0;
  let quoteGroupNumber = 0;
  let isFirstProse = true;

  return lesson.sections.map((draft, sectionIndex) => {
    const blocks: Block[] = [];
    let previousProse: { text: string; quoteGroup: string | null } | null = null;

    for (const item of draft.items) {
      if (item.kind === "caption") {
        const caption: CaptionBlock = { kind: "caption", id: `fig-${++figureNumber}`, text: item.text };
        blocks.push(caption);
        continue;
      }
      const { text } = item;
      let quoteGroup: string | null = null;
      let epigraph = false;

      if (isFirstProse && EPIGRAPH.test(text)) {
        epigraph = true;
        quoteGroup = `q-${++quoteGroupNumber}`;
      } else if (previousProse && item.afterBlankLine) {
        const introducesQuote = !ENDS_SENTENCE.test(previousProse.text) || /^\[?\p{Ll}/u.test(text);
        const continuesQuote =
          previousProse.quoteGroup !== null &&
          !ENDS_WITH_CITATION.test(previousProse.text) &&
          !text.includes('"');
        if (continuesQuote) quoteGroup = previousProse.quoteGroup;
        else if (introducesQuote && previousProse.quoteGroup === null) quoteGroup = `q-${++quoteGroupNumber}`;
      }

      const id = `p-${++paragraphNumber}`;
      const sentences = splitSentences(text);
      if (quoteGroup) {
        const quote: QuoteBlock = { kind: "quote", id, text, sentences, epigraph, group: quoteGroup };
        blocks.push(quote);
      } else {
        const paragraph: ParagraphBlock = { kind: "paragraph", id, text, sentences };
        blocks.push(paragraph);
      }
      // An epigraph never runs on into the lesson's first paragraph.
      previousProse = { text, quoteGroup: epigraph ? null : quoteGroup };
      isFirstProse = false;
    }

    const heading = draft.heading;
    return {
      id:
        sectionIndex === 0 && heading === null
          ? INTRO_SECTION_ID
          : slugify(heading ?? `section-${sectionIndex}`),
      heading,
      blocks,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Lists: further reading items and back-matter entries.

function parseReadingItem(text: string): ReadingItem {
  const quoted = /^"([^"]+)"\s*(?:\(([^()]+)\))?$/.exec(text);
  if (quoted) return { text, title: quoted[1] ?? text, author: quoted[2] ?? null };
  const withAuthor = /^(.+?)\s*\(([^()]+)\)$/.exec(text);
  if (withAuthor) return { text, title: withAuthor[1] ?? text, author: withAuthor[2] ?? null };
  return { text, title: text, author: null };
}

/**
 * Works Cited has two entries cut in half by a stray blank line (A8). An entry is incomplete
 * while it leaves a parenthesis open or does not end in "." or ")": join it to the next.
 */
function rejoinSplitEntries(entries: string[]): string[] {
  const joined: string[] = [];
  let pending = "";
  for (const entry of entries) {
    pending = pending ? `${pending} ${entry}` : entry;
    if (hasBalancedParentheses(pending) && /[.)]$/.test(pending)) {
      joined.push(pending);
      pending = "";
    }
  }
  if (pending) joined.push(pending);
  return joined;
}

// ---------------------------------------------------------------------------------------------
// Assembly.

function sumWords(blocks: Block[]): number {
  let total = 0;
  for (const block of blocks) if (block.kind !== "caption") total += countWords(block.text);
  return total;
}

function uniqueSlug(base: string, taken: Set<string>): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

function matchDescriptor(message: RawMessage): ModuleDescriptor {
  const topic = message.topic.toUpperCase();
  const descriptor = MODULE_CATALOGUE.find((candidate) => topic.includes(candidate.title.toUpperCase()));
  if (!descriptor) {
    throw new Error(`Message ${message.number} ("${message.topic}") matches no module in MODULE_CATALOGUE`);
  }
  return descriptor;
}

/** "Australia, HAIL THE OCTOBER REVOLUTION! Ablokeimet for MACG." → "Ablokeimet". */
function authorFromTopic(topic: string): string | null {
  return /\b(\p{Lu}[\p{L}-]+) for \p{Lu}[\p{L}]*\.?(?:\s|$)/u.exec(topic)?.[1] ?? null;
}

export function parseDigest(source: string): Guide {
  const { text } = applyErrata(source);
  const { date, messages } = parseEnvelope(text);
  const takenLessonSlugs = new Set<string>();
  const modules: GuideModule[] = [];
  const references: ReferenceList[] = [];

  const ordered = messages
    .map((message) => ({ message, descriptor: matchDescriptor(message) }))
    .sort((a, b) => MODULE_CATALOGUE.indexOf(a.descriptor) - MODULE_CATALOGUE.indexOf(b.descriptor));

  for (const { message, descriptor } of ordered) {
    const draft = draftMessage(toUnits(message.body));
    const lessons: Lesson[] = draft.lessons.map((lessonDraft, index) => {
      const sections = buildBlocks(lessonDraft);
      const wordCount = sections.reduce((total, section) => total + sumWords(section.blocks), 0);
      return {
        slug: uniqueSlug(slugify(lessonDraft.title), takenLessonSlugs),
        moduleSlug: descriptor.slug,
        order: index + 1,
        title: lessonDraft.title,
        tocTitle: lessonDraft.tocTitle,
        sections,
        furtherReading: lessonDraft.furtherReading.map(parseReadingItem),
        wordCount,
        readingMinutes: readingMinutesFor(wordCount),
      };
    });
    // A cover note's bare link to the article repeats the footer URL: `sourceUrl` already has it.
    const ledeParagraphs = draft.lede.filter((paragraph) => paragraph !== message.sourceUrl);
    const lede: ParagraphBlock[] = ledeParagraphs.map((paragraph, index) => ({
      kind: "paragraph",
      id: `lede-${index + 1}`,
      text: paragraph,
      sentences: splitSentences(paragraph),
    }));
    const wordCount = lessons.reduce((total, lesson) => total + lesson.wordCount, 0);
    modules.push({
      slug: descriptor.slug,
      title: descriptor.title,
      organisation: descriptor.organisation,
      author: draft.byline ? draft.byline.replace(/^By\s+/, "") : authorFromTopic(message.topic),
      date,
      sourceUrl: message.sourceUrl,
      lede,
      byline: draft.byline,
      lessons,
      wordCount,
      readingMinutes: readingMinutesFor(wordCount),
    });
    for (const reference of draft.references) {
      references.push({
        heading: reference.heading,
        tocHeading: reference.tocHeading,
        slug: slugify(reference.heading),
        entries: rejoinSplitEntries(reference.entries),
      });
    }
  }
  return { modules, references };
}
