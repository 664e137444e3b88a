import { beforeAll, describe, expect, it } from "vitest";
import { getGuide } from "@/app/lib/content";
import type { Guide } from "@/app/lib/content/types";
import type { Question } from "../types";
import { analyseLesson, type SentenceInfo } from "./analyse";
import { buildContext, generateQuestionBank } from "./index";
import {
  DISTRACTOR_COVERAGE,
  MAIN_IDEA_PROMPT,
  OPTION_LENGTH_RATIO,
  coverage,
  mainClaims,
  notAClaim,
  stemsOf,
  yesNoStatement,
} from "./main-idea";
import { TF_PREFIX } from "./choice-builders";
import { wordCount } from "./text";

let guide: Guide;
let mainIdeas: Question[];
let yesNo: Question[];
const analysed = new Map<string, SentenceInfo[]>();
const titles = new Map<string, { slug: string; module: string }>();

beforeAll(() => {
  guide = getGuide();
  const ctx = buildContext(guide);
  for (const m of guide.modules)
    for (const l of m.lessons) {
      analysed.set(l.slug, analyseLesson(l, m.slug, ctx.gaz, ctx.authors));
      titles.set(l.title, { slug: l.slug, module: m.slug });
    }
  const all = generateQuestionBank(guide)
    .lessons.flatMap((l) => l.questions)
    .filter((q) => q.skill === "main_idea");
  mainIdeas = all.filter((q) => q.type === "multiple_choice");
  yesNo = all.filter((q) => q.type === "true_false");
});

const claimOf = (q: Question) => q.prompt.slice(MAIN_IDEA_PROMPT.length + 2, -1);

describe("main idea: which lesson question a central claim answers", () => {
  it("is asked for more than one lesson, each at most once, module-scope, multiple choice", () => {
    expect(mainIdeas.length).toBeGreaterThanOrEqual(2);
    expect(new Set(mainIdeas.map((q) => q.lessonSlug)).size).toBe(mainIdeas.length);
    for (const q of mainIdeas) {
      expect(q.type, q.id).toBe("multiple_choice");
      expect(q.scope, q.id).toBe("module");
      expect(q.prompt.startsWith(`${MAIN_IDEA_PROMPT} "`), q.id).toBe(true);
    }
  });

  it("the key is the lesson's own title question; the options are other question titles of its module", () => {
    for (const q of mainIdeas) {
      if (q.type !== "multiple_choice") continue;
      expect(titles.get(q.answer)?.slug, q.id).toBe(q.lessonSlug);
      expect(new Set(q.choices).size).toBe(4);
      for (const c of q.choices) {
        expect(c.endsWith("?"), c).toBe(true);
        expect(titles.get(c)?.module, c).toBe(q.moduleSlug);
      }
    }
  });

  it("the claim is the evidence sentence, whole, and among the lesson's opening sentences", () => {
    for (const q of mainIdeas) {
      const claim = claimOf(q);
      expect(q.evidence.split("\n")).toHaveLength(1);
      expect(q.evidence.endsWith(claim.slice(1)), q.id).toBe(true);
      const info = analysed.get(q.lessonSlug)!.find((s) => s.evidence === q.evidence)!;
      expect(info.index, q.id).toBeLessThan(6);
    }
  });

  it("no linking or reported sentence is a key's claim", () => {
    for (const q of mainIdeas) {
      const claim = claimOf(q);
      expect(claim, q.id).not.toMatch(/\b(?:therefore|thus|hence|moreover|however|this|these)\b/i);
      expect(claim, q.id).not.toMatch(/^(?:It|There|Though|Although|As|According to)\b/);
      expect(claim, q.id).not.toMatch(/\b(?:writes|argues|observes|emphasizes)\b/);
    }
  });

  it("no title word stands only in the key (or only in a distractor): every option shares the same words with the claim", () => {
    for (const q of mainIdeas) {
      if (q.type !== "multiple_choice") continue;
      const claim = stemsOf(claimOf(q));
      const sharedWith = (t: string) =>
        [...stemsOf(t)]
          .filter((w) => claim.has(w))
          .sort()
          .join(" ");
      const key = sharedWith(q.answer);
      for (const c of q.choices) expect(sharedWith(c), `${q.id}: ${c}`).toBe(key);
    }
  });

  it("options are questions of comparable length", () => {
    for (const q of mainIdeas) {
      if (q.type !== "multiple_choice") continue;
      const words = q.choices.map(wordCount);
      expect(Math.max(...words), q.id).toBeLessThanOrEqual(OPTION_LENGTH_RATIO * Math.min(...words));
    }
  });

  it("each distractor's lesson states the claim far less than the claim's own lesson and asks about another topic", () => {
    for (const q of mainIdeas) {
      if (q.type !== "multiple_choice") continue;
      const claim = claimOf(q);
      const own = coverage(claim, analysed.get(q.lessonSlug)!);
      const keyTitle = stemsOf(q.answer);
      for (const c of q.choices.filter((x) => x !== q.answer)) {
        const other = titles.get(c)!.slug;
        expect(other).not.toBe(q.lessonSlug);
        expect(coverage(claim, analysed.get(other)!), `${q.id}: ${c}`).toBeLessThanOrEqual(
          DISTRACTOR_COVERAGE * own,
        );
        // Words the two questions share are at most those a third of the module's questions use
        // ("what", "Revolution").
        const questions = [...titles].filter(([t, l]) => l.module === q.moduleSlug && t.endsWith("?"));
        const inThird = (w: string) =>
          questions.filter(([t]) => stemsOf(t).has(w)).length * 3 >= questions.length;
        const common = [...stemsOf(c)].filter((w) => keyTitle.has(w));
        expect(common.every(inThird), `${q.id}: ${c}`).toBe(true);
        expect(inThird("bolsh")).toBe(false);
      }
    }
  });

  it("a lesson whose title is not a question gets no main idea question", () => {
    for (const q of mainIdeas) {
      const lesson = guide.modules.flatMap((m) => m.lessons).find((l) => l.slug === q.lessonSlug)!;
      expect(lesson.title.endsWith("?"), q.id).toBe(true);
    }
    expect(guide.modules.some((m) => m.lessons.some((l) => !l.title.endsWith("?")))).toBe(true);
  });

  it("linking, reported and quoted sentences are never candidate claims", () => {
    const all = [...analysed.values()].flat();
    const linking = all.find((s) => /^It is therefore\b/.test(s.prompt));
    const reported = all.find((s) => /^Voline (?:emphasizes|means)\b/.test(s.prompt));
    expect(linking && notAClaim(linking)).toBeTruthy();
    expect(reported && notAClaim(reported)).toBeTruthy();
    for (const m of guide.modules)
      for (const l of m.lessons)
        for (const c of mainClaims(l, analysed.get(l.slug)!)) {
          expect(c.text, c.text).not.toMatch(/\b(?:therefore|thus|hence)\b/i);
          expect((c.text.match(/"/g) ?? []).length % 2, c.text).toBe(0);
        }
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
