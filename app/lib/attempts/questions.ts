/**
 * The quiz's view of a stored question: parse a Question row (with a teacher's edit applied),
 * turn it into the public shape the browser may see, validate a learner's answer against it,
 * and mark it. Pure functions: no Prisma, no request state.
 *
 * The public shape never carries the key: no `answer`, `accepted`, `evidence` (a fill-in
 * question's evidence sentence *is* the answer) or anything derived from them (the ordering
 * items are re-shuffled per attempt and never shown in the right order).
 */
import { z } from "zod";
import { markAnswer } from "@/app/lib/quiz/public-question";
import type { Question } from "@/app/lib/quiz/types";
import { seededShuffle } from "./random";

export const QUIZ_TYPES = ["multiple_choice", "fill_blank", "true_false", "ordering", "matching"] as const;
export type QuizType = (typeof QUIZ_TYPES)[number];

/** Limits that bound what a browser can send (and what we store). */
export const LIMITS = {
  idLength: 64,
  textAnswer: 300,
  choiceText: 1_000,
  listItems: 8,
} as const;

/** The columns of a Question row the quiz needs (structural, so tests need no Prisma types). */
export interface QuestionRow {
  id: string;
  type: string;
  prompt: string;
  choices: unknown;
  answer: unknown;
  accepted: unknown;
  evidence: string;
  evidenceAnchor: string;
  /** Anchors of every evidence line, parallel to evidence.split("\n"). */
  evidenceAnchors?: unknown;
  /** Lesson slug of every evidence line, when a line comes from another lesson. */
  evidenceLessons?: unknown;
  teacherEdit?: unknown;
}

interface Common {
  id: string;
  prompt: string;
  evidence: string;
  evidenceAnchor: string;
  evidenceAnchors: string[];
  evidenceLessons: string[] | null;
}
export type QuizQuestion = Common &
  (
    | { type: "multiple_choice" | "true_false"; choices: string[]; answer: string }
    | { type: "fill_blank"; answer: string; accepted: string[] }
    | { type: "ordering"; choices: string[]; answer: string[] }
    | { type: "matching"; choices: string[]; answer: [string, string][] }
  );

const str = z.string().min(1);
const editSchema = z
  .object({
    prompt: str.optional(),
    choices: z.unknown().optional(),
    answer: z.unknown().optional(),
    accepted: z.unknown().optional(),
  })
  .partial();

/** Parse a stored row (teacher's edit wins); null when the row is not a usable question. */
export function parseQuestionRow(row: QuestionRow): QuizQuestion | null {
  const edit = editSchema.safeParse(row.teacherEdit ?? {});
  const e = edit.success ? edit.data : {};
  const prompt = e.prompt ?? row.prompt;
  const choices = e.choices ?? row.choices;
  const answer = e.answer ?? row.answer;
  const accepted = e.accepted ?? row.accepted;
  const anchors = z.array(str).safeParse(row.evidenceAnchors);
  const lessons = z.array(str).safeParse(row.evidenceLessons);
  const common: Common = {
    id: row.id,
    prompt,
    evidence: row.evidence,
    evidenceAnchor: row.evidenceAnchor,
    evidenceAnchors: anchors.success && anchors.data.length > 0 ? anchors.data : [row.evidenceAnchor],
    evidenceLessons: lessons.success && lessons.data.length > 0 ? lessons.data : null,
  };
  switch (row.type) {
    case "multiple_choice":
    case "true_false": {
      const c = z.array(str).min(2).max(LIMITS.listItems).safeParse(choices);
      const a = str.safeParse(answer);
      if (!c.success || !a.success || !c.data.includes(a.data)) return null;
      return { ...common, type: row.type, choices: c.data, answer: a.data };
    }
    case "fill_blank": {
      const a = str.safeParse(answer);
      const acc = z.array(z.string()).safeParse(accepted ?? []);
      if (!a.success) return null;
      return { ...common, type: "fill_blank", answer: a.data, accepted: acc.success ? acc.data : [] };
    }
    case "ordering": {
      const a = z.array(str).min(2).max(LIMITS.listItems).safeParse(answer);
      if (!a.success) return null;
      const c = z.array(str).safeParse(choices);
      const items = c.success && sameMultiset(c.data, a.data) ? c.data : a.data;
      return { ...common, type: "ordering", choices: items, answer: a.data };
    }
    case "matching": {
      const a = z
        .array(z.tuple([str, str]))
        .min(2)
        .max(LIMITS.listItems)
        .safeParse(answer);
      if (!a.success) return null;
      const c = z.array(str).safeParse(choices);
      const rights = a.data.map((p) => p[1]);
      const column = c.success && sameMultiset(c.data, rights) ? c.data : rights;
      return { ...common, type: "matching", choices: column, answer: a.data };
    }
    default:
      return null;
  }
}

function sameMultiset(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((v, i) => v === y[i]);
}

/* ------------------------------------------------------------------ public shape */

export type PublicQuestion =
  | { id: string; type: "multiple_choice" | "true_false"; prompt: string; choices: string[] }
  | { id: string; type: "fill_blank"; prompt: string }
  | { id: string; type: "ordering"; prompt: string; items: string[] }
  | { id: string; type: "matching"; prompt: string; left: string[]; right: string[] };

/**
 * What the browser may see of a question in an attempt: the prompt and the choices in an order
 * seeded by the attempt. Built field by field (never by spreading the question) so nothing else
 * can slip through.
 */
