/**
 * Test fixture: the digest's layout (content/DIGEST-LAYOUT.md §2–§7) mapped by hand, as raw
 * 1-based line numbers. Tests use it to check the parser independently of the parser's own
 * code path. Used by tests only; nothing here reads outside content/source.
 */

export type LineRange = readonly [from: number, to: number];

export interface SectionFixture {
  heading: string;
  headingLine: number;
  prose: LineRange[];
  words: number;
  sentences: number;
}

export interface LessonFixture {
  id: string;
  /** Body heading; null for the untitled MACG opening. */
  heading: string | null;
  headingLine: number | null;
  tocTitle?: string;
  /** Running text (paragraphs, block quotes, epigraphs) in reading order. */
  prose: LineRange[];
  words: number;
  sentences: number;
  furtherReading?: { headerLine: number; items: LineRange };
  captions?: LineRange[];
  subsections?: SectionFixture[];
}

export const SOURCE_LINE_COUNT = 1386;

export const MACG_BODY: LineRange = [26, 306];
export const BLACK_ROSE_BODY: LineRange = [318, 1382];

/** M0 lines 26–36 open with a cover note (` ---- `-separated) that the guide keeps as the MACG lede. */
export const MACG_OPENING: LineRange = [26, 36];
/** "The Melbourne … October Revolution:" (18) + the URL (1) + "In Solidarity," (2). */
export const MACG_COVER_NOTE_WORDS = 21;
/** Cover sentence, URL and "In Solidarity," are three of M0's seven segments. */
export const MACG_COVER_NOTE_SENTENCES = 3;

export const MACG_LESSONS: LessonFixture[] = [
  { id: "M0", heading: null, headingLine: null, prose: [[26, 36]], words: 125, sentences: 7 },
  {
    id: "M1",
    heading: "The Road to October",
    headingLine: 38,
    prose: [[40, 105]],
    words: 807,
    sentences: 39,
  },
  { id: "M2", heading: "October", headingLine: 107, prose: [[109, 131]], words: 262, sentences: 14 },
  { id: "M3", heading: "Aftermath", headingLine: 133, prose: [[135, 197]], words: 720, sentences: 37 },
  { id: "M4", heading: "Lessons", headingLine: 199, prose: [[201, 294]], words: 1125, sentences: 54 },
  { id: "M5", heading: "Conclusion", headingLine: 296, prose: [[298, 306]], words: 119, sentences: 6 },
];

export const BLACK_ROSE_FRONT = {
  lede: [318, 329] as LineRange,
  hashtagsLine: 329,
  bylineLine: 331,
  toc: [333, 350] as LineRange,
  caption: [352, 353] as LineRange,
};

export const BLACK_ROSE_LESSONS: LessonFixture[] = [
  {
    id: "B1",
    heading: "What precipitated the crisis and revolutionary events of 1917?",
    headingLine: 355,
    prose: [[356, 383]],
    words: 319,
    sentences: 14,
  },
  {
    id: "B2",
    heading: "What helped propel the Revolution?",
    headingLine: 385,
    prose: [[387, 412]],
    words: 329,
    sentences: 9,
    furtherReading: { headerLine: 414, items: [416, 419] },
  },
  {
    id: "B3",
    heading: "What was the anarchist role in the Revolution?",
    headingLine: 421,
    prose: [[423, 548]],
    words: 1384,
    sentences: 50,
    furtherReading: { headerLine: 550, items: [552, 554] },
  },
  {
    id: "B4",
    heading: "How did the events beginning in 1917 present two opposing conceptions of social revolution?",
    headingLine: 556,
    prose: [[557, 604]],
    words: 537,
    sentences: 17,
  },
  {
    id: "B5",
    heading: "How did the Revolution go wrong?",
    headingLine: 606,
    prose: [[607, 730]],
    words: 1383,
    sentences: 51,
    furtherReading: { headerLine: 732, items: [734, 738] },
  },
  {
    id: "B6",
    heading: "What was the role of the Bolshevik Party?",
    headingLine: 740,
    prose: [[741, 795]],
    words: 638,
    sentences: 18,
    furtherReading: { headerLine: 797, items: [799, 800] },
  },
  {
    id: "B7",
    heading: "What was the Red Terror?",
    headingLine: 802,
    prose: [[804, 913]],
    words: 1339,
    sentences: 35,
    furtherReading: { headerLine: 915, items: [917, 917] },
  },
  {
    id: "B8",
    heading: "What was the Russian Civil War?",
    headingLine: 919,
    prose: [[921, 956]],
    words: 432,
    sentences: 12,
    captions: [[959, 959]],
  },
  {
    id: "B9",
    heading: "What about the imperialists?",
    headingLine: 961,
    prose: [[963, 980]],
    words: 235,
    sentences: 7,
  },
  {
    id: "B10",
    heading: "What happened in Ukraine?",
    headingLine: 982,
    prose: [[984, 1021]],
    words: 418,
    sentences: 14,
    furtherReading: { headerLine: 1023, items: [1025, 1027] },
  },
  {
    id: "B11",
    heading: "Were Makhno and his followers anti-Semitic?",
    headingLine: 1029,
    prose: [[1030, 1048]],
    words: 215,
    sentences: 6,
  },
  {
    id: "B12",
    heading: "What happened at Kronstadt in 1921?",
    headingLine: 1050,
    prose: [[1052, 1093]],
    words: 506,
    sentences: 16,
  },
  {
    id: "B13",
    heading: "How did Lenin contradict his supposed anti-imperialist principles while in power?",
    headingLine: 1095,
    prose: [
      [1096, 1101],
      [1105, 1105],
      [1109, 1128],
      [1136, 1180],
      [1184, 1268],
    ],
    words: 1845,
    sentences: 61,
    captions: [
      [1132, 1132],
      [1134, 1134],
    ],
    subsections: [
      { heading: "Ukraine", headingLine: 1103, prose: [[1105, 1105]], words: 10, sentences: 2 },
      { heading: "Georgia", headingLine: 1107, prose: [[1109, 1128]], words: 237, sentences: 12 },
      {
        heading: "Central Asia: Kirghiz-Kazakh Steppe and Turkestan",
        headingLine: 1130,
        prose: [[1136, 1180]],
        words: 521,
        sentences: 13,
      },
      { heading: "The Basmachi", headingLine: 1182, prose: [[1184, 1268]], words: 1008, sentences: 31 },
    ],
  },
  {
    id: "B14",
    heading: "How did Red October, the Red Terror, and the Civil War lead to Stalin's rule?",
    headingLine: 1270,
    prose: [[1271, 1293]],
    words: 286,
    sentences: 9,
    furtherReading: { headerLine: 1295, items: [1297, 1299] },
  },
  {
    id: "B15",
    heading: "What lessons should we take from the Russian Revolution?",
    headingLine: 1301,
    tocTitle: "What lessons should we take from the Revolution?",
    prose: [[1302, 1328]],
    words: 321,
    sentences: 11,
  },
];

