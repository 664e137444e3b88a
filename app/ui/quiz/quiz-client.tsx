"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { saveAnswerAction, startQuizAction, submitQuizAction } from "@/app/lib/actions/quiz-actions";
import type { LearnerAnswer, QuizView, ResultView } from "@/app/lib/attempts/views";
import { isAnswered, TYPE_LABELS } from "./format";
import { PromptText } from "./prompt-text";
import { QuestionFields } from "./question-fields-client";
import { FeedbackList, ResultSummary } from "./result-view";

/** Typed answers are saved this long after the last keystroke (and on Next / Submit). */
const TYPED_SAVE_DELAY_MS = 600;
/** Reordering saves after a short pause so a burst of moves is one request. */
const LIST_SAVE_DELAY_MS = 300;

type SaveStatus = "saving" | "saved" | "error";

export interface QuizClientProps {
  lesson: { slug: string; title: string };
  questionCount: number;
  initialQuiz: QuizView | null;
}

function firstUnanswered(quiz: QuizView): number {
  const i = quiz.questions.findIndex((q) => !isAnswered(quiz.saved[q.id]));
  return i === -1 ? 0 : i;
}

/**
 * The quiz island: start (or resume), answer one question at a time, submit, feedback.
 * It only ever holds public question shapes; the right answers arrive with the result.
 */
