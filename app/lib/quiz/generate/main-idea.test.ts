import { beforeAll, describe, expect, it } from "vitest";
import { getGuide } from "@/app/lib/content";
import type { Guide } from "@/app/lib/content/types";
import type { Question } from "../types";
import { analyseLesson, type SentenceInfo } from "./analyse";
import { buildContext, generateQuestionBank } from "./index";
import { stemsOf, yesNoStatement } from "./main-idea";
import { TF_PREFIX } from "./choice-builders";

let guide: Guide;
let mainIdeas: Question[];
let yesNo: Question[];
const analysed = new Map<string, SentenceInfo[]>();

beforeAll(() => {
  guide = getGuide();
  const ctx = buildContext(guide);
  for (const m of guide.modules)
    for (const l of m.lessons) analysed.set(l.slug, analyseLesson(l, m.slug, ctx.gaz, ctx.authors));
  mainIdeas = generateQuestionBank(guide)
    .lessons.flatMap((l) => l.questions)
    .filter((q) => q.skill === "main_idea");
  yesNo = mainIdeas.filter((q) => q.type === "true_false");
});

describe("main idea", () => {
  it("is only the yes/no form: no question asks which lesson a statement belongs to", () => {
    expect(mainIdeas.length).toBeGreaterThan(0);
    expect(mainIdeas).toEqual(yesNo);
  });
});

describe("main idea: a yes/no title the lesson answers in its first word", () => {
  it("turns only 'Is/Was S adjective?' titles into statements", () => {
    expect(yesNoStatement("Were Makhno and his followers anti-Semitic?")).toBe(
      "Makhno and his followers were anti-Semitic.",
    );
    expect(yesNoStatement("Were the Bolsheviks democratic?")).toBe("the Bolsheviks were democratic.");
    expect(yesNoStatement("Did the Bolsheviks betray the Revolution?")).toBeNull();
    expect(yesNoStatement("What was the Red Terror?")).toBeNull();
    expect(yesNoStatement("Was Lenin a State terrorist?")).toBeNull();
  });

  it("is asked, lesson-scope, true exactly when the lesson's first sentence opens with 'Yes'", () => {
    expect(yesNo.length).toBeGreaterThanOrEqual(1);
    for (const q of yesNo) {
      const lesson = guide.modules.flatMap((m) => m.lessons).find((l) => l.slug === q.lessonSlug)!;
      expect(q.scope, q.id).toBe("lesson");
      expect(q.prompt, q.id).toBe(`${TF_PREFIX}${yesNoStatement(lesson.title)}`);
      const first = analysed
        .get(q.lessonSlug)!
        .filter((s) => s.blockKind === "paragraph")
        .sort((a, b) => a.index - b.index)[0]!;
      expect(q.evidence).toBe(first.evidence);
      expect(first.evidence, q.id).toMatch(q.answer === "True" ? /^Yes\b/ : /^No\b/);
      // The statement says what the title asks, no more: the same words.
      expect([...stemsOf(q.prompt.slice(TF_PREFIX.length))].sort()).toEqual(
        [...stemsOf(lesson.title)].sort(),
      );
    }
  });
});
