import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/app/lib/auth/actor";
import { getReviewQueue } from "@/app/lib/quiz/review-queue";
import { getItemAnalysis, type ItemAnalysisView } from "@/app/lib/gradebook/service";
import { canSeeGlobalItemAnalysis } from "@/app/lib/classes/permissions";
import { toViewer } from "@/app/lib/classes/viewer";
import { FLAG_LABELS } from "@/app/lib/gradebook/item-analysis";
import { formatAbsolute } from "@/app/lib/assignments/due";
import { Breadcrumb } from "@/app/ui/site/breadcrumb";
import { orNotFound } from "@/app/ui/teach/or-not-found";
import { ReviewEditClient } from "@/app/ui/teach/review-edit-client";
import { card, link, muted } from "@/app/ui/teach/styles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Review questions", robots: { index: false } };

type Props = { params: Promise<{ lessonSlug: string }>; searchParams: Promise<{ class?: string }> };

const REVIEW_LABELS = {
  pending: "Not reviewed",
  approved: "Approved",
  edited: "Edited",
  rejected: "Rejected",
};
const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)} %`);

/**
 * One lesson's generated questions with their evidence, review decisions and, beside each, item
 * statistics over a class (`?class=<id>`) or, for admins, over everyone.
 */
export default async function ReviewLessonPage({ params, searchParams }: Props) {
  const { lessonSlug } = await params;
  const { class: classId } = await searchParams;
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/teach/review/${lessonSlug}`)}`);
  const queue = await orNotFound(getReviewQueue(user, lessonSlug));
  let stats: ItemAnalysisView | null = null;
  if (classId) stats = await orNotFound(getItemAnalysis(user, classId, lessonSlug));
  else if (canSeeGlobalItemAnalysis(toViewer(user))) stats = await getItemAnalysis(user, null, lessonSlug);
  const statsById = new Map(stats?.items.map((s) => [s.questionId, s]));
  // The index links to the first question with open reports.
  const firstReported = queue.items.find((item) => (item.reports?.open ?? 0) > 0)?.id;

  return (
    <main className="mx-auto max-w-4xl px-4 py-8 sm:py-10">
      <Breadcrumb
        trail={[
          { label: "Teach", href: "/teach" },
          { label: "Question review", href: "/teach/review" },
          { label: queue.lesson.title },
        ]}
      />
      <h1 className="mt-4 text-2xl font-bold tracking-tight">{queue.lesson.title}</h1>
      <p className={`mt-1 ${muted}`}>
        {queue.items.length} questions.{" "}
        {stats
          ? `Statistics over ${stats.attempts} submitted ${stats.attempts === 1 ? "quiz" : "quizzes"} ${stats.scope === "class" ? "of this class" : "by everyone"}.`
          : "Open this page from a class's assignment to see statistics over that class."}{" "}
        <Link href={`/lessons/${queue.lesson.slug}`} className={link}>
          Read the lesson
        </Link>{" "}
        ·{" "}
        <Link href={`/lessons/${queue.lesson.slug}/print`} className={link}>
          Printable quiz
        </Link>
      </p>
      <ol className="mt-6 space-y-4">
        {queue.items.map((item, i) => {
          const q = item.question;
          const s = statsById.get(item.id);
          const choiceKey = q && (q.type === "multiple_choice" || q.type === "true_false") ? q : null;
          return (
            <li
              key={item.id}
              id={item.id === firstReported ? "reported" : undefined}
              className={`scroll-mt-4 ${card}`}
              data-testid="review-item"
              data-question-id={item.id}
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-semibold">
                  {i + 1}. {q?.prompt ?? "(this question no longer parses)"}
                </h2>
                <span className="text-sm">
                  {REVIEW_LABELS[item.review]}
                  {item.status === "retired" ? " · retired" : ""}
                  {item.reviewedBy && item.reviewedAt
                    ? ` by ${item.reviewedBy}, ${formatAbsolute(new Date(item.reviewedAt), user.timezone)}`
                    : ""}
                </span>
              </div>
              {item.reports && (
                <div
                  className="mt-2 rounded-md bg-amber-50 p-2 text-sm text-amber-950 dark:bg-amber-950/40 dark:text-amber-100"
                  data-testid="review-reports"
                >
                  <p className="font-medium">
                    Reported by {item.reports.count} {item.reports.count === 1 ? "learner" : "learners"}:{" "}
                    {item.reports.reasons.map((r) => `${r.label.toLowerCase()} (${r.count})`).join(", ")}
                    {item.reports.open === 0
                      ? " · handled by the latest review decision"
                      : item.reports.open < item.reports.count
                        ? ` · ${item.reports.open} since the latest review decision`
                        : ""}
                  </p>
                  {item.reports.notes.length > 0 && (
                    <ul className="mt-1 list-disc pl-5">
                      {item.reports.notes.map((note, j) => (
                        <li key={j}>{note}</li>
                      ))}
                    </ul>
                  )}
                </div>
              )}
              {item.generatedPrompt && (
                <p className={`text-sm ${muted}`}>Generated prompt: {item.generatedPrompt}</p>
              )}
              <div className="mt-2 grid gap-4 md:grid-cols-[1fr_16rem]">
                <div className="text-sm">
                  {choiceKey ? (
                    <ul className="list-disc pl-5">
                      {choiceKey.choices.map((c) => (
                        <li key={c}>
                          {c}
                          {c === choiceKey.answer ? <strong> (key)</strong> : null}
                          {s && c !== choiceKey.answer ? (
                            <span className={muted}> · chosen {s.distractors[c] ?? 0}×</span>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  ) : q?.type === "fill_blank" ? (
                    <p>
                      Answer: <strong>{q.answer}</strong>
                      {q.accepted.length ? ` (also ${q.accepted.join(", ")})` : ""}
                    </p>
                  ) : q ? (
                    <p>Answer: {JSON.stringify(q.answer)}</p>
                  ) : null}
                  <blockquote className="mt-2 border-l-4 border-stone-300 pl-3 italic dark:border-stone-700">
                    {item.evidence}{" "}
                    <Link
                      href={`/lessons/${queue.lesson.slug}#${item.evidenceAnchor}`}
                      className={`not-italic ${link}`}
                    >
                      in the lesson
                    </Link>
                  </blockquote>
                </div>
                {s && (
                  <dl className="grid grid-cols-2 gap-x-2 text-sm" aria-label="Item statistics">
                    <dt>Answers</dt>
                    <dd>{s.answers}</dd>
                    <dt>Facility</dt>
                    <dd>{pct(s.facility)}</dd>
                    <dt>Discrimination</dt>
                    <dd>{s.discrimination === null ? "—" : s.discrimination.toFixed(2)}</dd>
                    {s.flags.length > 0 && (
                      <>
                        <dt className="col-span-2 mt-1 font-medium">Flags</dt>
                        <dd className="col-span-2">
                          <ul className="list-disc pl-5 text-amber-900 dark:text-amber-200">
                            {s.flags.map((f) => (
                              <li key={f}>{FLAG_LABELS[f]}</li>
                            ))}
                          </ul>
                        </dd>
                      </>
                    )}
                  </dl>
                )}
              </div>
              {q && (
                <ReviewEditClient
                  lessonSlug={queue.lesson.slug}
                  questionId={item.id}
                  type={q.type}
                  prompt={q.prompt}
                  choices={choiceKey ? choiceKey.choices : null}
                  answer={choiceKey ? choiceKey.answer : q.type === "fill_blank" ? q.answer : ""}
                  accepted={q.type === "fill_blank" ? q.accepted : []}
                />
              )}
            </li>
          );
        })}
      </ol>
    </main>
  );
}
