import type { ReviewCardView, ReviewFeedbackView } from "@/app/lib/progress/review-views";
import { EvidenceQuote } from "@/app/ui/quiz/evidence-quote";
import { formatAnswer } from "@/app/ui/quiz/format";
import { PromptText } from "@/app/ui/quiz/prompt-text";
import { formatDue } from "./format-time";
import { parseEvidenceHref } from "@/app/lib/content/result-context";

/** Right or wrong, the key, when the card comes back, and the sentence it was made from. */
export function ReviewFeedback({
  card,
  feedback,
  timeZone,
  lessonTitles,
}: {
  card: ReviewCardView;
  feedback: ReviewFeedbackView;
  timeZone: string;
  /** Lesson slug → title: an evidence link into another lesson than the card's says which. */
  lessonTitles: Record<string, string>;
}) {
  const otherLessonTitle = (href: string) => {
    const slug = parseEvidenceHref(href)?.slug;
    return slug && slug !== feedback.lesson.slug ? (lessonTitles[slug] ?? null) : null;
  };
  return (
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
        otherLessonTitle={otherLessonTitle}
        srSuffix={(i) => (feedback.evidenceLinks.length > 1 ? `(evidence ${i + 1})` : null)}
      />
    </section>
  );
}