export function QuizClient({ lesson, questionCount, initialQuiz }: QuizClientProps) {
  const [quiz, setQuiz] = useState<QuizView | null>(initialQuiz);
  const [answers, setAnswers] = useState<Record<string, LearnerAnswer>>(initialQuiz?.saved ?? {});
  const [index, setIndex] = useState(initialQuiz ? firstUnanswered(initialQuiz) : 0);
  const [result, setResult] = useState<ResultView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<Record<string, SaveStatus>>({});
  const [announcement, setAnnouncement] = useState("");
  const [pending, startTransition] = useTransition();

  const headingRef = useRef<HTMLHeadingElement>(null);
  const resultHeadingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const timers = useRef(new Map<string, { timer: ReturnType<typeof setTimeout>; run: () => void }>());
  const inflight = useRef(new Map<string, Promise<void>>());

  const announce = useCallback((message: string) => {
    setAnnouncement("");
    requestAnimationFrame(() => setAnnouncement(message));
  }, []);

  // Move focus to the question heading when the learner changes question (not on first load).
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [index, quiz?.attemptId]);

  useEffect(() => {
    if (result) resultHeadingRef.current?.focus();
  }, [result]);

  const persist = useCallback((attemptId: string, questionId: string, answer: LearnerAnswer) => {
    const previous = inflight.current.get(questionId) ?? Promise.resolve();
    const next = previous.then(async () => {
      setStatus((s) => ({ ...s, [questionId]: "saving" }));
      try {
        const res = await saveAnswerAction({ attemptId, questionId, answer });
        setStatus((s) => ({ ...s, [questionId]: res.ok ? "saved" : "error" }));
        if (!res.ok) setError(res.error);
      } catch {
        setStatus((s) => ({ ...s, [questionId]: "error" }));
        setError("Your answer could not be saved. Check your connection and try again.");
      }
    });
    inflight.current.set(questionId, next);
    return next;
  }, []);

  const queueSave = useCallback(
    (questionId: string, answer: LearnerAnswer, delay: number) => {
      if (!quiz) return;
      const attemptId = quiz.attemptId;
      const existing = timers.current.get(questionId);
      if (existing) clearTimeout(existing.timer);
      const run = () => {
        timers.current.delete(questionId);
        void persist(attemptId, questionId, answer);
      };
      if (delay <= 0) return run();
      timers.current.set(questionId, { timer: setTimeout(run, delay), run });
    },
    [quiz, persist],
  );

  /** Send every pending (debounced) save now and wait for all saves to finish. */
  const flush = useCallback(async () => {
    for (const { timer, run } of [...timers.current.values()]) {
      clearTimeout(timer);
      run();
    }
    await Promise.all([...inflight.current.values()]);
  }, []);

  // Flush a pending typed answer if the tab is hidden or closed.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === "hidden") void flush();
    };
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", onHide);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", onHide);
    };
  }, [flush]);

  function start() {
    setError(null);
    startTransition(async () => {
      const res = await startQuizAction({ lessonSlug: lesson.slug });
      if (!res.ok) {
        setError(res.error);
        return;
      }
      timers.current.clear();
      inflight.current.clear();
      setResult(null);
      setStatus({});
      setAnswers(res.data.quiz.saved);
      setQuiz(res.data.quiz);
      moved.current = true;
      setIndex(firstUnanswered(res.data.quiz));
    });
  }

  function submit() {
    if (!quiz) return;
    setError(null);
    startTransition(async () => {
      await flush();
      const res = await submitQuizAction({ attemptId: quiz.attemptId });
      if (!res.ok) {
        setError(res.error);
        return;
      }
      setResult(res.data.result);
      announce(`Quiz submitted. You scored ${res.data.result.score} out of ${res.data.result.total}.`);
    });
  }

  function goTo(i: number) {
    if (!quiz) return;
    moved.current = true;
    setIndex(Math.max(0, Math.min(quiz.questions.length - 1, i)));
  }

  // One live region for the island's whole life (a region mounted with its text is often not read).
  const liveRegion = (
    <p aria-live="polite" role="status" className="sr-only" data-testid="quiz-announcer">
      {announcement}
    </p>
  );
  return (
    <div>
      {liveRegion}
      {renderBody()}
    </div>
  );

  function renderBody() {
    /* ---------------------------------------------------------------- results */
    if (result) {
      return (
        <section aria-labelledby="quiz-results-heading" className="mt-6">
          <h2 id="quiz-results-heading" className="sr-only">
            Results
          </h2>
          <div aria-live="polite" data-testid="quiz-results">
            <ResultSummary result={result} headingRef={resultHeadingRef} />
            <FeedbackList items={result.items} />
          </div>
          <div className="mt-6 flex flex-wrap gap-3">
            <button
              type="button"
              onClick={start}
              disabled={pending}
              className="rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700 disabled:opacity-60"
            >
              Take another quiz on this lesson
            </button>
            <Link
              href={`/lessons/${lesson.slug}`}
              className="rounded-md border border-stone-300 px-4 py-2 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-900"
            >
              Back to the lesson
            </Link>
            <Link
              href={`/attempts/${result.attemptId}`}
              className="px-1 py-2 text-sm underline hover:no-underline"
            >
              Link to this result
            </Link>
          </div>
          {error && <ErrorNote message={error} />}
        </section>
      );
    }

    /* ---------------------------------------------------------------- before starting */
    if (!quiz) {
      if (questionCount === 0) {
        return (
          <section
            className="mt-6 rounded-lg border border-dashed border-stone-300 p-6 dark:border-stone-700"
            data-testid="quiz-empty"
          >
            <h2 className="text-lg font-semibold">No questions for this lesson yet</h2>
            <p className="mt-2 text-stone-700 dark:text-stone-300">
              Questions are generated from the lesson text and loaded into the database by{" "}
              <code className="rounded bg-stone-100 px-1 py-0.5 text-sm dark:bg-stone-800">
                npm run content:sync
              </code>
              . Run it, then reload this page.
            </p>
            <p className="mt-4">
              <Link href={`/lessons/${lesson.slug}`} className="underline hover:no-underline">
                Read the lesson meanwhile
              </Link>
            </p>
          </section>
        );
      }
      const length = Math.min(10, questionCount);
      return (
        <section className="mt-6 rounded-lg border border-stone-200 bg-white p-6 dark:border-stone-800 dark:bg-stone-900">
          <h2 className="text-lg font-semibold">Ready?</h2>
          <p className="mt-2 text-stone-700 dark:text-stone-300">
            {length} question{length === 1 ? "" : "s"} drawn from this lesson. Your answers are saved as you
            go, so you can leave and come back. Each answer is marked when you submit, with the sentence of
            the lesson it comes from.
          </p>
          <button
            type="button"
            onClick={start}
            disabled={pending}
            className="mt-4 rounded-md bg-accent-600 px-5 py-2.5 font-medium text-white hover:bg-accent-700 disabled:opacity-60"
            data-testid="start-quiz"
          >
            {pending ? "Starting…" : "Start the quiz"}
          </button>
          {error && <ErrorNote message={error} />}
        </section>
      );
    }

    /* ---------------------------------------------------------------- taking the quiz */
    const total = quiz.questions.length;
    const question = quiz.questions[index];
    if (!question) return null;
    const current = question;
    const last = index === total - 1;
    const answeredCount = quiz.questions.filter((q) => isAnswered(answers[q.id])).length;
    const promptId = `prompt-${question.id}`;
    const saveState = status[question.id];

    function onChange(value: LearnerAnswer, options?: { typed?: boolean }) {
      setAnswers((a) => ({ ...a, [current.id]: value }));
      const delay = options?.typed
        ? TYPED_SAVE_DELAY_MS
        : current.type === "ordering"
          ? LIST_SAVE_DELAY_MS
          : 0;
      queueSave(current.id, value, delay);
    }

    return (
      <section className="mt-6" aria-label="Quiz" data-attempt-id={quiz.attemptId}>
        <div className="flex items-center justify-between gap-3 text-sm">
          <p id="quiz-progress-label" data-testid="quiz-progress">
            Question {index + 1} of {total}
          </p>
          <p className="text-stone-600 dark:text-stone-400">
            {answeredCount} of {total} answered
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

        <form
          className="mt-6 rounded-lg border border-stone-200 bg-white p-4 sm:p-6 dark:border-stone-800 dark:bg-stone-900"
          onKeyDown={(e) => {
            const target = e.target as HTMLElement;
            if (e.key === "Enter" && target instanceof HTMLInputElement && target.type === "radio") {
              e.preventDefault();
              e.currentTarget.requestSubmit();
            }
          }}
          onSubmit={(e) => {
            e.preventDefault();
            if (last) submit();
            else goTo(index + 1);
          }}
          aria-labelledby={`heading-${question.id}`}
        >
          <h2
            id={`heading-${question.id}`}
            ref={headingRef}
            tabIndex={-1}
            className="scroll-mt-32 text-sm font-semibold uppercase tracking-wide text-stone-600 outline-none dark:text-stone-400"
          >
            Question {index + 1}
            <span className="sr-only"> of {total}</span>: {TYPE_LABELS[question.type]}
          </h2>
          <p id={promptId} className="mt-2 whitespace-pre-line text-lg" data-testid="question-prompt">
            <PromptText text={question.prompt} />
          </p>
          <div className="mt-4">
            <QuestionFields
              key={question.id}
              question={question}
              value={answers[question.id]}
              onChange={onChange}
              promptId={promptId}
              announce={announce}
            />
          </div>
          <p className="mt-3 h-5 text-xs text-stone-600 dark:text-stone-400" data-testid="save-status">
            {saveState === "saving"
              ? "Saving…"
              : saveState === "saved"
                ? "Saved"
                : saveState === "error"
                  ? "Not saved"
                  : ""}
          </p>
          <div className="mt-4 flex flex-wrap items-center gap-3">
            <button
              type="button"
              onClick={() => goTo(index - 1)}
              disabled={index === 0}
              className="rounded-md border border-stone-300 px-4 py-2 hover:bg-stone-100 disabled:opacity-40 dark:border-stone-700 dark:hover:bg-stone-800"
            >
              Previous
            </button>
            <button
              type="submit"
              disabled={pending}
              className="rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700 disabled:opacity-60"
              data-testid={last ? "submit-quiz" : "next-question"}
            >
              {last ? (pending ? "Submitting…" : "Submit quiz") : "Next question"}
            </button>
            {last && answeredCount < total && (
              <p className="text-sm text-amber-800 dark:text-amber-200">
                {total - answeredCount} unanswered: they will be marked wrong.
              </p>
            )}
          </div>
        </form>

        <nav aria-label="Questions" className="mt-6">
          <ol className="flex flex-wrap gap-2">
            {quiz.questions.map((q, i) => {
              const done = isAnswered(answers[q.id]);
              return (
                <li key={q.id}>
                  <button
                    type="button"
                    onClick={() => goTo(i)}
                    aria-current={i === index ? "step" : undefined}
                    aria-label={`Question ${i + 1}${done ? ", answered" : ", not answered"}`}
                    className={
                      "h-9 w-9 rounded-md border text-sm " +
                      (i === index
                        ? "border-accent-600 bg-accent-600 text-white dark:border-accent-300 dark:bg-accent-300 dark:text-stone-950"
                        : done
                          ? "border-stone-400 bg-stone-200 dark:border-stone-600 dark:bg-stone-700"
                          : "border-stone-300 dark:border-stone-700")
                    }
                  >
                    {i + 1}
                  </button>
                </li>
              );
            })}
          </ol>
          {!last && (
            <button
              type="button"
              onClick={submit}
              disabled={pending}
              className="mt-4 text-sm underline hover:no-underline disabled:opacity-60"
            >
              Submit now ({answeredCount} of {total} answered)
            </button>
          )}
        </nav>
        {error && <ErrorNote message={error} />}
      </section>
    );
  }
}

function ErrorNote({ message }: { message: string }) {
  return (
    <p
      role="alert"
      className="mt-4 rounded-md bg-rose-50 p-3 text-sm text-rose-900 dark:bg-rose-950/50 dark:text-rose-100"
      data-testid="quiz-error"
    >
      {message}
    </p>
  );
}
