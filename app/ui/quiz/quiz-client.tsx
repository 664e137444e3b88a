"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { startQuizAction, submitQuizAction } from "@/app/lib/actions/quiz-actions";
import type { LearnerAnswer, QuizTarget, QuizView, ResultView } from "@/app/lib/attempts/views";
import { ConfirmSubmitDialog } from "./confirm-submit-dialog-client";
import { ErrorNote } from "./error-note";
import { isAnswered } from "./format";
import { QuestionCard } from "./question-card";
import { QuestionNav } from "./question-nav";
import { QuizIntro } from "./quiz-intro";
import { QuizResultPanel } from "./quiz-result-panel";
import { formatScore } from "@/app/lib/progress/scoring";
import type { ResultContext } from "@/app/lib/content/result-context";
import type { NextLessonLink } from "./result-next-steps";
import { useAnnouncer } from "./use-announcer";
import { clearDrafts, overallState, readDrafts, useAutosave } from "./use-autosave";

export interface QuizClientProps {
  /** The lesson quizzed, or the module of a module test. */
  target: QuizTarget;
  questionCount: number;
  /** Questions one attempt gets. */
  length: number;
  initialQuiz: QuizView | null;
  /** The lesson after this one, offered with the result. */
  nextLesson: NextLessonLink | null;
  /**
   * A module test's result context (its lessons' titles), known up front; a lesson quiz reads
   * its own once the result is in.
   */
  resultContext?: ResultContext;
}

const NO_CONTEXT: ResultContext = { sectionOf: {}, lessonTitles: {} };

/** Section headings and lesson titles for a result, read once the result is in. */
async function fetchResultContext(lessonSlug: string): Promise<ResultContext | null> {
  try {
    const res = await fetch(`/api/lessons/${encodeURIComponent(lessonSlug)}/result-context`);
    if (!res.ok) return null;
    return ((await res.json()) as { data: ResultContext }).data;
  } catch {
    return null;
  }
}

function unansweredIndexes(quiz: QuizView, answers: Record<string, LearnerAnswer>): number[] {
  return quiz.questions.flatMap((q, i) => (isAnswered(answers[q.id]) ? [] : [i]));
}

/** The server's saved answers of an attempt still in progress (null when unavailable). */
async function fetchSavedAnswers(attemptId: string): Promise<Record<string, LearnerAnswer> | null> {
  try {
    const res = await fetch(`/api/attempts/${encodeURIComponent(attemptId)}`, { cache: "no-store" });
    if (!res.ok) return null;
    const body = (await res.json()) as { data?: { status?: string; quiz?: QuizView } };
    return body.data?.status === "in_progress" && body.data.quiz ? body.data.quiz.saved : null;
  } catch {
    return null;
  }
}

function firstUnanswered(quiz: QuizView, answers: Record<string, LearnerAnswer>): number {
  return unansweredIndexes(quiz, answers)[0] ?? 0;
}

/**
 * The quiz island: start (or resume), answer one question at a time, submit, feedback.
 * It only ever holds public question shapes; the right answers arrive with the result.
 */
