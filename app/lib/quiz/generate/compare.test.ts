import { describe, expect, it } from "vitest";
import { getGuide } from "@/app/lib/content";
import { drawModuleTestIds, type ModuleTestCandidate } from "@/app/lib/attempts/draw";
import type { SentenceInfo } from "./analyse";
import {
  COMPARISON_PROMPT,
  comparisonQuestions,
  findStances,
  polarityOf,
  type ComparedText,
} from "./compare";
import { buildGazetteer } from "./gazetteer";
import { generateQuestionBank } from "./index";
import { wordCount } from "./text";

function info(evidence: string, index: number, lessonSlug: string, moduleSlug: string): SentenceInfo {
  return {
    lessonSlug,
    moduleSlug,
    blockId: `p-${index}`,
    blockKind: "paragraph",
    index,
    blockIndex: index,
    evidence,
    prompt: evidence,
    words: wordCount(evidence),
    standalone: true,
    reasons: [],
    quoteFraction: 0,
    keys: [],
    times: [],
    contextYear: null,
    tags: [],
  };
}

/** Two texts of the same kind as the guide's, about another revolution. */
function texts(statement: string[], article: string[]): { texts: ComparedText[]; all: string[] } {
  const s = statement.map((t, i) => info(t, i, "stmt-lesson", "stmt"));
  const a = article.map((t, i) => info(t, i, "art-lesson", "art"));
  return {
    texts: [
      { slug: "stmt", title: "Hail the Spring", sentences: s, words: 300 },
      { slug: "art", title: "The Spring Reconsidered: A Long Answer", sentences: a, words: 9000 },
    ],
    all: [...statement, ...article],
  };
}

const FEBRUARY = [
  "The workers of the capital rose against the Tsar in the February Revolution of 1917.",
  "Fundamentally, the February Revolution was successful because power was taken by the councils, the organs of the people.",
  "It was not a mere palace coup.",
];

