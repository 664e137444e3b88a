import "server-only";
/**
 * Taking a quiz, end to end: start (draw or resume), save an answer, submit (grade once), read
 * a result. Server actions and route handlers both call these, with the acting owner resolved
 * by the caller; these functions never read the request.
 */
import {
  findInProgressAttempt,
  getAttemptBundle,
  getQuizAvailability,
  saveResponse,
  startOrResumeAttempt,
  submitAttempt,
  type AssignmentLink,
  type AttemptBundle,
  type AttemptOwner,
  type DrawInput,
  type DrawPlan,
  type Grade,
  type QuestionRecord,
  type ResponseRecord,
  type TargetRef,
} from "@/app/lib/db/attempts";
import { AppError } from "@/app/lib/errors";
import { rescheduleOutcomes } from "@/app/lib/progress/scheduling";
import { answerCredit, attemptScore, storedCredit } from "@/app/lib/progress/scoring";
import { orderingDates } from "@/app/lib/quiz/ordering-dates";
import { DEFAULT_QUIZ_LENGTH, drawModuleTestIds, drawQuestionIds, MODULE_TEST_LENGTH } from "./draw";
import { evidenceLinks } from "./evidence";
import { markAnswer, toPublicQuestion, type LearnerAnswer } from "@/app/lib/quiz/public-question";
import { newSeed } from "@/app/lib/random";
import { checkAnswer, parseQuestionRow, parseStoredAnswer, type QuizQuestion } from "./questions";
import type { FeedbackItem, QuizView, ResultView } from "./views";

export type { AttemptOwner, TargetRef };

function usable(rows: QuestionRecord[]): QuizQuestion[] {
  return rows.map(parseQuestionRow).filter((q): q is QuizQuestion => q !== null);
}

/**
 * Draw plan: unseen questions first, then missed ones, types mixed, seeded. A lesson quiz draws
 * from its lesson; a module test from every lesson of the module plus the module-scope questions.
 */
export function planDraw(
  input: DrawInput,
  seed: number = newSeed(),
  count?: number,
  kind: TargetRef["kind"] = "lesson",
): DrawPlan {
  const candidates = usable(input.questions);
  if (candidates.length === 0) return null;
  const seen = new Set<string>();
  const latest = new Map<string, boolean>();
  for (const attempt of input.history) {
    for (const id of attempt.questionIds) seen.add(id);
    for (const r of attempt.responses) latest.set(r.questionId, r.correct === true);
  }
  const missed = new Set([...seen].filter((id) => latest.get(id) !== true));
  const rows = new Map(input.questions.map((row) => [row.id, row] as const));
  if (kind === "module") {
    const drawable = candidates.flatMap((q) => {
      const row = rows.get(q.id);
      if (!row) return [];
      const scope = row.scope === "module" ? ("module" as const) : ("lesson" as const);
      return [{ ...q, skill: row.skill, scope, lessonPosition: row.lessonPosition }];
    });
    return {
      seed,
      questionIds: drawModuleTestIds(drawable, { seen, missed }, seed, count ?? MODULE_TEST_LENGTH),
    };
  }
  const drawable = candidates.map((q) => ({ ...q, skill: rows.get(q.id)?.skill }));
  return { seed, questionIds: drawQuestionIds(drawable, { seen, missed }, seed, count) };
}

export function toQuizView(bundle: AttemptBundle): QuizView {
  const { attempt } = bundle;
  const saved: Record<string, LearnerAnswer> = {};
  for (const r of bundle.responses) {
    const answer = parseStoredAnswer(r.answer);
    if (answer !== null) saved[r.questionId] = answer;
  }
  return {
    attemptId: attempt.id,
    target: attempt.target,
    questions: usable(bundle.questions).map((q) => toPublicQuestion(q, attempt.seed)),
    saved,
  };
}