export function QuizClient({
  target,
  questionCount,
  length,
  initialQuiz,
  nextLesson,
  resultContext: givenContext,
}: QuizClientProps) {
  const [quiz, setQuiz] = useState<QuizView | null>(initialQuiz);
  const [answers, setAnswers] = useState<Record<string, LearnerAnswer>>(initialQuiz?.saved ?? {});
  const [index, setIndex] = useState(initialQuiz ? firstUnanswered(initialQuiz, initialQuiz.saved) : 0);
  const [result, setResult] = useState<ResultView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<number[] | null>(null);
  const [resultContext, setResultContext] = useState<ResultContext | null>(givenContext ?? null);
  const [pending, startTransition] = useTransition();
  const { announce, region } = useAnnouncer("quiz-announcer");
  const autosave = useAutosave(quiz?.attemptId ?? null);
  const { change: saveChange } = autosave;

  const headingRef = useRef<HTMLHeadingElement>(null);
  const resultHeadingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // Answers given in this browser that the server never confirmed (a reload or a lost
  // connection in between) come back from the local journal and are sent again. The server's
  // copy is read again too: this page may have been rendered while a save sent by the page
  // before it (on reload) was still on its way.
  const attemptId = quiz?.attemptId;
  const touched = useRef(new Set<string>());
  useEffect(() => {
    if (!attemptId) return;
    let live = true;
    const drafts = readDrafts(attemptId);
    const ids = Object.keys(drafts);
    if (ids.length > 0) {
      // localStorage is invisible to the server render, so the journal can only be read here.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setAnswers((a) => ({ ...a, ...drafts }));
      for (const id of ids) {
        const draft = drafts[id];
        if (draft !== undefined) saveChange(id, draft);
      }
    }
    void fetchSavedAnswers(attemptId).then((fresh) => {
      if (!live || !fresh) return;
      const keep = new Set([...ids, ...touched.current]);
      setAnswers((a) => {
        const merged = { ...a };
        for (const [id, value] of Object.entries(fresh)) if (!keep.has(id)) merged[id] = value;
        return merged;
      });
    });
    return () => {
      live = false;
    };
  }, [attemptId, saveChange]);

  // Move focus to the question heading when the learner changes question (not on first load).
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [index, quiz?.attemptId]);

  useEffect(() => {
    if (result) resultHeadingRef.current?.focus();
  }, [result]);

  function start() {
    setError(null);
    startTransition(async () => {
      const res = await startQuizAction(
        target.kind === "module" ? { moduleSlug: target.slug } : { lessonSlug: target.slug },
      );
      if (!res.ok) {
        setError(res.error);
        return;
      }
      const next = res.data.quiz;
      setResult(null);
      setAnswers(next.saved);
      setQuiz(next);
      moved.current = true;
      setIndex(firstUnanswered(next, next.saved));
    });
  }

  /** Submit after every answer is on the server; ask first when some are unanswered. */
  function requestSubmit() {
    if (!quiz) return;
    const blanks = unansweredIndexes(quiz, answers);
    if (blanks.length > 0) setConfirming(blanks);
    else submit();
  }

  function submit() {
    if (!quiz) return;
    const id = quiz.attemptId;
    setConfirming(null);
    setError(null);
    startTransition(async () => {
      if (!(await autosave.flush())) {
        setError(
          "Some answers are not saved yet, so the quiz was not submitted. They are kept in this browser; check your connection and submit again.",
        );
        return;
      }
      const res = await submitQuizAction({ attemptId: id });
      if (!res.ok) {
        setError(res.error);
        return;
      }
      clearDrafts(id);
      setResult(res.data.result);
      if (target.kind === "lesson") void fetchResultContext(target.slug).then(setResultContext);
      announce(
        `${target.kind === "module" ? "Module test" : "Quiz"} submitted. You scored ${formatScore(res.data.result.score)} out of ${res.data.result.total}.`,
      );
    });
  }

  function goTo(i: number) {
    if (!quiz) return;
    void autosave.flush();
    moved.current = true;
    setConfirming(null);
    setIndex(Math.max(0, Math.min(quiz.questions.length - 1, i)));
  }

  return (
    <div>
      {region}
      {renderBody()}
    </div>
  );

  function renderBody() {
    if (result) {
      return (
        <QuizResultPanel
          result={result}
          nextLesson={nextLesson}
          context={resultContext ?? NO_CONTEXT}
          headingRef={resultHeadingRef}
          pending={pending}
          error={error}
          onRetake={start}
        />
      );
    }
    if (!quiz) {
      return (
        <QuizIntro
          target={target}
          questionCount={questionCount}
          length={length}
          pending={pending}
          error={error}
          onStart={start}
        />
      );
    }

    const total = quiz.questions.length;
    const question = quiz.questions[index];
    if (!question) return null;
    const current = question;
    const answeredCount = total - unansweredIndexes(quiz, answers).length;
    const overall = overallState(autosave.states);

    return (
      <section
        className="mt-6"
        aria-label={target.kind === "module" ? "Module test" : "Quiz"}
        data-attempt-id={quiz.attemptId}
      >
        <div className="flex items-center justify-between gap-3 text-sm">
          <p id="quiz-progress-label" data-testid="quiz-progress">
            Question {index + 1} of {total}
          </p>
          <p className="text-stone-600 dark:text-stone-400" data-testid="quiz-answered">
            {answeredCount} of {total} answered
            {overall === "offline" || overall === "error" ? " · not all saved" : ""}
          </p>
        </div>
        <div
          role="progressbar"
          aria-labelledby="quiz-progress-label"
          aria-valuemin={1}
          aria-valuemax={total}
          aria-valuenow={index + 1}
          aria-valuetext={`Question ${index + 1} of ${total}`}
          className="mt-2 h-2 w-full overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800"
        >
          <div
            className="h-full rounded-full bg-accent-600 transition-[width] dark:bg-accent-300"
            style={{ width: `${((index + 1) / total) * 100}%` }}
          />
        </div>

        <QuestionCard
          question={question}
          index={index}
          total={total}
          unanswered={total - answeredCount}
          value={answers[question.id]}
          // An answer on screen with no save of its own came from the server: it is saved.
          saveState={autosave.states[question.id] ?? (isAnswered(answers[question.id]) ? "saved" : undefined)}
          saveError={autosave.lastError}
          pending={pending}
          headingRef={headingRef}
          onChange={(value, options) => {
            touched.current.add(current.id);
            setAnswers((a) => ({ ...a, [current.id]: value }));
            autosave.change(current.id, value, options);
          }}
          onCommit={() => void autosave.flush()}
          onRetry={autosave.retry}
          onPrevious={() => goTo(index - 1)}
          onNext={() => (index === total - 1 ? requestSubmit() : goTo(index + 1))}
          announce={announce}
        />

        <QuestionNav
          questions={quiz.questions}
          answers={answers}
          index={index}
          pending={pending}
          onGoTo={goTo}
          onSubmit={requestSubmit}
        />
        <ConfirmSubmitDialog
          unanswered={confirming}
          onConfirm={submit}
          onGoTo={goTo}
          onClose={() => setConfirming(null)}
        />
        {error && <ErrorNote message={error} />}
      </section>
    );
  }
}