describe("comparison questions", () => {
  it("reads a judging word's polarity, turned by 'not a mere', and nothing from a neutral phrase", () => {
    expect(polarityOf("successful because power was taken by the Soviets")).toBe(1);
    expect(polarityOf("not a mere Bolshevik coup")).toBe(1);
    expect(polarityOf("arguably the beginning of the Russian Revolution's corruption")).toBe(-1);
    expect(polarityOf("a coup and a success")).toBeNull();
    expect(polarityOf("held in the capital")).toBeNull();
    // A momentous event may be a disaster: no judging word.
    expect(polarityOf("a momentous event")).toBeNull();
  });

  it("sets two texts' opposite judgments of one event against each other, with swapped and shared stances as distractors", () => {
    const { texts: t, all } = texts(FEBRUARY, [
      "In contrast to the usual story of the Russian Revolution, the uprising in February 1917 can arguably be considered the beginning of its betrayal.",
    ]);
    const gaz = buildGazetteer(all.map((text) => ({ lessonSlug: "x", text })));
    const stances = findStances(t[0]!.sentences, gaz);
    // "It was not a mere palace coup" judges the event of the sentence before; the two read as one.
    expect(stances.map((s) => [s.topic.canonical, s.polarity, s.text])).toEqual([
      [
        "February Revolution",
        1,
        "successful because power was taken by the councils, not a mere palace coup",
      ],
    ]);
    const [q] = comparisonQuestions(t, gaz).map((c) => c.question);
    expect(q?.type).toBe("multiple_choice");
    if (q?.type !== "multiple_choice") return;
    expect(q.prompt).toBe(
      'How do the statement "Hail the Spring" and the article "The Spring Reconsidered" judge the February Revolution?',
    );
    expect(q.prompt).toMatch(COMPARISON_PROMPT);
    const s = "successful because power was taken by the councils, not a mere palace coup";
    const a = "arguably the beginning of the Russian Revolution's betrayal";
    expect(q.answer).toBe(`The statement: ${s}; the article: ${a}`);
    expect([...q.choices].sort()).toEqual(
      [q.answer, `The statement: ${a}; the article: ${s}`, `Both texts: ${s}`, `Both texts: ${a}`].sort(),
    );
    // The shorter text's module holds it; its lines come first, the article's last.
    expect(q.moduleSlug).toBe("stmt");
    expect(q.lessonSlug).toBe("stmt-lesson");
    expect(q.evidenceLessons).toEqual(["stmt-lesson", "stmt-lesson", "art-lesson"]);
    expect(q.evidence.split("\n")).toEqual([FEBRUARY[1], FEBRUARY[2], all[3]]);
  });

  it("asks nothing where the texts agree, where a pronoun has no single referent, or without a judging word", () => {
    const agree = texts(FEBRUARY, ["The February Revolution was a momentous triumph of the masses."]);
    const gazA = buildGazetteer(agree.all.map((text) => ({ lessonSlug: "x", text })));
    expect(comparisonQuestions(agree.texts, gazA)).toEqual([]);
    const vague = texts(FEBRUARY, [
      "Between the Civil War and the Russian Revolution, the February Revolution was the beginning of its corruption.",
    ]);
    const gazV = buildGazetteer(vague.all.map((text) => ({ lessonSlug: "x", text })));
    expect(findStances(vague.texts[1]!.sentences, gazV)).toEqual([]);
    // "successful …, but …": a judgment the sentence turns is no stance of the text.
    const turned = texts(
      ["The February Revolution was successful at first, but the councils soon lost their power."],
      ["The February Revolution was the beginning of the corruption of the councils."],
    );
    const gazT = buildGazetteer(turned.all.map((text) => ({ lessonSlug: "x", text })));
    expect(findStances(turned.texts[0]!.sentences, gazT)).toEqual([]);
    expect(findStances(turned.texts[1]!.sentences, gazT)).toHaveLength(1);
    expect(comparisonQuestions(turned.texts, gazT)).toEqual([]);
    const neutral = texts(FEBRUARY, ["The February Revolution was held in the capital."]);
    const gazN = buildGazetteer(neutral.all.map((text) => ({ lessonSlug: "x", text })));
    expect(comparisonQuestions(neutral.texts, gazN)).toEqual([]);
  });

  it("in the guide, every comparison sits in the shorter text's module tests and cites both texts", () => {
    const guide = getGuide();
    const bank = generateQuestionBank(guide);
    const moduleOf = new Map(guide.modules.flatMap((m) => m.lessons.map((l) => [l.slug, m.slug] as const)));
    const words = new Map(
      guide.modules.map((m) => [m.slug, m.lessons.reduce((n, l) => n + l.wordCount, 0)] as const),
    );
    const shorter = [...words].sort((a, b) => a[1] - b[1])[0]![0];
    const found = bank.lessons.flatMap((l) => l.questions).filter((q) => COMPARISON_PROMPT.test(q.prompt));
    expect(found.length).toBeGreaterThanOrEqual(1);
    for (const q of found) {
      expect(q.scope, q.id).toBe("module");
      expect(q.skill, q.id).toBe("attribution");
      expect(q.moduleSlug, q.id).toBe(shorter);
      const modules = (q.evidenceLessons ?? []).map((s) => moduleOf.get(s));
      expect(new Set(modules).size, q.id).toBe(2);
      expect(modules[0], q.id).toBe(shorter);
      if (q.type !== "multiple_choice") throw new Error(q.id);
      const [own, other] = q.answer.replace(/^The statement: /, "").split("; the article: ");
      expect(polarityOf(own!) === -polarityOf(other!)!, q.id).toBe(true);
    }
  });

  it("a module test draws a comparison whose evidence spans two modules like any module-scope question", () => {
    const lessonQs: ModuleTestCandidate[] = Array.from({ length: 30 }, (_, i) => ({
      id: `l-${String(i).padStart(2, "0")}`,
      type: "true_false",
      evidence: `Sentence ${i}.`,
      skill: "fact",
      scope: "lesson",
      lessonPosition: i % 3,
    }));
    const comparison: ModuleTestCandidate = {
      id: "compare",
      type: "multiple_choice",
      evidence: "Sentence 1.\nA sentence of the other text.",
      skill: "attribution",
      scope: "module",
      lessonPosition: 1,
    };
    const ids = drawModuleTestIds([...lessonQs, comparison], { seen: new Set(), missed: new Set() }, 7);
    expect(ids).toContain("compare");
    expect(ids).not.toContain("l-01");
    expect(ids).toHaveLength(20);
  });
});