/** The feedback for a submitted attempt: every question with the answer given and the key. */
export function toResultView(bundle: AttemptBundle, guest: boolean): ResultView {
  const { attempt } = bundle;
  const byQuestion = new Map(bundle.responses.map((r) => [r.questionId, r]));
  const lessonOf = new Map(attempt.lessons.map((l) => [l.id, l.slug]));
  const homeOf = new Map(bundle.questions.map((row) => [row.id, lessonOf.get(row.lessonId)]));
  const items: FeedbackItem[] = usable(bundle.questions).map((q) => {
    const response = byQuestion.get(q.id);
    const answer = response ? parseStoredAnswer(response.answer) : null;
    const marked = markAnswer(q, answer);
    // A question's own lesson: the quiz's lesson, or for a module test the lesson it was made from.
    const home = homeOf.get(q.id) ?? attempt.target.slug;
    const links = evidenceLinks(home, q.evidence, q.evidenceAnchors, q.evidenceLessons);
    // The stored mark is the record; re-marking only fills a gap (e.g. an old row).
    const correct = response?.correct ?? marked.correct;
    return {
      question: toPublicQuestion(q, attempt.seed),
      answer,
      correct,
      credit: response?.correct != null ? storedCredit(response.credit, correct) : answerCredit(marked),
      expected: marked.expected,
      ...(q.type === "ordering" ? { expectedDates: orderingDates(q.answer, q.evidence) } : {}),
      evidence: q.evidence,
      evidenceHref: links[0]?.href ?? `/lessons/${home}#${q.evidenceAnchor}`,
      evidenceLinks: links,
    };
  });
  return {
    attemptId: attempt.id,
    target: attempt.target,
    score: attempt.score ?? attemptScore(items.map((i) => i.credit)),
    total: attempt.total,
    submittedAt: (attempt.submittedAt ?? attempt.startedAt).toISOString(),
    items,
    guest,
  };
}

/**
 * Mark every question of the attempt against its saved response (none: wrong), with the credit
 * each answer earns. The one grading path: quizzes of any kind submit through it.
 */
export function gradeResponses(questions: QuestionRecord[], responses: ResponseRecord[]): Grade[] {
  const byQuestion = new Map(responses.map((r) => [r.questionId, r.answer]));
  return questions.map((row) => {
    const q = parseQuestionRow(row);
    if (!q) return { questionId: row.id, correct: false, credit: 0 };
    const marked = markAnswer(q, parseStoredAnswer(byQuestion.get(row.id)));
    return { questionId: row.id, correct: marked.correct, credit: answerCredit(marked) };
  });
}

/** An attempt's score from its grades (partial credit counted). */
export const scoreGrades = (grades: readonly Grade[]): number => attemptScore(grades.map((g) => g.credit));

const NOT_YOURS = "That attempt does not exist or is not yours.";

/** An assignment a quiz counts for (already checked by the caller) and how it draws. */
export type QuizAssignment = AssignmentLink & { questionsPerQuiz: number };

/**
 * Resume the owner's in-progress quiz on the target (a lesson quiz or a module test), or start a
 * new one. From an assignment (already checked by the caller), the attempt is linked to it and
 * drawn by its settings; a module test keeps its own length (the assignment's questions per
 * quiz are for lesson quizzes).
 */
export async function startQuiz(
  owner: AttemptOwner,
  target: TargetRef,
  assignment: QuizAssignment | null = null,
): Promise<{ resumed: boolean; quiz: QuizView }> {
  const count = target.kind === "module" ? MODULE_TEST_LENGTH : assignment?.questionsPerQuiz;
  const result = await startOrResumeAttempt(
    owner,
    target,
    (input) => planDraw(input, newSeed(), count, target.kind),
    assignment,
  );
  const noun = target.kind === "module" ? "module" : "lesson";
  switch (result.kind) {
    case "no_lesson":
      throw new AppError("not_found", `There is no such ${noun}.`);
    case "no_questions":
      throw new AppError(
        "conflict",
        `This ${noun} has no questions yet. Run \`npm run content:sync\` to generate them.`,
      );
    default:
      return { resumed: result.kind === "resumed", quiz: toQuizView(result.bundle) };
  }
}

