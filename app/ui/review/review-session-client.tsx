"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { answerReviewAction } from "@/app/lib/actions/progress-actions";
import type {
  LearnerAnswer,
  ReviewCardView,
  ReviewFeedbackView,
  ReviewSessionView,
} from "@/app/lib/progress/review-views";
import { QuestionFields } from "@/app/ui/quiz/question-fields-client";
import { isAnswered, TYPE_LABELS } from "@/app/ui/quiz/format";
import { PromptText } from "@/app/ui/quiz/prompt-text";
import { EmptyState } from "./review-empty";
import { ReviewFeedback } from "./review-feedback";
import { ReviewFinish, type SessionResult } from "./review-finish";

interface SessionItem {
  card: ReviewCardView;
  /** A second try at a card missed earlier in this session (at most one per card). */
  retry: boolean;
}

/**
 * One review session with an end: the due cards the server chose (at most 20), one at a time,
 * with a counter of the cards left. A card missed the first time comes back once at the end of
 * the session (marked on the server, not rescheduled again). Then a finish screen.
 * Keyboard: native form controls, Enter submits, focus moves to the feedback's "Next" button and
 * back to the next question; feedback and the count are announced through live regions.
 */
export function ReviewSessionClient({
  session,
  timeZone,
  lessonTitles,
}: {
  session: ReviewSessionView;
  timeZone: string;
  /** Lesson slug → title, to name the lesson an evidence link opens when it is another one. */
  lessonTitles: Record<string, string>;
}) {
  const [items, setItems] = useState<SessionItem[]>(() =>
    session.cards.map((card) => ({ card, retry: false })),
  );
  const [position, setPosition] = useState(0);
  const [queue, setQueue] = useState({ dueCount: session.dueCount, nextDueAt: session.nextDueAt });
  const [feedback, setFeedback] = useState<ReviewFeedbackView | null>(null);
  const [answer, setAnswer] = useState<LearnerAnswer | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [results, setResults] = useState<SessionResult[]>([]);
  const [pending, startTransition] = useTransition();
  const nextButton = useRef<HTMLButtonElement>(null);
  const promptRef = useRef<HTMLHeadingElement>(null);
  const endRef = useRef<HTMLHeadingElement>(null);

  const item = items[position] ?? null;
  const card = item?.card ?? null;
  const left = items.length - results.length;
  const promptId = "review-prompt";

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!item || pending || feedback) return;
    if (!isAnswered(answer)) {
      setError("Give an answer first.");
      return;
    }
    setError(null);
    const { card: shown, retry } = item;
    const given = answer;
    startTransition(async () => {
      const result = await answerReviewAction({
        questionId: shown.question.id,
        answer: given,
        reps: shown.reps,
        retry,
      });
      if (!result.ok) {
        setError(result.fieldErrors?.answer?.[0] ?? result.error);
        return;
      }
      const fb = result.data.feedback;
      setFeedback(fb);
      setQueue({ dueCount: result.data.queue.dueCount, nextDueAt: result.data.queue.nextDueAt });
      setResults((r) => [
        ...r,
        {
          questionId: fb.questionId,
          lesson: fb.lesson,
          correct: fb.correct,
          retry,
          evidence: fb.evidenceLinks[0] ?? null,
        },
      ]);
      if (!fb.correct && !retry) setItems((list) => [...list, { card: shown, retry: true }]);
    });
  }

  function next() {
    setFeedback(null);
    setAnswer(undefined);
    setError(null);
    setPosition((p) => p + 1);
  }

  // Move focus with the session once React has committed: to "Next" when feedback appears, back
  // to the new question (or the finish screen) when the learner moves on. Not on first render.
  const shown = useRef({ feedback, position });
  useEffect(() => {
    if (shown.current.feedback === feedback && shown.current.position === position) return;
    shown.current = { feedback, position };
    if (feedback) nextButton.current?.focus();
    else (promptRef.current ?? endRef.current)?.focus();
  }, [feedback, position]);

  if (items.length === 0) return <EmptyState queue={session} timeZone={timeZone} reviewed={0} />;

  const finished = !card;
  return (
    <div className="mt-6">
      <div role="status" aria-live="polite" className="text-sm">
        <p className="font-medium text-stone-800 dark:text-stone-200" data-testid="review-session-left">
          {finished ? "Session finished" : `${left} card${left === 1 ? "" : "s"} left in this session`}
          {item?.retry && !feedback ? " · a second try at a card you missed" : ""}
        </p>
        {/* Counted when the page loaded: once the session is over, the finish panel says what is due. */}
        {!finished && (
          <p className="text-stone-600 dark:text-stone-400" data-testid="review-due-count">
            {queue.dueCount === 1 ? "1 card due" : `${queue.dueCount} cards due`} in all
          </p>
        )}
      </div>
      {!finished && (
        <div
          aria-hidden
          className="mt-2 h-2 w-full overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800"
        >
          <div
            className="h-full rounded-full bg-accent-600 transition-[width] dark:bg-accent-300"
            style={{ width: `${(results.length / items.length) * 100}%` }}
          />
        </div>
      )}

      {card && !feedback && (
        <form
          onSubmit={submit}
          className="mt-4 rounded-lg border border-stone-200 bg-white p-4 sm:p-5 dark:border-stone-800 dark:bg-stone-900"
          data-testid="review-card"
          data-retry={item?.retry ? "true" : "false"}
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
              key={`${card.question.id}-${position}`}
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
          <ReviewFeedback card={card} feedback={feedback} timeZone={timeZone} lessonTitles={lessonTitles} />
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
          {position < items.length - 1 ? "Next card" : "Finish"}
        </button>
      )}

      {finished && (
        <ReviewFinish
          results={results}
          dueCount={queue.dueCount}
          nextDueAt={queue.nextDueAt}
          timeZone={timeZone}
          headingRef={endRef}
        />
      )}

      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
