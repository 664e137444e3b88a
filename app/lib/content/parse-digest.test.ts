import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDigest } from "./parse-digest";
import {
  BACK_MATTER,
  BLACK_ROSE_BODY,
  BLACK_ROSE_FRONT,
  BLACK_ROSE_LESSONS,
  B13_INTRO,
  CAPTIONS,
  FURTHER_READING_TOTAL,
  MACG_BODY,
  MACG_COVER_NOTE_SENTENCES,
  MACG_COVER_NOTE_WORDS,
  MACG_LESSONS,
  QUOTATIONS,
  SOURCE_LINE_COUNT,
  type LessonFixture,
  type LineRange,
} from "./structure.fixture";
import type { Block, Guide, Lesson, Section } from "./types";

const source = readFileSync(
  path.join(process.cwd(), "content", "source", "000_c35c5bcf756e66cf.txt"),
  "utf8",
);
const sourceLines = source.split("\n");
const guide = parseDigest(source);
const [blackRose, macg] = guide.modules;

// --- Independent helpers: raw lines → comparable tokens, without the parser's code. -------------

function rawText(...ranges: LineRange[]): string {
  return ranges.map(([from, to]) => sourceLines.slice(from - 1, to).join(" ")).join(" ");
}

/** Lower-case letter/digit runs: robust to NBSP, wrapping, "----", quote marks and U+FFFD. */
function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

function proseBlocks(blocks: Block[]) {
  return blocks.filter((block) => block.kind !== "caption");
}

function lessonBlocks(lesson: Lesson): Block[] {
  return lesson.sections.flatMap((section) => section.blocks);
}

function sentencesOf(blocks: Block[]): string[] {
  return proseBlocks(blocks).flatMap((block) => block.sentences);
}

function sectionWords(section: Section): number {
  return proseBlocks(section.blocks).reduce((total, block) => total + wordCount(block.text), 0);
}

function within(actual: number, expected: number, fraction: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.max(1, expected * fraction));
}

const lessonPairs: Array<{ fixture: LessonFixture; lesson: Lesson }> = [
  ...BLACK_ROSE_LESSONS.map((fixture, index) => ({ fixture, lesson: blackRose!.lessons[index]! })),
  ...MACG_LESSONS.map((fixture, index) => ({ fixture, lesson: macg!.lessons[index]! })),
];
const lessonById = new Map(lessonPairs.map(({ fixture, lesson }) => [fixture.id, lesson]));

// --- The fixture itself must describe the file: every non-blank body line exactly once. --------

