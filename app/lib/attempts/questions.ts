/**
 * A stored question as quizzes and reviews use it: parse a Question row (with a teacher's edit
 * applied) and check that a learner's answer fits it before it is stored. The public shape and
 * marking are the quiz domain's (app/lib/quiz/public-question). Pure functions: no Prisma, no
 * request state.
 */
import { z } from "zod";
import { LIMITS, learnerAnswerSchema, type LearnerAnswer } from "@/app/lib/quiz/public-question";

export const QUIZ_TYPES = ["multiple_choice", "fill_blank", "true_false", "ordering", "matching"] as const;
export type QuizType = (typeof QUIZ_TYPES)[number];

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

const orderingAnswer = z.array(z.string());
const matchingAnswer = z.array(z.tuple([z.string(), z.string()]));

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
      const items = orderingAnswer.safeParse(raw);
      if (!items.success || !sameMultiset(items.data, q.choices))
        return { ok: false, message: "Put every event in order." };
      return { ok: true, answer: items.data };
    }
    case "matching": {
      const given = matchingAnswer.safeParse(raw);
      if (!given.success) return { ok: false, message: "Match items from the two columns." };
      const lefts = new Set(q.answer.map((p) => p[0]));
      const rights = new Set(q.choices);
      const seen = new Set<string>();
      const pairs: [string, string][] = [];
      for (const [l, r] of given.data) {
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
