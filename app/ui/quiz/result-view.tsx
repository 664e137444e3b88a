import Link from "next/link";
import type { Expected, FeedbackItem, LearnerAnswer, ResultView } from "@/app/lib/attempts/views";
import { formatAnswer, TYPE_LABELS } from "./format";
import { PromptText } from "./prompt-text";
import { EvidenceQuote } from "./evidence-quote";
import { parseEvidenceHref, type ResultContext } from "@/app/lib/content/result-context";
import { StatementChange } from "./statement-change";
import { ReportQuestionClient } from "./report-question-client";
import { formatScore, PARTIAL_CREDIT_RULE, scorePercent } from "@/app/lib/progress/scoring";

/**
 * Feedback for a submitted attempt: the score, then per question whether it was right, the
 * learner's answer, the right answer and the evidence sentence linked to its paragraph.
 * No hooks: rendered by the results page (server) and by the quiz island after submitting.
 */
export function ResultSummary({
  result,
  headingRef,
  who = "You",
}: {
  /** A shared result has no attempt id and no guest offer. */
  result: Omit<ResultView, "attemptId" | "guest"> & Partial<Pick<ResultView, "attemptId" | "guest">>;
  headingRef?: React.Ref<HTMLHeadingElement>;
  /** Who scored: "You" on the owner's pages, the display name on a shared one. */
  who?: string;
}) {
  const percent = scorePercent(result.score, result.total);
  const partly = result.items.filter((i) => !i.correct && i.credit > 0).length;
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900">
      <h2
        ref={headingRef}
        tabIndex={-1}
        className="scroll-mt-32 text-xl font-bold outline-none"
        data-testid="quiz-score"
      >
        {who} scored {formatScore(result.score)} out of {result.total}
      </h2>
      <p className="mt-1 text-sm text-stone-700 dark:text-stone-300">
        {percent}% on {result.target.kind === "module" ? "the module test of " : ""}“{result.target.title}”.{" "}
        {result.score === result.total
          ? "Every answer right."
          : "Each question below shows the right answer and the sentence of the lesson it comes from."}
      </p>
      {partly > 0 && (
        <p className="mt-2 text-sm text-stone-700 dark:text-stone-300" data-testid="partial-credit-note">
          {partly === 1 ? "One answer was" : `${partly} answers were`} partly right and{" "}
          {partly === 1 ? "counts" : "count"} for part of a mark. {PARTIAL_CREDIT_RULE}
        </p>
      )}
      {result.guest && result.attemptId && (
        <p className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950/40 dark:text-amber-100">
          You are not signed in, so this result is kept only in this browser.{" "}
          <Link
            href={`/sign-up?callbackUrl=${encodeURIComponent(`/attempts/${result.attemptId}`)}`}
            className="font-semibold underline hover:no-underline"
          >
            Sign up to keep this result
          </Link>
          .
        </p>
      )}
    </div>
  );
}

function AnswerValue({ value }: { value: LearnerAnswer | Expected | null }) {
  if (value !== null && Array.isArray(value) && value.length > 0) {
    if (typeof value[0] === "string") {
      return (
        <ol className="list-decimal space-y-0.5 pl-5">
          {(value as string[]).map((v, i) => (
            <li key={i}>{v}</li>
          ))}
        </ol>
      );
    }
    return (
      <ul className="space-y-0.5">
        {(value as [string, string][]).map(([l, r], i) => (
          <li key={i}>
            {l} <span aria-label="matches">→</span> {r}
          </li>
        ))}
      </ul>
    );
  }
  return <>{formatAnswer(value)}</>;
}