describe("structure fixture (self-check against the raw file)", () => {
  it("has the file's line count", () => {
    expect(sourceLines).toHaveLength(SOURCE_LINE_COUNT);
  });

  it("assigns every non-blank line of both bodies to exactly one role", () => {
    const owners = new Map<number, string[]>();
    const claim = (role: string, [from, to]: LineRange) => {
      for (let n = from; n <= to; n++) {
        if (sourceLines[n - 1]!.trim() === "") continue;
        owners.set(n, [...(owners.get(n) ?? []), role]);
      }
    };
    for (const { fixture } of lessonPairs) {
      if (fixture.headingLine) claim(`${fixture.id} heading`, [fixture.headingLine, fixture.headingLine]);
      fixture.prose.forEach((range) => claim(`${fixture.id} prose`, range));
      fixture.captions?.forEach((range) => claim(`${fixture.id} caption`, range));
      fixture.subsections?.forEach((sub) =>
        claim(`${fixture.id} sub-heading`, [sub.headingLine, sub.headingLine]),
      );
      if (fixture.furtherReading) {
        const { headerLine, items } = fixture.furtherReading;
        claim(`${fixture.id} reading header`, [headerLine, headerLine]);
        claim(`${fixture.id} reading items`, items);
      }
    }
    claim("lede", BLACK_ROSE_FRONT.lede);
    claim("byline", [BLACK_ROSE_FRONT.bylineLine, BLACK_ROSE_FRONT.bylineLine]);
    claim("toc", BLACK_ROSE_FRONT.toc);
    claim("front caption", BLACK_ROSE_FRONT.caption);
    for (const list of BACK_MATTER) {
      claim(`${list.heading} heading`, [list.headingLine, list.headingLine]);
      claim(`${list.heading} entries`, list.entries);
    }
    const problems: string[] = [];
    for (const [from, to] of [MACG_BODY, BLACK_ROSE_BODY]) {
      for (let n = from; n <= to; n++) {
        if (sourceLines[n - 1]!.trim() === "") continue;
        const roles = owners.get(n) ?? [];
        if (roles.length !== 1) problems.push(`line ${n}: ${roles.join(", ") || "unclaimed"}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("has its heading lines where the headings are", () => {
    for (const { fixture } of lessonPairs) {
      if (fixture.headingLine) expect(sourceLines[fixture.headingLine - 1]).toBe(fixture.heading);
      for (const sub of fixture.subsections ?? []) expect(sourceLines[sub.headingLine - 1]).toBe(sub.heading);
    }
  });
});

// --- Modules, lessons, titles and slugs. -------------------------------------------------------

describe("modules", () => {
  it("are the two articles, Black Rose first", () => {
    expect(guide.modules.map((module) => module.slug)).toEqual([
      "red-and-black-october",
      "hail-the-october-revolution",
    ]);
  });

  it("carry the Black Rose metadata", () => {
    expect(blackRose).toMatchObject({
      title:
        "Red and Black October: An Anarchist Perspective on the Russian Revolution for its 100th Anniversary",
      organisation: "Black Rose Anarchist Federation",
      author: "Javier Sethness",
      byline: "By Javier Sethness",
      date: "2017-11-12",
      sourceUrl:
        "http://blackrosefed.org/red-black-october-anarchist-perspective-russian-revolution-100th-anniversary/",
    });
  });

  it("carry the MACG metadata", () => {
    expect(macg).toMatchObject({
      title: "Hail the October Revolution",
      organisation: "Melbourne Anarchist Communist Group (MACG)",
      author: "Ablokeimet",
      byline: null,
      date: "2017-11-12",
      sourceUrl: "https://melbacg.wordpress.com/2017/11/07/hail-the-october-revolution/",
    });
  });

  it("keep the Black Rose lede (split at ' ---- ', hashtags dropped) out of the lessons", () => {
    const lede = blackRose!.lede;
    expect(lede.map((block) => block.id)).toEqual(["lede-1", "lede-2"]);
    expect(lede[0]!.text).toMatch(/^A hundred years to the day .* Bolshevik Party\.$/);
    expect(lede[1]!.text).toMatch(/^This piece part of our ongoing series .* at the end\.$/);
    const expected = tokens(rawText(BLACK_ROSE_FRONT.lede)).filter(
      (token) => !["russianrev100years", "1917live"].includes(token),
    );
    expect(lede.flatMap((block) => tokens(block.text))).toEqual(expected);
  });

  it("keep the MACG cover note as its lede (its bare link is the sourceUrl) and the rest as the Introduction", () => {
    expect(macg!.lede.map((block) => block.text)).toEqual([
      "The Melbourne Anarchist Communist Group is pleased to release its statement on the centenary of the October Revolution:",
      "In Solidarity,",
    ]);
    const intro = macg!.lessons[0]!;
    expect(proseBlocks(lessonBlocks(intro))[0]!.text).toMatch(
      /^One hundred years ago today, a workers' revolution/,
    );
  });
});

describe("lessons", () => {
  it("are the 15 Black Rose questions in TOC order", () => {
    expect(blackRose!.lessons.map((lesson) => lesson.title)).toEqual(
      BLACK_ROSE_LESSONS.map((fixture) => fixture.heading),
    );
    expect(blackRose!.lessons.map((lesson) => lesson.order)).toEqual([...Array(15).keys()].map((i) => i + 1));
  });

  it("are the 6 MACG parts, the untitled opening called Introduction", () => {
    expect(macg!.lessons.map((lesson) => lesson.title)).toEqual([
      "Introduction",
      "The Road to October",
      "October",
      "Aftermath",
      "Lessons",
      "Conclusion",
    ]);
  });

  it("set tocTitle only where the TOC wording differs (B15)", () => {
    for (const { fixture, lesson } of lessonPairs)
      expect(lesson.tocTitle, fixture.id).toBe(fixture.tocTitle ?? null);
  });

  it("have stable, URL-safe, guide-unique slugs", () => {
    const slugs = lessonPairs.map(({ lesson }) => lesson.slug);
    expect(new Set(slugs).size).toBe(21);
    for (const slug of slugs) {
      expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(slug.length).toBeLessThanOrEqual(60);
    }
    expect(slugs).toEqual([
      "what-precipitated-the-crisis-and-revolutionary-events-of",
      "what-helped-propel-the-revolution",
      "what-was-the-anarchist-role-in-the-revolution",
      "how-did-the-events-beginning-in-1917-present-two-opposing",
      "how-did-the-revolution-go-wrong",
      "what-was-the-role-of-the-bolshevik-party",
      "what-was-the-red-terror",
      "what-was-the-russian-civil-war",
      "what-about-the-imperialists",
      "what-happened-in-ukraine",
      "were-makhno-and-his-followers-anti-semitic",
      "what-happened-at-kronstadt-in-1921",
      "how-did-lenin-contradict-his-supposed-anti-imperialist",
      "how-did-red-october-the-red-terror-and-the-civil-war-lead-to",
      "what-lessons-should-we-take-from-the-russian-revolution",
      "introduction",
      "the-road-to-october",
      "october",
      "aftermath",
      "lessons",
      "conclusion",
    ]);
    for (const { lesson } of lessonPairs) {
      const owner = lesson.moduleSlug === blackRose!.slug ? blackRose : macg;
      expect(owner!.lessons).toContain(lesson);
    }
  });

  it("give B13 an untitled intro and its four sub-parts as sections", () => {
    const b13 = lessonById.get("B13")!;
    expect(b13.sections.map((section) => [section.id, section.heading])).toEqual([
      ["intro", null],
      ["ukraine", "Ukraine"],
      ["georgia", "Georgia"],
      [
        "central-asia-kirghiz-kazakh-steppe-and-turkestan",
        "Central Asia: Kirghiz-Kazakh Steppe and Turkestan",
      ],
      ["the-basmachi", "The Basmachi"],
    ]);
    for (const { fixture, lesson } of lessonPairs) {
      if (fixture.id === "B13") continue;
      expect(
        lesson.sections.map((section) => [section.id, section.heading]),
        fixture.id,
      ).toEqual([["intro", null]]);
    }
  });

  it("give every block a unique anchor id, paragraphs and quotes numbered p-1… in reading order", () => {
    for (const { fixture, lesson } of lessonPairs) {
      const blocks = lessonBlocks(lesson);
      expect(new Set(blocks.map((block) => block.id)).size, fixture.id).toBe(blocks.length);
      expect(proseBlocks(blocks).map((block) => block.id)).toEqual(
        proseBlocks(blocks).map((_, i) => `p-${i + 1}`),
      );
    }
  });
});

// --- Counts. --------------------------------------------------------------------------------------

describe("word and sentence counts", () => {
  /** The fixture counts M0 with its cover note; the guide moves that note to the MACG lede. */
  function expectedFor(fixture: LessonFixture) {
    return fixture.id === "M0"
      ? {
          words: fixture.words - MACG_COVER_NOTE_WORDS,
          sentences: fixture.sentences - MACG_COVER_NOTE_SENTENCES,
        }
      : { words: fixture.words, sentences: fixture.sentences };
  }

  it.each(lessonPairs.map(({ fixture }) => fixture.id))("%s: words within 2 %, sentences within 3", (id) => {
    const { fixture, lesson } = lessonPairs.find((pair) => pair.fixture.id === id)!;
    const expected = expectedFor(fixture);
    within(lesson.wordCount, expected.words, 0.02);
    const recount = lesson.sections.reduce((total, section) => total + sectionWords(section), 0);
    expect(recount).toBe(lesson.wordCount);
    expect(Math.abs(sentencesOf(lessonBlocks(lesson)).length - expected.sentences)).toBeLessThanOrEqual(3);
    expect(lesson.readingMinutes).toBe(Math.max(1, Math.ceil(lesson.wordCount / 220)));
  });

  it("B13's intro and sub-sections: words within 2 %, sentences within 3", () => {
    const [intro, ...subsections] = lessonById.get("B13")!.sections;
    within(sectionWords(intro!), B13_INTRO.words, 0.02);
    expect(Math.abs(sentencesOf(intro!.blocks).length - B13_INTRO.sentences)).toBeLessThanOrEqual(3);
    const fixtures = BLACK_ROSE_LESSONS.find((fixture) => fixture.id === "B13")!.subsections!;
    subsections.forEach((section, index) => {
      const fixture = fixtures[index]!;
      within(sectionWords(section), fixture.words, 0.02);
      expect(
        Math.abs(sentencesOf(section.blocks).length - fixture.sentences),
        fixture.heading,
      ).toBeLessThanOrEqual(3);
    });
  });

  it("module totals are the sums of their lessons", () => {
    for (const guideModule of guide.modules) {
      expect(guideModule.wordCount).toBe(
        guideModule.lessons.reduce((total, lesson) => total + lesson.wordCount, 0),
      );
    }
    within(blackRose!.wordCount, 10187, 0.02);
  });
});

// --- Nothing lost, nothing doubled. --------------------------------------------------------------

describe("coverage of the source prose", () => {
  it.each(lessonPairs.map(({ fixture }) => fixture.id))(
    "%s: its text is exactly the fixture's prose lines",
    (id) => {
      const { fixture, lesson } = lessonPairs.find((pair) => pair.fixture.id === id)!;
      // The MACG cover note's link to the article is not repeated in the lede: it is the sourceUrl.
      const expected = tokens(rawText(...fixture.prose).replace(macg!.sourceUrl, ""));
      const fromLede = fixture.id === "M0" ? macg!.lede.flatMap((block) => tokens(block.text)) : [];
      const fromSentences = sentencesOf(lessonBlocks(lesson)).flatMap(tokens);
      expect([...fromLede, ...fromSentences]).toEqual(expected);
    },
  );

  it("puts every sentence in exactly one lesson", () => {
    const lessonTexts = lessonPairs.map(({ fixture }) => ({
      id: fixture.id,
      text: ` ${tokens(rawText(...fixture.prose)).join(" ")} `,
    }));
    const misplaced: string[] = [];
    for (const { fixture, lesson } of lessonPairs) {
      for (const sentence of sentencesOf(lessonBlocks(lesson))) {
        const needle = ` ${tokens(sentence).join(" ")} `;
        const homes = lessonTexts.filter(({ text }) => text.includes(needle)).map(({ id }) => id);
        if (homes.length !== 1 || homes[0] !== fixture.id)
          misplaced.push(`${fixture.id}: "${sentence}" found in [${homes.join(", ")}]`);
      }
    }
    expect(misplaced).toEqual([]);
  });

  it("keeps headings, captions, reading lists and the TOC out of the prose", () => {
    const prose = lessonPairs.flatMap(({ lesson }) =>
      proseBlocks(lessonBlocks(lesson)).map((block) => block.text),
    );
    const forbidden = [
      "For further reading",
      "Table of Contents",
      "By Javier Sethness",
      "#RussianRev100Years",
      "----",
      ...CAPTIONS.map((caption) => caption.firstWords),
      "How did Bolshevik ideology contribute",
    ];
    for (const text of prose) for (const phrase of forbidden) expect(text).not.toContain(phrase);
  });
});

// --- Quotes, captions, lists. ---------------------------------------------------------------------

describe("block quotations and epigraphs", () => {
  it("recognises the twelve of content/DIGEST-LAYOUT.md §6 and nothing else", () => {
    const found: Array<{ lesson: string; firstWords: string; epigraph: boolean; paragraphs: number }> = [];
    for (const { fixture, lesson } of lessonPairs) {
      const groups = new Map<string, { first: string; epigraph: boolean; paragraphs: number }>();
      for (const block of lessonBlocks(lesson)) {
        if (block.kind !== "quote") continue;
        const group = groups.get(block.group);
        if (group) group.paragraphs++;
        else groups.set(block.group, { first: block.text, epigraph: block.epigraph, paragraphs: 1 });
      }
      for (const group of groups.values()) {
        const known = QUOTATIONS.find(
          (quote) => quote.lesson === fixture.id && group.first.startsWith(quote.firstWords),
        );
        found.push({
          lesson: fixture.id,
          firstWords: known?.firstWords ?? group.first.slice(0, 40),
          epigraph: group.epigraph,
          paragraphs: group.paragraphs,
        });
      }
    }
    const order = (id: string) => lessonPairs.findIndex(({ fixture }) => fixture.id === id);
    const expected = [...QUOTATIONS].sort((a, b) => order(a.lesson) - order(b.lesson));
    expect(found).toEqual(expected);
  });

  it("keeps quote paragraphs in the lesson's reading order, sharing a group id", () => {
    const b5 = lessonById.get("B5")!;
    const voline = lessonBlocks(b5).filter(
      (block) => block.kind === "quote" && block.text.startsWith("To justify themselves"),
    );
    expect(voline).toHaveLength(1);
  });
});

describe("captions", () => {
  it("are the four image captions of §7, as CaptionBlocks in the right lessons", () => {
    const found = lessonPairs.flatMap(({ fixture, lesson }) =>
      lessonBlocks(lesson)
        .filter((block) => block.kind === "caption")
        .map((block) => ({ lesson: fixture.id, text: block.text })),
    );
    expect(found.map(({ lesson }) => lesson)).toEqual(CAPTIONS.map(({ lesson }) => lesson));
    found.forEach((caption, index) =>
      expect(caption.text.startsWith(CAPTIONS[index]!.firstWords)).toBe(true),
    );
    expect(found[0]!.text).toBe(
      "A map of western Russia and Eastern Europe using current borders indicating important cities and sites for the Revolution. The black star corresponds to Kronstadt.",
    );
    const b13c = lessonById.get("B13")!.sections[3]!;
    expect(b13c.blocks.slice(0, 2).map((block) => block.kind)).toEqual(["caption", "caption"]);
  });
});

describe("further reading", () => {
  it("has 7 lists with 21 items, one per fixture line", () => {
    const lists = lessonPairs.filter(({ lesson }) => lesson.furtherReading.length > 0);
    expect(lists).toHaveLength(FURTHER_READING_TOTAL.lists);
    expect(lists.reduce((total, { lesson }) => total + lesson.furtherReading.length, 0)).toBe(
      FURTHER_READING_TOTAL.items,
    );
    for (const { fixture, lesson } of lessonPairs) {
      const range = fixture.furtherReading?.items;
      const lines = range ? sourceLines.slice(range[0] - 1, range[1]).filter((line) => line.trim()) : [];
      expect(
        lesson.furtherReading.map((item) => item.text),
        fixture.id,
      ).toEqual(lines);
    }
  });

  it("splits titles and authors", () => {
    expect(lessonById.get("B2")!.furtherReading[0]).toEqual({
      text: '"Factory Committees in the Russian Revolution" (Rod Jones)',
      title: "Factory Committees in the Russian Revolution",
      author: "Rod Jones",
    });
    expect(lessonById.get("B3")!.furtherReading.map((item) => [item.title, item.author])).toEqual([
      ["Anarchists in the Russian Revolution", "Paul Avrich"],
      ["The Russian Revolution", "ed. Robert Graham"],
      ["Timeline of Russian Anarchism, 1921-1953", null],
    ]);
    const b5 = lessonById.get("B5")!.furtherReading;
    expect(b5[3]).toEqual({
      text: '"How did Bolshevik ideology contribute to the failure of the Revolution?"',
      title: "How did Bolshevik ideology contribute to the failure of the Revolution?",
      author: null,
    });
    expect(b5[4]!.author).toBe("Makhno, Arshinov, et al.");
  });
});

describe("back matter", () => {
  it("has Works Cited (12), Recommended Statements and Memoirs (4), Recommended Films (7)", () => {
    expect(
      guide.references.map((list) => ({
        heading: list.heading,
        tocHeading: list.tocHeading,
        count: list.entries.length,
      })),
    ).toEqual(BACK_MATTER.map(({ heading, tocHeading, count }) => ({ heading, tocHeading, count })));
    expect(guide.references.map((list) => list.slug)).toEqual([
      "works-cited",
      "recommended-statements-and-memoirs",
      "recommended-films",
    ]);
  });

  it("rejoins the two Works Cited entries split by a blank line", () => {
    const [worksCited, statements, films] = guide.references;
    expect(worksCited!.entries).toContain(
      "Haugen, Arne. The Establishment of National Republics in Soviet Central Asia (New York: Palgrave Macmillan, 2003).",
    );
    expect(worksCited!.entries).toContain(
      "Rywkin, Michael. Moscow's Muslim Challenge: Soviet Central Asia (Armonk, NY: M.E. Sharpe, 1990).",
    );
    expect(worksCited!.entries.at(-1)).toBe(
      "Voline, The Unknown Revolution (Montréal: Black Rose Books, 1975[1947]).",
    );
    expect(statements!.entries.at(-1)).toBe(
      "Memoirs of Peasant Tolstoyans in Soviet Russia, trans. and ed. William Edgerton (Bloomington: Indiana University Press, 1993)",
    );
    expect(films!.entries[0]).toBe("Battleship Potëmkin, dir. Sergei Eisenstein (1925)");
    expect(films!.entries[3]).toBe("From Tsar to Lenin, dir. Herman Axelbank (1937)");
  });
});

// --- Whole-object hygiene and determinism. -----------------------------------------------------

function collectStrings(value: unknown, at: string, out: Array<[string, string]>) {
  if (typeof value === "string") out.push([at, value]);
  else if (Array.isArray(value)) value.forEach((item, index) => collectStrings(item, `${at}[${index}]`, out));
  else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) collectStrings(item, `${at}.${key}`, out);
  }
}

describe("output hygiene", () => {
  const strings: Array<[string, string]> = [];
  collectStrings(guide, "guide", strings);

  it("has no U+FFFD, NBSP, doubled or edge whitespace anywhere in the Guide", () => {
    expect(strings.length).toBeGreaterThan(1000);
    const bad = strings.filter(([, text]) => /[\uFFFD\u00A0]|\s{2}|^\s|\s$/.test(text)).map(([at]) => at);
    expect(bad).toEqual([]);
  });

  it("gives every paragraph and quote sentences that join back to its text", () => {
    const blocks = guide.modules.flatMap((module) => [
      ...module.lede,
      ...module.lessons.flatMap(lessonBlocks),
    ]);
    for (const block of blocks) {
      if (block.kind === "caption") continue;
      expect(block.sentences.length).toBeGreaterThan(0);
      expect(block.sentences.join(" ")).toBe(block.text);
    }
  });

  it("is deterministic", () => {
    expect(JSON.stringify(parseDigest(source))).toBe(JSON.stringify(guide));
  });

  it("is plain serialisable data", () => {
    expect(JSON.parse(JSON.stringify(guide)) as Guide).toEqual(guide);
  });
});

// --- Structure, not line numbers. ----------------------------------------------------------------

describe("robustness", () => {
  it("gives the same guide when every line number shifts", () => {
    const [first, ...rest] = sourceLines;
    const shifted = [first, "", "", ...rest].join("\n");
    expect(parseDigest(shifted)).toEqual(guide);
  });

  it("gives the same guide with CRLF-free trailing newline added", () => {
    expect(parseDigest(`${source}\n`)).toEqual(guide);
  });

  it("fails loudly when a TOC entry has no body heading", () => {
    const broken = source.replace(
      "\nWhat about the imperialists?\n\nThere is no doubt",
      "\n\nThere is no doubt",
    );
    expect(broken).not.toBe(source);
    expect(() => parseDigest(broken)).toThrow(
      /TOC entries without a body heading: What about the imperialists\?/,
    );
  });

  it("fails loudly when a message matches no module", () => {
    expect(() => parseDigest(source.replace("HAIL THE OCTOBER REVOLUTION!", "SOMETHING ELSE!"))).toThrow(
      /matches no module/,
    );
  });
});

// --- The rules on a small digest written for the test (no line numbers, no known headings). ------

describe("a synthetic digest with the same conventions", () => {
  const N = "\u00A0";
  const synthetic = [
    "Part 2 : Anarchic update news all over the world - 01.02.2018",
    "",
    "Today's Topics:",
    "",
    `1.${N} Australia, HAIL THE OCTOBER REVOLUTION! Someone for MACG.`,
    `2.${N} US, black rose fed - RED AND BLACK OCTOBER: AN ANARCHIST${N}`,
    `${N} ${N} PERSPECTIVE ON THE RUSSIAN REVOLUTION FOR ITS 100TH ANNIVERSARY`,
    "",
    "-".repeat(70),
    "",
    "Message: 1",
    "",
    `Our cover note: ----${N}`,
    `https://example.org/a/ ---- In Solidarity,${N}`,
    "---- Opening sentence one. Opening two.",
    "",
    "First Part",
    "",
    `Body of the first part. It has St. Petersburg in it and${N}`,
    "wraps onto a second line.",
    "",
    "https://example.org/a/",
    "",
    "-".repeat(30),
    "",
    "Message: 2",
    "",
    `Lede text here. ---- More lede.${N}`,
    "#Tag #Other",
    "",
    "By Jane Doe",
    "",
    "Table of Contents",
    "What is one?",
    "What is two?",
    "Works Cited",
    "",
    "A map of somewhere",
    "",
    "What is one?",
    '"an epigraph standing under the heading" (Someone).',
    "",
    "Prose that introduces a quotation:",
    "",
    "The quoted text, which runs on.",
    "",
    "And its second paragraph.",
    "",
    'Back to prose, with "quotes" of its own.',
    "",
    "For further reading:",
    "",
    '"A Title" (An Author)',
    '"What is three?"',
    "",
    "What is two?",
    "Intro of two, right under its heading.",
    "",
    "Sub A",
    "",
    "Text of sub A.",
    "",
    "Works Cited",
    "",
    "Doe, Jane. Book (City:",
    "",
    "Press, 2000).",
    "",
    "https://example.org/b/",
    "",
    "-".repeat(30),
  ].join("\n");
  const parsed = parseDigest(synthetic);
  const [rose, mac] = parsed.modules;

  it("reads the envelope", () => {
    expect(rose).toMatchObject({
      date: "2018-02-01",
      sourceUrl: "https://example.org/b/",
      author: "Jane Doe",
    });
    expect(mac).toMatchObject({ sourceUrl: "https://example.org/a/", author: "Someone", byline: null });
    expect(rose!.lede.map((block) => block.text)).toEqual(["Lede text here.", "More lede."]);
    expect(mac!.lede.map((block) => block.text)).toEqual(["Our cover note:", "In Solidarity,"]);
  });

  it("finds lessons, sub-sections and back matter from the structure", () => {
    expect(rose!.lessons.map((lesson) => lesson.title)).toEqual(["What is one?", "What is two?"]);
    expect(rose!.lessons[1]!.sections.map((section) => section.heading)).toEqual([null, "Sub A"]);
    expect(mac!.lessons.map((lesson) => lesson.title)).toEqual(["Introduction", "First Part"]);
    expect(parsed.references).toEqual([
      {
        heading: "Works Cited",
        tocHeading: null,
        slug: "works-cited",
        entries: ["Doe, Jane. Book (City: Press, 2000)."],
      },
    ]);
  });

  it("classifies blocks by context", () => {
    const blocks = rose!.lessons[0]!.sections[0]!.blocks.map((block) =>
      block.kind === "quote" ? `${block.epigraph ? "epigraph" : "quote"}:${block.group}` : block.kind,
    );
    expect(blocks).toEqual(["caption", "epigraph:q-1", "paragraph", "quote:q-2", "quote:q-2", "paragraph"]);
    expect(rose!.lessons[0]!.furtherReading.map((item) => item.title)).toEqual(["A Title", "What is three?"]);
    expect(mac!.lessons[1]!.sections[0]!.blocks[0]).toMatchObject({
      text: "Body of the first part. It has St. Petersburg in it and wraps onto a second line.",
      sentences: ["Body of the first part.", "It has St. Petersburg in it and wraps onto a second line."],
    });
  });
});