export function toPublicQuestion(q: QuizQuestion, seed: number): PublicQuestion {
  switch (q.type) {
    case "multiple_choice":
      return { id: q.id, type: q.type, prompt: q.prompt, choices: seededShuffle(q.choices, seed, q.id) };
    case "true_false":
      // True before False, always: shuffling them only confuses.
      return {
        id: q.id,
        type: q.type,
        prompt: q.prompt,
        choices: ["True", "False"].filter((c) => q.choices.includes(c)),
      };
    case "fill_blank":
      return { id: q.id, type: q.type, prompt: q.prompt };
    case "ordering": {
      let items = seededShuffle(q.choices, seed, q.id);
      // Never show the events already in the right order: rotate by one if the shuffle did.
      if (items.every((v, i) => v === q.answer[i])) items = [...items.slice(1), ...items.slice(0, 1)];
      return { id: q.id, type: q.type, prompt: q.prompt, items };
    }
    case "matching":
      return {
        id: q.id,
        type: q.type,
        prompt: q.prompt,
        left: seededShuffle(
          q.answer.map((p) => p[0]),
          seed,
          q.id + ":left",
        ),
        right: seededShuffle(q.choices, seed, q.id + ":right"),
      };
  }
}

/* ------------------------------------------------------------------ answers */

/** What a browser may send as an answer (bounded); checked against the question afterwards. */
export const learnerAnswerSchema = z.union([
  z.string().max(LIMITS.choiceText),
  z.array(z.string().max(LIMITS.choiceText)).max(LIMITS.listItems),
  z
    .array(z.tuple([z.string().max(LIMITS.choiceText), z.string().max(LIMITS.choiceText)]))
    .max(LIMITS.listItems),
]);
export type LearnerAnswer = z.infer<typeof learnerAnswerSchema>;

/**
 * Check a (schema-valid) answer fits the question: a choice that exists, a permutation of the
 * ordering items, pairs drawn from the two matching columns. Returns the normalised answer to
 * store, or an error message.
 */
export function checkAnswer(
  q: QuizQuestion,
  raw: LearnerAnswer,
): { ok: true; answer: LearnerAnswer } | { ok: false; message: string } {
  switch (q.type) {
    case "multiple_choice":
    case "true_false":
      if (typeof raw !== "string" || !q.choices.includes(raw))
        return { ok: false, message: "Choose one of the options." };
      return { ok: true, answer: raw };
    case "fill_blank": {
      if (typeof raw !== "string") return { ok: false, message: "Type an answer." };
      const text = raw.replace(/\s+/g, " ").trim();
      if (text.length > LIMITS.textAnswer)
        return { ok: false, message: `Keep the answer under ${LIMITS.textAnswer} characters.` };
      return { ok: true, answer: text };
    }
    case "ordering": {
      if (
        !Array.isArray(raw) ||
        !raw.every((v) => typeof v === "string") ||
        !sameMultiset(raw as string[], q.choices)
      ) {
        return { ok: false, message: "Put every event in order." };
      }
      return { ok: true, answer: raw as string[] };
    }
    case "matching": {
      if (!Array.isArray(raw) || !raw.every((p) => Array.isArray(p) && p.length === 2)) {
        return { ok: false, message: "Match items from the two columns." };
      }
      const lefts = new Set(q.answer.map((p) => p[0]));
      const rights = new Set(q.choices);
      const seen = new Set<string>();
      const pairs: [string, string][] = [];
      for (const p of raw as [string, string][]) {
        const [l, r] = p;
        if (!lefts.has(l) || seen.has(l)) return { ok: false, message: "Match items from the two columns." };
        seen.add(l);
        if (r === "") continue; // left unmatched for now
        if (!rights.has(r)) return { ok: false, message: "Match items from the two columns." };
        pairs.push([l, r]);
      }
      return { ok: true, answer: pairs };
    }
  }
}

/** Parse a stored answer (Json) back into a LearnerAnswer; null for none or a malformed value. */
export function parseStoredAnswer(value: unknown): LearnerAnswer | null {
  const parsed = learnerAnswerSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/* ------------------------------------------------------------------ marking */

export type Expected = string | string[] | [string, string][];

/**
 * Mark one response with the quiz domain's `markAnswer` (one set of marking rules for the whole
 * app, tolerant for typed answers); an absent answer is wrong. `expected` is the key to show.
 */
export function markQuestion(
  q: QuizQuestion,
  response: LearnerAnswer | null,
): { correct: boolean; expected: Expected } {
  if (response === null || (typeof response === "string" && response.trim() === "")) {
    return { correct: false, expected: q.answer };
  }
  const marked = markAnswer(asGeneratorQuestion(q), response);
  return { correct: marked.correct, expected: marked.expected };
}

/**
 * Adapter: a stored row carries only what marking needs, while the generator's Question type
 * also names bookkeeping fields (module, kind, version) that marking never reads.
 */
function asGeneratorQuestion(q: QuizQuestion): Question {
  const rest = {
    id: q.id,
    lessonSlug: "",
    moduleSlug: "",
    prompt: q.prompt,
    evidence: q.evidence,
    evidenceAnchor: q.evidenceAnchor,
    evidenceAnchors: q.evidenceAnchors,
    difficulty: 0,
    keyKind: "term" as const,
    generatorVersion: "",
  };
  switch (q.type) {
    case "multiple_choice":
      return { ...rest, type: q.type, choices: q.choices, answer: q.answer };
    case "true_false":
      return {
        ...rest,
        type: q.type,
        choices: ["True", "False"],
        answer: q.answer === "True" ? "True" : "False",
      };
    case "fill_blank":
      return { ...rest, type: q.type, answer: q.answer, accepted: q.accepted };
    case "ordering":
      return { ...rest, type: q.type, choices: q.choices, answer: q.answer };
    case "matching":
      return { ...rest, type: q.type, choices: q.choices, answer: q.answer };
  }
}
