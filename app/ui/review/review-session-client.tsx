"use client";

import Link from "next/link";
import { useEffect, useRef, useState, useTransition } from "react";
import { answerReviewAction } from "@/app/lib/actions/progress-actions";
import type { LearnerAnswer, ReviewFeedbackView, ReviewQueueView } from "@/app/lib/progress/review-views";
import { QuestionFields } from "@/app/ui/quiz/question-fields-client";
import { formatAnswer, isAnswered, TYPE_LABELS } from "@/app/ui/quiz/format";
import { PromptText } from "@/app/ui/quiz/prompt-text";
import { EvidenceQuote } from "@/app/ui/quiz/evidence-quote";
import { formatDue } from "./format-time";

/**
 * One review session: the due count, then one card at a time (public question shape only);
 * answering calls a server action that grades on the server and returns feedback — the right
 * answer and the evidence sentence, linked to its paragraph — together with the next card.
 * Keyboard: native form controls, Enter submits, focus moves to the feedback's "Next" button and
 * back to the next question; feedback and the count are announced through live regions.
 */
export function ReviewSessionClient({ initial, timeZone }: { initial: ReviewQueueView; timeZone: string }) {
  const [queue, setQueue] = useState(initial);
  /** The card on screen (kept while its feedback shows, even though the queue moved on). */
  const [card, setCard] = useState(initial.current);
  const [feedback, setFeedback] = useState<ReviewFeedbackView | null>(null);
  const [answer, setAnswer] = useState<LearnerAnswer | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [reviewed, setReviewed] = useState({ total: 0, correct: 0 });
  const [pending, startTransition] = useTransition();
  const nextButton = useRef<HTMLButtonElement>(null);
  const promptRef = useRef<HTMLHeadingElement>(null);
  const emptyRef = useRef<HTMLHeadingElement>(null);

  const promptId = "review-prompt";

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!card || pending || feedback) return;
    if (!isAnswered(answer)) {
      setError("Give an answer first.");
      return;
    }
    setError(null);
    const questionId = card.question.id;
    const given = answer;
    const reps = card.reps;
    startTransition(async () => {
      const result = await answerReviewAction({ questionId, answer: given, reps });
      if (!result.ok) {
        setError(result.fieldErrors?.answer?.[0] ?? result.error);
        return;
      }
      setFeedback(result.data.feedback);
      setQueue(result.data.queue);
      setReviewed((r) => ({
        total: r.total + 1,
        correct: r.correct + (result.data.feedback.correct ? 1 : 0),
      }));
    });
  }

  function next() {
    setFeedback(null);
    setAnswer(undefined);
    setError(null);
    setCard(queue.current);
  }

  // Move focus with the session once React has committed: to "Next" when feedback appears, back
  // to the new question (or the empty state) when the learner moves on. Not on first render.
  const shown = useRef({ feedback, card });
  useEffect(() => {
    if (shown.current.feedback === feedback && shown.current.card === card) return;
    shown.current = { feedback, card };
    if (feedback) nextButton.current?.focus();
    else (promptRef.current ?? emptyRef.current)?.focus();
  }, [feedback, card]);

  const dueLabel = queue.dueCount === 1 ? "1 card due" : `${queue.dueCount} cards due`;

  return (
    <div className="mt-6">
      <p
        role="status"
        aria-live="polite"
        className="text-sm font-medium text-stone-700 dark:text-stone-300"
        data-testid="review-due-count"
      >
        {dueLabel}
        {reviewed.total > 0 && (
          <span className="font-normal">
            {" "}
            · reviewed {reviewed.total} this session, {reviewed.correct} right
          </span>
        )}
      </p>

      {card && !feedback && (
        <form
          onSubmit={submit}
          className="mt-4 rounded-lg border border-stone-200 bg-white p-4 sm:p-5 dark:border-stone-800 dark:bg-stone-900"
          data-testid="review-card"
          aria-labelledby={promptId}
        >
          <p className="text-xs uppercase tracking-wide text-stone-600 dark:text-stone-400">
            {TYPE_LABELS[card.question.type]} · from “{card.lesson.title}”
          </p>
          <h2
            id={promptId}
            ref={promptRef}
            tabIndex={-1}
            className="mt-2 whitespace-pre-line text-lg font-semibold leading-snug outline-none"
          >
            <PromptText text={card.question.prompt} />
          </h2>
          <div className="mt-4">
            <QuestionFields
              question={card.question}
              value={answer}
              onChange={(v) => setAnswer(v)}
              promptId={promptId}
              announce={setAnnouncement}
            />
          </div>
          {error && (
            <p role="alert" className="mt-3 text-sm font-medium text-rose-700 dark:text-rose-300">
              {error}
            </p>
          )}
          <button
            type="submit"
            disabled={pending}
            className="mt-4 w-full rounded-md bg-accent-600 px-4 py-2.5 font-medium text-white hover:bg-accent-700 disabled:opacity-60 sm:w-auto"
            data-testid="review-submit"
          >
            {pending ? "Checking…" : "Check answer"}
          </button>
        </form>
      )}

      <div aria-live="polite" aria-atomic="true">
        {feedback && card && (
          <section
            aria-label="Feedback"
            data-testid="review-feedback"
            data-correct={feedback.correct ? "true" : "false"}
            className={
              "mt-4 rounded-lg border p-4 sm:p-5 " +
              (feedback.correct
                ? "border-emerald-300 bg-emerald-50/70 dark:border-emerald-800 dark:bg-emerald-950/30"
                : "border-rose-300 bg-rose-50/70 dark:border-rose-800 dark:bg-rose-950/30")
            }
          >
            <h2 className="text-lg font-bold">
              <span aria-hidden>{feedback.correct ? "✓ " : "✗ "}</span>
              {feedback.correct ? "Correct" : "Not quite"}
            </h2>
            <p className="mt-1 whitespace-pre-line text-sm">
              <PromptText text={card.question.prompt} />
            </p>
            <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]">
              <dt className="font-medium text-stone-700 dark:text-stone-300">Your answer</dt>
              <dd className="break-words">{formatAnswer(feedback.answer)}</dd>
              <dt className="font-medium text-stone-700 dark:text-stone-300">Right answer</dt>
              <dd className="break-words" data-testid="review-expected">
                {formatAnswer(feedback.expected)}
              </dd>
              <dt className="font-medium text-stone-700 dark:text-stone-300">Next review</dt>
              <dd>{formatDue(feedback.nextDueAt, new Date(), timeZone)}</dd>
            </dl>
            <EvidenceQuote
              links={feedback.evidenceLinks}
              linkTestId="review-evidence-link"
              srSuffix={(i) => (feedback.evidenceLinks.length > 1 ? `(evidence ${i + 1})` : null)}
            />
          </section>
        )}
      </div>

      {feedback && (
        <button
          ref={nextButton}
          type="button"
          onClick={next}
          className="mt-4 w-full rounded-md bg-accent-600 px-4 py-2.5 font-medium text-white hover:bg-accent-700 sm:w-auto"
          data-testid="review-next"
        >
          {queue.current ? "Next card" : "Finish"}
        </button>
      )}

      {!card && (
        <EmptyState queue={queue} timeZone={timeZone} reviewed={reviewed.total} headingRef={emptyRef} />
      )}

      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}

