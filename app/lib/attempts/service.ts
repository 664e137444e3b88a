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
} from "@/app/lib/db/attempts";
import { AppError } from "@/app/lib/errors";
import { rescheduleOutcomes } from "@/app/lib/progress/scheduling";
import { answerCredit, attemptScore, storedCredit } from "@/app/lib/progress/scoring";
import { orderingDates } from "@/app/lib/quiz/ordering-dates";
import { drawQuestionIds } from "./draw";
import { evidenceLinks } from "./evidence";
import { markAnswer, toPublicQuestion, type LearnerAnswer } from "@/app/lib/quiz/public-question";
import { newSeed } from "@/app/lib/random";
import { checkAnswer, parseQuestionRow, parseStoredAnswer, type QuizQuestion } from "./questions";
import type { FeedbackItem, QuizView, ResultView } from "./views";

export type { AttemptOwner };

function usable(rows: QuestionRecord[]): QuizQuestion[] {
  return rows.map(parseQuestionRow).filter((q): q is QuizQuestion => q !== null);
}

/** Draw plan: unseen questions first, then missed ones, types mixed, seeded. */
export function planDraw(input: DrawInput, seed: number = newSeed(), count?: number): DrawPlan {
  const candidates = usable(input.questions);
  if (candidates.length === 0) return null;
  const seen = new Set<string>();
  const latest = new Map<string, boolean>();
  for (const attempt of input.history) {
    for (const id of attempt.questionIds) seen.add(id);
    for (const r of attempt.responses) latest.set(r.questionId, r.correct === true);
  }
  const missed = new Set([...seen].filter((id) => latest.get(id) !== true));
  const skills = new Map(input.questions.map((row) => [row.id, row.skill] as const));
  const drawable = candidates.map((q) => ({ ...q, skill: skills.get(q.id) }));
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
    lesson: attempt.lesson,
    questions: usable(bundle.questions).map((q) => toPublicQuestion(q, attempt.seed)),
    saved,
  };
}

/** The feedback for a submitted attempt: every question with the answer given and the key. */
export function toResultView(bundle: AttemptBundle, guest: boolean): ResultView {
  const { attempt } = bundle;
  const byQuestion = new Map(bundle.responses.map((r) => [r.questionId, r]));
  const items: FeedbackItem[] = usable(bundle.questions).map((q) => {
    const response = byQuestion.get(q.id);
    const answer = response ? parseStoredAnswer(response.answer) : null;
    const marked = markAnswer(q, answer);
    const links = evidenceLinks(attempt.lesson.slug, q.evidence, q.evidenceAnchors, q.evidenceLessons);
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
      evidenceHref: links[0]?.href ?? `/lessons/${attempt.lesson.slug}#${q.evidenceAnchor}`,
      evidenceLinks: links,
    };
  });
  return {
    attemptId: attempt.id,
    lesson: attempt.lesson,
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

/**
 * Resume the owner's in-progress attempt for the lesson, or start a new one. From an assignment
 * (already checked by the caller), the attempt is linked to it and drawn by its settings.
 */
export async function startQuiz(
  owner: AttemptOwner,
  lessonSlug: string,
  assignment: (AssignmentLink & { questionsPerQuiz: number }) | null = null,
): Promise<{ resumed: boolean; quiz: QuizView }> {
  const result = await startOrResumeAttempt(
    owner,
    lessonSlug,
    (input) => planDraw(input, newSeed(), assignment?.questionsPerQuiz),
    assignment,
  );
  switch (result.kind) {
    case "no_lesson":
      throw new AppError("not_found", "There is no such lesson.");
    case "no_questions":
      throw new AppError(
        "conflict",
        "This lesson has no questions yet. Run `npm run content:sync` to generate them.",
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

/** The owner's in-progress attempt for a lesson (to resume on page load), if any. */
export async function getInProgressQuiz(owner: AttemptOwner, lessonSlug: string): Promise<QuizView | null> {
  const bundle = await findInProgressAttempt(owner, lessonSlug);
  return bundle ? toQuizView(bundle) : null;
}

/** How many questions the lesson's quiz can draw from; null for an unknown lesson. */
export async function getQuizAvailabilityForLesson(
  lessonSlug: string,
): Promise<{ questionCount: number } | null> {
  const found = await getQuizAvailability(lessonSlug);
  return found ? { questionCount: found.questionCount } : null;
}