/** Save one answer of one of the owner's in-progress attempts. */
export async function saveAnswer(
  owner: AttemptOwner,
  attemptId: string,
  questionId: string,
  answer: LearnerAnswer,
): Promise<void> {
  const result = await saveResponse(owner, attemptId, questionId, (row) => {
    const q = parseQuestionRow(row);
    if (!q) return { ok: false, message: "This question can no longer be answered." };
    const checked = checkAnswer(q, answer);
    return checked.ok ? { ok: true, answer: checked.answer } : checked;
  });
  switch (result.kind) {
    case "saved":
      return;
    case "not_found":
      throw new AppError("not_found", NOT_YOURS);
    case "closed":
      throw new AppError("conflict", "This attempt has already been submitted.");
    case "not_in_attempt":
      throw new AppError("bad_request", "That question is not part of this attempt.", {
        fieldErrors: { questionId: ["Not part of this attempt."] },
      });
    case "invalid":
      throw new AppError("bad_request", result.message, { fieldErrors: { answer: [result.message] } });
  }
}

/** Grade and close the attempt once; repeating it returns the stored result unchanged. */
export async function submitQuiz(
  owner: AttemptOwner,
  attemptId: string,
  now: Date = new Date(),
): Promise<{ alreadySubmitted: boolean; result: ResultView }> {
  const result = await submitAttempt(
    owner,
    attemptId,
    { grade: gradeResponses, score: scoreGrades, reschedule: rescheduleOutcomes },
    now,
  );
  if (result.kind === "not_found") throw new AppError("not_found", NOT_YOURS);
  return {
    alreadySubmitted: result.kind === "already_submitted",
    result: toResultView(result.bundle, owner.kind === "guest"),
  };
}

export type AttemptView =
  { status: "in_progress"; quiz: QuizView } | { status: "submitted"; result: ResultView };

/** The owner's attempt as a quiz (in progress) or a result (submitted); null if not theirs. */
export async function findAttemptForOwner(
  owner: AttemptOwner,
  attemptId: string,
): Promise<AttemptView | null> {
  const bundle = await getAttemptBundle(owner, attemptId);
  if (!bundle) return null;
  return bundle.attempt.status === "submitted"
    ? { status: "submitted", result: toResultView(bundle, owner.kind === "guest") }
    : { status: "in_progress", quiz: toQuizView(bundle) };
}

/** findAttemptForOwner for an API caller: a missing or foreign attempt is a 404. */
export async function getAttemptForOwner(owner: AttemptOwner, attemptId: string): Promise<AttemptView> {
  const found = await findAttemptForOwner(owner, attemptId);
  if (!found) throw new AppError("not_found", NOT_YOURS);
  return found;
}

/** The owner's in-progress attempt on a lesson or module (to resume on page load), if any. */
export async function getInProgressQuiz(owner: AttemptOwner, target: TargetRef): Promise<QuizView | null> {
  const bundle = await findInProgressAttempt(owner, target);
  return bundle ? toQuizView(bundle) : null;
}

export interface QuizAvailability {
  /** Questions the quiz can draw from. */
  questionCount: number;
  /** How many questions one attempt gets (a lesson quiz 10, a module test 20, fewer when the bank is smaller). */
  length: number;
  /** Module tests: module-scope questions in the bank, and the module's lessons. */
  moduleScopeCount: number;
  lessonCount: number;
}

/** How many questions the lesson quiz or module test can draw from; null when unknown. */
export async function getQuizAvailabilityFor(target: TargetRef): Promise<QuizAvailability | null> {
  const found = await getQuizAvailability(target);
  if (!found) return null;
  const full = target.kind === "module" ? MODULE_TEST_LENGTH : DEFAULT_QUIZ_LENGTH;
  return { ...found, length: Math.min(full, found.questionCount) };
}