export function EmptyState({
  queue,
  timeZone,
  reviewed,
  headingRef,
}: {
  queue: ReviewQueueView;
  timeZone: string;
  reviewed: number;
  headingRef?: React.Ref<HTMLHeadingElement>;
}) {
  return (
    <div
      className="mt-4 rounded-lg border border-dashed border-stone-300 p-6 text-center dark:border-stone-700"
      data-testid="review-empty"
    >
      <h2 ref={headingRef} tabIndex={-1} className="text-lg font-semibold outline-none">
        {reviewed > 0 ? "All caught up." : "Nothing due."}
      </h2>
      <p className="mt-2 text-stone-700 dark:text-stone-300">
        {queue.nextDueAt ? (
          <>
            Your next review is due{" "}
            <time
              dateTime={queue.nextDueAt}
              suppressHydrationWarning
              className="font-semibold"
              data-testid="review-next-due"
            >
              {formatDue(queue.nextDueAt, new Date(), timeZone)}
            </time>
            .{" "}
          </>
        ) : null}
        Take a quiz: every question you answer joins your review schedule, and the ones you miss come back
        first.
      </p>
      <p className="mt-4 flex flex-wrap justify-center gap-3">
        <Link
          href="/#modules"
          className="rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700"
        >
          Choose a lesson
        </Link>
        <Link
          href="/dashboard"
          className="rounded-md border border-stone-300 px-4 py-2 font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
        >
          Your dashboard
        </Link>
      </p>
    </div>
  );
}