/** B13's untitled intro (lines 1096–1101): 69 words, 3 sentences. */
export const B13_INTRO = { prose: [1096, 1101] as LineRange, words: 69, sentences: 3 };

export const BACK_MATTER = [
  {
    heading: "Works Cited",
    tocHeading: null,
    headingLine: 1330,
    entries: [1332, 1364] as LineRange,
    count: 12,
  },
  {
    heading: "Recommended Statements and Memoirs",
    tocHeading: "Statements/Memoirs",
    headingLine: 1366,
    entries: [1368, 1372] as LineRange,
    count: 4,
  },
  {
    heading: "Recommended Films",
    tocHeading: null,
    headingLine: 1374,
    entries: [1376, 1382] as LineRange,
    count: 7,
  },
] as const;

/** §6: the 12 block quotations and epigraphs, by lesson and first words. */
export const QUOTATIONS: ReadonlyArray<{
  lesson: string;
  firstWords: string;
  epigraph: boolean;
  paragraphs: number;
}> = [
  { lesson: "M3", firstWords: "The Commune was to be a working", epigraph: false, paragraphs: 1 },
  { lesson: "B3", firstWords: "We say to the Russian workers", epigraph: false, paragraphs: 2 },
  { lesson: "B3", firstWords: "To take over the economy", epigraph: false, paragraphs: 2 },
  { lesson: "B3", firstWords: "Anarchism is not only an idea", epigraph: false, paragraphs: 1 },
  { lesson: "B4", firstWords: "The natural interplay of their economic", epigraph: false, paragraphs: 1 },
  {
    lesson: "B5",
    firstWords: '"the forward march of the revolutionary masses',
    epigraph: true,
    paragraphs: 1,
  },
  { lesson: "B5", firstWords: "all-non Bolshevik elements were dubbed", epigraph: false, paragraphs: 1 },
  { lesson: "B5", firstWords: "Thus, inch by inch, the rulers", epigraph: false, paragraphs: 4 },
  { lesson: "B6", firstWords: "[w]hile the revolution in Germany", epigraph: false, paragraphs: 1 },
  {
    lesson: "B7",
    firstWords: "\"Lenin's mind, like the mind of any partisan",
    epigraph: true,
    paragraphs: 1,
  },
  { lesson: "B7", firstWords: "I was arrested not in January 1921", epigraph: false, paragraphs: 1 },
  {
    lesson: "B13",
    firstWords: "From the very first days Georgia was conquered",
    epigraph: false,
    paragraphs: 1,
  },
];

/** §7: image captions, by first words. */
export const CAPTIONS: ReadonlyArray<{ lesson: string; firstWords: string }> = [
  { lesson: "B1", firstWords: "A map of western Russia and Eastern Europe" },
  { lesson: "B8", firstWords: "The flag of the Green Armies" },
  { lesson: "B13", firstWords: "A map of Turkestan/Central Asia" },
  { lesson: "B13", firstWords: "Larger map situating Turkestan" },
];

export const FURTHER_READING_TOTAL = { lists: 7, items: 21 };
