/**
 * The one public model of a question. The answer key stays on the server: `toPublicQuestion` is
 * everything the browser may see of a question before it is answered (quizzes and reviews
 * alike), `learnerAnswerSchema` is everything it may send back, and `markAnswer` is the one
 * marking path, for stored questions and generated ones alike.
 *
 * Marking rules:
 * - multiple_choice, true_false: the response must equal the answer string exactly (trimmed).
 * - fill_blank: tolerant marking (marking.ts) against the answer and its accepted variants.
 * - ordering: `correct` only when every item is in place; `score` is the share of items in
 *   their right place (what the feedback ticks). app/lib/progress/scoring.ts turns it into credit.
 * - matching: `correct` only when every pair is right; `score` is the share of right pairs.
 * - no answer (null or blank) is wrong.
 */
import { z } from "zod";
import { seededShuffle } from "@/app/lib/random";
import { markTyped } from "./marking";

/** Limits that bound what a browser can send (and what we store). */
export const LIMITS = {
  idLength: 64,
  textAnswer: 300,
  choiceText: 1_000,
  listItems: 8,
} as const;

/* ------------------------------------------------------------------ public shape */

export type PublicQuestion =
  | { id: string; type: "multiple_choice" | "true_false"; prompt: string; choices: string[] }
  | { id: string; type: "fill_blank"; prompt: string }
  | { id: string; type: "ordering"; prompt: string; items: string[] }
  | { id: string; type: "matching"; prompt: string; left: string[]; right: string[] };

/** What toPublicQuestion reads of a question (a stored one or a freshly generated one). */
export type PublicSource = { id: string; prompt: string } & (
  | { type: "multiple_choice" | "true_false"; choices: readonly string[] }
  | { type: "fill_blank" }
  | { type: "ordering"; choices: readonly string[]; answer: readonly string[] }
  | { type: "matching"; choices: readonly string[]; answer: readonly (readonly [string, string])[] }
);

/**
 * What the browser may see of a question: the prompt and the choices in an order seeded by
 * `seed` (the attempt's seed, or the review card's showing), so one attempt always renders the
 * same way. Built field by field (never by spreading the question) so nothing else can slip
 * through: no key, no accepted forms, no evidence (a fill-in question's evidence sentence *is*
 * the answer), and ordering items never in the right order.
 */
export function toPublicQuestion(q: PublicSource, seed: number): PublicQuestion {
  const order = (items: readonly string[], column = "") => seededShuffle(items, `${seed}:${q.id}${column}`);
  switch (q.type) {
    case "multiple_choice":
      return { id: q.id, type: q.type, prompt: q.prompt, choices: order(q.choices) };
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
      let items = order(q.choices);
      // Never show the events already in the right order: rotate by one if the shuffle did.
      if (items.every((v, i) => v === q.answer[i])) items = [...items.slice(1), ...items.slice(0, 1)];
      return { id: q.id, type: q.type, prompt: q.prompt, items };
    }
    case "matching":
      return {
        id: q.id,
        type: q.type,
        prompt: q.prompt,
        left: order(
          q.answer.map((p) => p[0]),
          ":left",
        ),
        right: order(q.choices, ":right"),
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

/** The right answer, shown after answering. */
export type Expected = string | string[] | [string, string][];

/* ------------------------------------------------------------------ marking */

/** What markAnswer reads of a question: its type and key. */
export type MarkableQuestion =
  | { type: "multiple_choice" | "true_false"; answer: string }
  | { type: "fill_blank"; answer: string; accepted: readonly string[] }
  | { type: "ordering"; answer: readonly string[] }
  | { type: "matching"; answer: readonly (readonly [string, string])[] };

export interface MarkResult {
  correct: boolean;
  /** 0–1; partial credit for ordering and matching, else 0 or 1. */
  score: number;
  expected: Expected;
}

function expectedOf(q: MarkableQuestion): Expected {
  switch (q.type) {
    case "ordering":
      return [...q.answer];
    case "matching":
      return q.answer.map(([l, r]): [string, string] => [l, r]);
    default:
      return q.answer;
  }
}

function asPairs(response: LearnerAnswer): Map<string, string> {
  const pairs = new Map<string, string>();
  if (!Array.isArray(response)) return pairs;
  for (const p of response) if (Array.isArray(p) && p.length === 2) pairs.set(String(p[0]), String(p[1]));
  return pairs;
}

export function markAnswer(q: MarkableQuestion, response: LearnerAnswer | null): MarkResult {
  const expected = expectedOf(q);
  if (response === null || (typeof response === "string" && response.trim() === ""))
    return { correct: false, score: 0, expected };
  switch (q.type) {
    case "multiple_choice":
    case "true_false": {
      const ok = typeof response === "string" && response.trim() === q.answer;
      return { correct: ok, score: ok ? 1 : 0, expected };
    }
    case "fill_blank": {
      const ok = typeof response === "string" && markTyped(q.answer, q.accepted, response).correct;
      return { correct: ok, score: ok ? 1 : 0, expected };
    }
    case "ordering": {
      const given = Array.isArray(response) ? response.map(String) : [];
      const inPlace = q.answer.filter((a, i) => given[i] === a).length;
      const ok = given.length === q.answer.length && inPlace === q.answer.length;
      return { correct: ok, score: q.answer.length ? inPlace / q.answer.length : 0, expected };
    }
    case "matching": {
      const given = asPairs(response);
      const right = q.answer.filter(([l, r]) => given.get(l) === r).length;
      const ok = right === q.answer.length;
      return { correct: ok, score: right / q.answer.length, expected };
    }
  }
}
