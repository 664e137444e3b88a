/**
 * The answer key stays on the server. `toPublicQuestion` is everything the browser may see;
 * `markAnswer` grades a response against the full question.
 *
 * Marking rules:
 * - multiple_choice, true_false: the response must equal the answer string exactly (trimmed).
 * - fill_blank: tolerant marking (marking.ts) against the answer and its accepted variants.
 * - ordering: `correct` only when every item is in place (all-or-nothing); `score` gives
 *   partial credit as the share of item pairs in the right relative order.
 * - matching: `correct` only when every pair is right; `score` is the share of right pairs.
 */
import { markTyped } from "./marking";
import type { Question, QuestionBank, QuestionType } from "./types";

export type PublicQuestion =
  | { id: string; lessonSlug: string; type: "multiple_choice"; prompt: string; choices: string[] }
  | { id: string; lessonSlug: string; type: "true_false"; prompt: string; choices: ["True", "False"] }
  | { id: string; lessonSlug: string; type: "fill_blank"; prompt: string }
  | { id: string; lessonSlug: string; type: "ordering"; prompt: string; items: string[] }
  | { id: string; lessonSlug: string; type: "matching"; prompt: string; left: string[]; right: string[] };

/** What the browser may see before answering: no answer, no accepted forms, no evidence. */
export function toPublicQuestion(q: Question): PublicQuestion {
  const base = { id: q.id, lessonSlug: q.lessonSlug, prompt: q.prompt };
  switch (q.type) {
    case "multiple_choice":
      return { ...base, type: q.type, choices: [...q.choices] };
    case "true_false":
      return { ...base, type: q.type, choices: ["True", "False"] };
    case "fill_blank":
      return { ...base, type: q.type };
    case "ordering":
      return { ...base, type: q.type, items: [...q.choices] };
    case "matching":
      // The left column is shown in the stored order; the right column is already shuffled.
      return { ...base, type: q.type, left: q.answer.map((p) => p[0]), right: [...q.choices] };
  }
}

export type Response = string | string[] | Array<[string, string]> | Record<string, string>;

export interface MarkResult {
  correct: boolean;
  /** 0–1; partial credit for ordering and matching, else 0 or 1. */
  score: number;
  /** The right answer, to show after answering. */
  expected: string | string[] | Array<[string, string]>;
}

function asPairs(resp: Response): Map<string, string> {
  if (Array.isArray(resp)) {
    const m = new Map<string, string>();
    for (const p of resp) if (Array.isArray(p) && p.length === 2) m.set(String(p[0]), String(p[1]));
    return m;
  }
  if (resp && typeof resp === "object") return new Map(Object.entries(resp));
  return new Map();
}

export function markAnswer(q: Question, response: Response): MarkResult {
  switch (q.type) {
    case "multiple_choice":
    case "true_false": {
      const ok = typeof response === "string" && response.trim() === q.answer;
      return { correct: ok, score: ok ? 1 : 0, expected: q.answer };
    }
    case "fill_blank": {
      const ok = typeof response === "string" && markTyped(q.answer, q.accepted, response).correct;
      return { correct: ok, score: ok ? 1 : 0, expected: q.answer };
    }
    case "ordering": {
      const resp = Array.isArray(response) ? response.map(String) : [];
      const pos = new Map(resp.map((r, i) => [r, i]));
      let right = 0;
      let total = 0;
      for (let i = 0; i < q.answer.length; i++) {
        for (let j = i + 1; j < q.answer.length; j++) {
          total++;
          const a = pos.get(q.answer[i]!);
          const b = pos.get(q.answer[j]!);
          if (a !== undefined && b !== undefined && a < b) right++;
        }
      }
      const ok = resp.length === q.answer.length && q.answer.every((a, i) => resp[i] === a);
      return { correct: ok, score: ok ? 1 : total ? right / total : 0, expected: q.answer };
    }
    case "matching": {
      const given = asPairs(response);
      const right = q.answer.filter(([l, r]) => given.get(l) === r).length;
      const ok = right === q.answer.length;
      return { correct: ok, score: right / q.answer.length, expected: q.answer };
    }
  }
}

/** The review/export shape of a question (issue item 7). */
export interface ExportQuestion {
  id: string;
  lessonSlug: string;
  type: QuestionType;
  prompt: string;
  choices?: string[];
  answer: string | string[] | Array<[string, string]>;
  accepted?: string[];
  evidence: string;
  evidenceAnchor: string;
  /** Only on module-wide chronology questions: the lesson slug of each evidence line. */
  evidenceLessons?: string[];
  difficulty: number;
  keyKind: string;
  skill?: string;
  scope?: string;
}

export interface ExportBank {
  generator: { name: string; version: string };
  lessons: Array<{ slug: string; title: string; module: string; questions: ExportQuestion[] }>;
}

export function toExportQuestion(q: Question): ExportQuestion {
  const out: ExportQuestion = {
    id: q.id,
    lessonSlug: q.lessonSlug,
    type: q.type,
    prompt: q.prompt,
    answer: q.answer,
    evidence: q.evidence,
    evidenceAnchor: q.evidenceAnchor,
    difficulty: q.difficulty,
    keyKind: q.keyKind,
  };
  if (q.skill) out.skill = q.skill;
  if (q.scope) out.scope = q.scope;
  if ("choices" in q) out.choices = [...q.choices];
  if (q.type === "fill_blank") out.accepted = q.accepted;
  if (q.evidenceLessons) out.evidenceLessons = [...q.evidenceLessons];
  // Keep the documented key order: id, lessonSlug, type, prompt, choices?, answer, accepted?, evidence, difficulty.
  const {
    id,
    lessonSlug,
    type,
    prompt,
    choices,
    answer,
    accepted,
    evidence,
    evidenceAnchor,
    evidenceLessons,
    difficulty,
    keyKind,
    skill,
    scope,
  } = out;
  return JSON.parse(
    JSON.stringify({
      id,
      lessonSlug,
      type,
      prompt,
      choices,
      answer,
      accepted,
      evidence,
      evidenceAnchor,
      evidenceLessons,
      difficulty,
      keyKind,
      skill,
      scope,
    }),
  );
}

export function toExportBank(bank: QuestionBank): ExportBank {
  return {
    generator: bank.generator,
    lessons: bank.lessons.map((l) => ({
      slug: l.slug,
      title: l.title,
      module: l.module,
      questions: l.questions.map(toExportQuestion),
    })),
  };
}