/** The right order of a chronology question, each event with the date the text gives it. */
function ExpectedValue({ item }: { item: FeedbackItem }) {
  const dates = item.expectedDates;
  if (!dates || !isList(item.expected)) return <AnswerValue value={item.expected} />;
  return (
    <ol className="list-decimal space-y-0.5 pl-5" data-testid="expected-order">
      {item.expected.map((v, i) => {
        const date = dates[i];
        return (
          <li key={i}>
            {v}
            {date && (
              <span className="text-stone-600 dark:text-stone-400" data-testid="expected-date">
                {" "}
                ({date})
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** `idPrefix` keeps element ids unique when a page lists several attempts. */
const isList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "string");
const isPairs = (v: unknown): v is [string, string][] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => Array.isArray(x) && x.length === 2);

function Mark({ right }: { right: boolean }) {
  return (
    <span
      data-mark={right ? "right" : "wrong"}
      className={right ? "text-emerald-700 dark:text-emerald-300" : "text-rose-700 dark:text-rose-300"}
    >
      <span aria-hidden>{right ? "✓ " : "✗ "}</span>
      <span className="sr-only">{right ? "(right) " : "(wrong) "}</span>
    </span>
  );
}

/**
 * An ordering or matching answer item by item: each item in its right place, or each pair
 * right, is ticked, so a nearly right answer shows how near it was.
 */
function MarkedAnswer({ value, expected }: { value: LearnerAnswer | null; expected: Expected }) {
  if (isList(value) && isList(expected)) {
    const right = value.filter((v, i) => expected[i] === v).length;
    return (
      <>
        <ol className="list-decimal space-y-0.5 pl-5">
          {value.map((v, i) => (
            <li key={i}>
              <Mark right={expected[i] === v} />
              {v}
            </li>
          ))}
        </ol>
        <p className="mt-1 text-stone-700 dark:text-stone-300" data-testid="item-marks">
          {right} of {expected.length} in the right place
        </p>
      </>
    );
  }
  if (isPairs(value) && isPairs(expected)) {
    const key = new Map(expected.map(([l, r]) => [l, r]));
    const right = value.filter(([l, r]) => key.get(l) === r).length;
    return (
      <>
        <ul className="space-y-0.5">
          {value.map(([l, r], i) => (
            <li key={i}>
              <Mark right={key.get(l) === r} />
              {l} <span aria-label="matches">→</span> {r}
            </li>
          ))}
        </ul>
        <p className="mt-1 text-stone-700 dark:text-stone-300" data-testid="item-marks">
          {right} of {expected.length} pairs right
        </p>
      </>
    );
  }
  return <AnswerValue value={value} />;
}

function verdict(item: FeedbackItem): string {
  if (item.correct) return "correct";
  if (item.credit > 0) return `partly right, ${formatScore(item.credit)} of a mark`;
  return "incorrect";
}

export function FeedbackList({
  items,
  idPrefix = "feedback",
  lessonSlug,
  nameEveryLesson = false,
  context,
  reportAttemptId,
}: {
  items: FeedbackItem[];
  idPrefix?: string;
  /** The owner's own attempt: each question gets "Report this question". */
  reportAttemptId?: string;
  /** The quiz's lesson: evidence links into any other lesson say which one they open. */
  lessonSlug?: string;
  /** A module test: every evidence link says which lesson it opens. */
  nameEveryLesson?: boolean;
  context?: ResultContext;
}) {
  const otherLessonTitle = (href: string) => {
    const slug = parseEvidenceHref(href)?.slug;
    if (!slug) return null;
    if (nameEveryLesson) return context?.lessonTitles[slug] ?? null;
    return lessonSlug && slug !== lessonSlug ? (context?.lessonTitles[slug] ?? null) : null;
  };
  return (
    <ol className="mt-6 space-y-4" aria-label="Feedback for each question">
      {items.map((item, i) => {
        const id = `${idPrefix}-${i + 1}`;
        return (
          <li
            key={item.question.id}
            aria-labelledby={id}
            data-testid="feedback-item"
            data-correct={item.correct ? "true" : "false"}
            data-credit={item.credit}
            className={
              "rounded-lg border p-4 " +
              (item.correct
                ? "border-emerald-300 bg-emerald-50/60 dark:border-emerald-800 dark:bg-emerald-950/30"
                : "border-rose-300 bg-rose-50/60 dark:border-rose-800 dark:bg-rose-950/30")
            }
          >
            <h3 id={id} className="text-sm font-semibold">
              <span aria-hidden>{item.correct ? "✓ " : "✗ "}</span>
              Question {i + 1}: {verdict(item)}
              <span className="ml-2 font-normal text-stone-600 dark:text-stone-400">
                ({TYPE_LABELS[item.question.type]})
              </span>
            </h3>
            <p className="mt-2 whitespace-pre-line">
              <PromptText text={item.question.prompt} />
            </p>
            <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
              <dt className="font-medium text-stone-700 dark:text-stone-300">Your answer</dt>
              <dd data-testid="feedback-your-answer">
                <MarkedAnswer value={item.answer} expected={item.expected} />
              </dd>
              <dt className="font-medium text-stone-700 dark:text-stone-300">Right answer</dt>
              <dd data-testid="feedback-expected">
                <ExpectedValue item={item} />
              </dd>
            </dl>
            <StatementChange item={item} />
            <EvidenceQuote
              otherLessonTitle={otherLessonTitle}
              noteOther={!nameEveryLesson}
              links={item.evidenceLinks}
              linkTestId="evidence-link"
              srSuffix={(j) =>
                `(evidence${item.evidenceLinks.length > 1 ? ` ${j + 1}` : ""} for question ${i + 1})`
              }
            />
            {reportAttemptId && (
              <ReportQuestionClient
                attemptId={reportAttemptId}
                questionId={item.question.id}
                questionNumber={i + 1}
              />
            )}
          </li>
        );
      })}
    </ol>
  );
}
