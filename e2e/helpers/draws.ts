import { expect, type APIRequestContext } from "@playwright/test";
import { getGuide } from "../../app/lib/content";

/** A lesson quiz or a module test, as `POST /api/attempts` takes it. */
export type Scope = { lessonSlug: string } | { moduleSlug: string };

export interface DrawnQuestion {
  id: string;
  type: string;
  prompt: string;
  items?: string[];
  left?: string[];
  right?: string[];
}
export interface DrawnQuiz {
  attemptId: string;
  questions: DrawnQuestion[];
  saved: Record<string, unknown>;
}
export interface ResultShape {
  score: number;
  total: number;
  items: { question: DrawnQuestion; expected: unknown; credit: number }[];
}

/** The page that resumes an attempt of this scope. */
export function scopeUrl(scope: Scope): string {
  return "moduleSlug" in scope ? `/modules/${scope.moduleSlug}/test` : `/lessons/${scope.lessonSlug}/quiz`;
}

/** Start (or resume) an attempt through the API with the request's cookies. */
export async function startAttempt(request: APIRequestContext, scope: Scope): Promise<DrawnQuiz> {
  const res = await request.post("/api/attempts", { data: scope });
  expect(res.ok(), `start ${JSON.stringify(scope)}`).toBe(true);
  return ((await res.json()) as { data: { quiz: DrawnQuiz } }).data.quiz;
}

/** Submit an attempt as it stands; returns its marked result (with every key). */
export async function submitAttempt(request: APIRequestContext, attemptId: string): Promise<ResultShape> {
  const res = await request.post(`/api/attempts/${attemptId}/submit`, { data: {} });
  expect(res.ok(), `submit ${attemptId}`).toBe(true);
  return ((await res.json()) as { data: { result: ResultShape } }).data.result;
}

/** Every module test, then every lesson quiz. */
export function allScopes(): Scope[] {
  const modules = getGuide().modules;
  return [
    ...modules.map((m) => ({ moduleSlug: m.slug })),
    ...modules.flatMap((m) => m.lessons.map((l) => ({ lessonSlug: l.slug }))),
  ];
}

export interface Found {
  scope: Scope;
  quiz: DrawnQuiz;
  index: number;
  question: DrawnQuestion;
  /** Keys of every question submitted on the way, by question id. */
  keys: ReadonlyMap<string, unknown>;
}

/**
 * Draws every module test and lesson quiz through the API, round after round, until `pick`
 * chooses a question of a drawn attempt; that attempt is left open. Attempts without one are
 * submitted blank, which reveals their keys (passed to `pick`). No luck involved, whatever the
 * seeds: a module test holds every module-scope question that fits; a first lesson quiz holds its
 * only matching or chronology question whenever its sentences allow; once
 * missed, that question comes back as soon as the lesson's unseen questions on its sentences have
 * been met (round 3 at most for the bank's questions that share one sentence; the draw's bank
 * tests check it for every lesson). Null after `rounds` rounds.
 */
export async function findDraw(
  request: APIRequestContext,
  pick: (question: DrawnQuestion, keys: ReadonlyMap<string, unknown>) => boolean,
  { rounds = 4 } = {},
): Promise<Found | null> {
  const keys = new Map<string, unknown>();
  for (let round = 0; round < rounds; round++) {
    for (const scope of allScopes()) {
      const quiz = await startAttempt(request, scope);
      const index = quiz.questions.findIndex((q) => pick(q, keys));
      if (index >= 0) return { scope, quiz, index, question: quiz.questions[index]!, keys };
      for (const item of (await submitAttempt(request, quiz.attemptId)).items)
        keys.set(item.question.id, item.expected);
    }
  }
  return null;
}

/** The first drawn question of `type` (see findDraw). */
export function findDrawOfType(request: APIRequestContext, type: string): Promise<Found | null> {
  return findDraw(request, (q) => q.type === type);
}
