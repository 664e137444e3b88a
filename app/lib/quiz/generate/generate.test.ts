import { beforeAll, describe, expect, it } from "vitest";
import { getGuide } from "@/app/lib/content";
import type { Guide, Lesson } from "@/app/lib/content/types";
import { generateQuestionBank, minimumFor } from "./index";
import { questionSchema, type Question, type QuestionBank } from "../types";
import { markAnswer, toPublicQuestion } from "../public-question";
import { normaliseAnswer } from "../marking";
import { BLANK } from "./candidate";
import { buildContext } from "./index";
import { analyseLesson } from "./analyse";
import { moduleEvents, type DatedEvent } from "./ordering";
import { cleanForPrompt, contentWords } from "./text";

let guide: Guide;
let bank: QuestionBank;
const lessons = new Map<string, Lesson>();

function lessonText(l: Lesson): string {
  return l.sections.flatMap((s) => s.blocks.map((b) => b.text)).join("\n");
}

function all(): Question[] {
  return bank.lessons.flatMap((l) => l.questions);
}

beforeAll(() => {
  guide = getGuide();
  for (const m of guide.modules) for (const l of m.lessons) lessons.set(l.slug, l);
  bank = generateQuestionBank(guide);
});

describe("question bank over the whole guide", () => {
  it("is deterministic: two runs give byte-identical JSON", () => {
    expect(JSON.stringify(generateQuestionBank(guide))).toBe(JSON.stringify(bank));
  });

  it("every question matches the schema and ids are unique", () => {
    const ids = new Set<string>();
    for (const q of all()) {
      expect(() => questionSchema.parse(q)).not.toThrow();
      expect(ids.has(q.id)).toBe(false);
      ids.add(q.id);
    }
  });

  it("meets the per-lesson minimums with at least three question types", () => {
    for (const l of bank.lessons) {
      const lesson = lessons.get(l.slug)!;
      expect(l.questions.length, l.slug).toBeGreaterThanOrEqual(minimumFor(lesson));
      expect(new Set(l.questions.map((q) => q.type)).size, l.slug).toBeGreaterThanOrEqual(3);
    }
  });

  it("uses all five question types across the guide", () => {
    expect(new Set(all().map((q) => q.type)).size).toBe(5);
  });

  it("evidence appears verbatim in its lesson, in the block named by its anchor", () => {
    for (const q of all()) {
      const lines = q.evidence.split("\n");
      expect(lines.length).toBe(q.evidenceAnchors.length);
      expect(q.evidenceAnchor).toBe(q.evidenceAnchors[0]);
      if (q.evidenceLessons) {
        // Only module-wide chronology questions cite other lessons, and then name each line's lesson.
        expect(q.type, q.id).toBe("ordering");
        expect(q.evidenceLessons.length).toBe(lines.length);
        expect(q.evidenceLessons, q.id).toContain(q.lessonSlug);
        expect(
          q.evidenceLessons.some((s) => s !== q.lessonSlug),
          q.id,
        ).toBe(true);
      }
      lines.forEach((line, i) => {
        const slug = q.evidenceLessons?.[i] ?? q.lessonSlug;
        const lesson = lessons.get(slug)!;
        expect(lesson, `${q.id}: ${slug}`).toBeDefined();
        expect(lesson.moduleSlug, q.id).toBe(q.moduleSlug);
        const anchor = q.evidenceAnchors[i]!;
        if (anchor === "further-reading") {
          // A reading-list line: exactly one of the lesson's "For further reading" items.
          expect(
            lesson.furtherReading.map((r) => r.text),
            q.id,
          ).toContain(line);
          return;
        }
        const blocks = new Map(lesson.sections.flatMap((s) => s.blocks.map((b) => [b.id, b.text] as const)));
        expect(lessonText(lesson)).toContain(line);
        expect(blocks.get(anchor), q.id).toContain(line);
      });
    }
  });

  it("typed answers accept the guide's other names for the same side, one way where only one is right", () => {
    const typed = all().filter(
      (q): q is Extract<Question, { type: "fill_blank" }> => q.type === "fill_blank",
    );
    // [typed key, a name that must be accepted, a name that must not be]
    const rules: Array<[string, string, string | null]> = [
      ["Red Army", "the Reds", null],
      ["Bolsheviks", "Reds", "Red Army"],
      ["Reds", "Bolsheviks", null],
      ["Makhnovists", "Insurrectionary Army", null],
    ];
    let checked = 0;
    for (const [key, also, not] of rules) {
      for (const q of typed.filter((x) => x.answer === key)) {
        expect(markAnswer(q, also).correct, q.id).toBe(true);
        if (not) expect(markAnswer(q, not).correct, q.id).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });

  it("cloze answers appear in their evidence", () => {
    for (const q of all()) if (q.type === "fill_blank") expect(q.evidence, q.id).toContain(q.answer);
  });

  it("choice questions have distinct choices and exactly one right answer", () => {
    for (const q of all()) {
      if (q.type === "multiple_choice" || q.type === "true_false") {
        expect(new Set(q.choices).size).toBe(q.choices.length);
        expect(q.choices.filter((c) => c === q.answer).length, q.id).toBe(1);
        const norm = q.choices.map(normaliseAnswer);
        expect(new Set(norm).size, q.id).toBe(norm.length);
      }
      if (q.type === "ordering") {
        expect([...q.choices].sort()).toEqual([...q.answer].sort());
        expect(new Set(q.answer).size).toBe(q.answer.length);
        expect(q.choices).not.toEqual(q.answer);
      }
      if (q.type === "matching") {
        expect([...q.choices].sort()).toEqual(q.answer.map((p) => p[1]).sort());
        expect(new Set(q.answer.map((p) => p[0])).size).toBe(q.answer.length);
      }
    }
  });

  it("no prompt reveals its answer or shows a distractor in the sentence", () => {
    for (const q of all()) {
      if ((q.type === "multiple_choice" || q.type === "fill_blank") && q.skill !== "fact") {
        // A question of understanding: no choice may stand in the question itself.
        if (q.type === "multiple_choice") for (const c of q.choices) expect(q.prompt, q.id).not.toContain(c);
      } else if (q.type === "multiple_choice" || q.type === "fill_blank") {
        expect(q.prompt, q.id).toContain(BLANK);
        const rest = q.prompt.replace(BLANK, " ");
        const re = (s: string) =>
          new RegExp(
            `(^|[^\\p{L}\\p{N}])${s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`,
            "iu",
          );
        expect(re(q.answer).test(rest), `${q.id}: ${q.prompt}`).toBe(false);
        if (q.type === "multiple_choice")
          for (const c of q.choices) expect(re(c).test(rest), `${q.id}: ${c}`).toBe(false);
      }
      if (q.type === "ordering")
        for (const item of q.choices) expect(/\b1[89]\d\d\b/.test(item), item).toBe(false);
      if (q.type === "matching") {
        for (const [left] of q.answer)
          for (const r of q.choices) expect(r.includes(left), `${left} / ${r}`).toBe(false);
      }
    }
  });

  it("prompts carry no citation brackets", () => {
    for (const q of all()) {
      expect(q.prompt, q.id).not.toMatch(/\((?:[A-Z][a-z]+ )?\d{1,3}(?:-\d{1,3})?\)/);
      expect(q.prompt, q.id).not.toMatch(/emphasis (added|in original)/);
    }
  });

  it("spreads keys across kinds of fact", () => {
    const kinds = new Map<string, number>();
    for (const q of all()) kinds.set(q.keyKind, (kinds.get(q.keyKind) ?? 0) + 1);
    expect(kinds.size).toBeGreaterThanOrEqual(6);
    // People are the keys of fact and attribution questions alike ("whose words are these?").
    for (const n of kinds.values()) expect(n / all().length).toBeLessThan(0.4);
  });

  it("public questions hide the key; marking accepts the key and rejects a wrong choice", () => {
    for (const q of all()) {
      const pub = toPublicQuestion(q, 1);
      const json = JSON.stringify(pub);
      expect(json).not.toContain('"answer":');
      expect(json).not.toContain('"accepted":');
      expect(json).not.toContain('"evidence":');
      const right = markAnswer(q, q.type === "matching" ? q.answer : q.answer);
      expect(right.correct, q.id).toBe(true);
      if (q.type === "multiple_choice") {
        const wrong = q.choices.find((c) => c !== q.answer)!;
        expect(markAnswer(q, wrong).correct).toBe(false);
      }
      if (q.type === "ordering") {
        const r = markAnswer(q, [...q.answer].reverse());
        expect(r.correct).toBe(false);
        expect(r.score).toBeLessThan(1);
      }
      if (q.type === "fill_blank") expect(markAnswer(q, q.answer.toUpperCase()).correct).toBe(true);
    }
  });

  it("ordering answers follow the normalised dates: every consecutive pair is strictly ordered", () => {
    const ctx = buildContext(guide);
    const events: DatedEvent[] = [];
    for (const m of guide.modules)
      events.push(...moduleEvents(m.lessons.map((l) => analyseLesson(l, m.slug, ctx.gaz, ctx.authors))));
    let checked = 0;
    for (const q of all()) {
      if (q.type !== "ordering") continue;
      const lines = q.evidence.split("\n");
      const evs = q.answer.map((text, i) => {
        const slug = q.evidenceLessons?.[i] ?? q.lessonSlug;
        const e = events.find(
          (x) => x.text === text && x.info.lessonSlug === slug && x.info.evidence === lines[i],
        );
        expect(e, `${q.id}: ${text}`).toBeDefined();
        return e!;
      });
      for (let i = 1; i < evs.length; i++) {
        // Disjoint Gregorian-day intervals (Julian lag included for unmarked pre-1918 dates).
        expect(evs[i - 1]!.to, `${q.id}: ${q.answer[i - 1]} < ${q.answer[i]}`).toBeLessThan(evs[i]!.from);
      }
      checked++;
    }
    // Chronology from a lesson's own events (cross-lesson ones are module scope, for module tests).
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  it("an unmarked 1917 date is widened by the Julian lag; Old Style dates are shifted", () => {
    const ctx = buildContext(guide);
    const m = guide.modules.find((x) => x.lessons.some((l) => l.slug === "october"))!;
    const evs = moduleEvents(m.lessons.map((l) => analyseLesson(l, m.slug, ctx.gaz, ctx.authors)));
    const congress = evs.find((e) => /Second All-Russia Congress of Soviets gathered/.test(e.text))!;
    // 25 October (Old Style) = 7 November 1917 (Gregorian).
    expect(new Date(congress.from * 86_400_000).toISOString().slice(0, 10)).toBe("1917-11-07");
    expect(congress.to).toBe(congress.from);
  });

  it("matching pairs are each backed by their own evidence line", () => {
    let checked = 0;
    for (const q of all()) {
      if (q.type !== "matching") continue;
      const lines = q.evidence.split("\n");
      expect(lines.length, q.id).toBe(q.answer.length);
      q.answer.forEach(([left, right], i) => {
        const line = cleanForPrompt(lines[i]!).toLowerCase();
        // The left item is named in its line (a person by at least their surname).
        const surname = left.split(/\s+/).slice(-1)[0]!.toLowerCase();
        expect(
          line.includes(left.toLowerCase()) || line.includes(surname),
          `${q.id}: ${left} / ${lines[i]}`,
        ).toBe(true);
        // The right item's content words come from the same line.
        const words = contentWords(right).filter((w) => !/^(named|others)$/.test(w));
        const missing = words.filter((w) => !line.includes(w.replace(/s$/, "")));
        expect(missing, `${q.id}: ${right} / ${lines[i]}`).toEqual([]);
      });
      checked++;
    }
    // Reading-list title ↔ author pairs are no longer quiz material.
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it("lessons of 400+ words mix at least three question types; chronology and matching stay in the bank", () => {
    let structured = 0;
    for (const l of bank.lessons) {
      const lesson = lessons.get(l.slug)!;
      const types = new Set(l.questions.map((q) => q.type));
      structured += l.questions.filter((q) => q.type === "ordering" || q.type === "matching").length;
      if (lesson.wordCount >= 400) expect(types.size, l.slug).toBeGreaterThanOrEqual(3);
    }
    expect(structured).toBeGreaterThanOrEqual(10);
  });
});

describe("review 1.3.0 regressions", () => {
  it("never strips a lead that carries a condition (Without/If/Had …) or leaves a bare counterfactual", () => {
    for (const q of all()) {
      if (q.type !== "multiple_choice" && q.type !== "fill_blank" && q.type !== "true_false") continue;
      const lead = /^(?:Without|If|Unless|Had|But for|Were)\b[^,]*, /.exec(q.evidence);
      const shown = q.prompt.replace(/^True or false\? According to the lesson: /, "");
      if (lead) expect(shown.split(" ")[0], q.prompt).toBe(lead[0].split(" ")[0]);
    }
    expect(all().some((q) => /^The _____ would have followed/.test(q.prompt))).toBe(false);
  });

  it("types no multi-word abstract term; typed places accept the places the lesson equates", () => {
    for (const q of all()) {
      if (q.type !== "fill_blank") continue;
      if (q.keyKind === "term") expect(q.answer.includes(" "), q.answer).toBe(false);
      if (q.answer === "Central Asia" || q.answer === "Turkestan")
        expect(q.accepted.length, q.prompt).toBeGreaterThan(0);
    }
  });

  it("offers no tsars for Enver, no same-family terms, no contained places as distractors", () => {
    for (const q of all()) {
      if (q.type !== "multiple_choice") continue;
      if (q.answer === "Enver" || q.answer === "Enver Pasha")
        expect(q.choices.some((c) => /Nicholas|Alexander II|Peter the First/.test(c))).toBe(false);
      if (q.answer === "direct democracy")
        expect(q.choices.some((c) => /self-management|workers' control|federalism/.test(c))).toBe(false);
      if (q.answer === "Central Asia") expect(q.choices).not.toContain("Turkestan");
    }
  });

  it("dates after by/before get only earlier distractors", () => {
    for (const q of all()) {
      if (q.type !== "multiple_choice" || q.keyKind !== "time" || !/^\d{4}$/.test(q.answer)) continue;
      if (/\b(?:By|by|before) _____/.test(q.prompt))
        for (const c of q.choices) expect(Number(c) <= Number(q.answer), q.prompt).toBe(true);
    }
  });
});
