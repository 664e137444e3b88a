import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/app/lib/auth/actor";
import { assignmentTitle, getManagedAssignment } from "@/app/lib/assignments/service";
import { getLearnerWork } from "@/app/lib/gradebook/service";
import { formatAbsolute } from "@/app/lib/assignments/due";
import { FeedbackList } from "@/app/ui/quiz/result-view";
import { getAllLessons } from "@/app/lib/content";
import { Breadcrumb } from "@/app/ui/site/breadcrumb";
import { orNotFound } from "@/app/ui/teach/or-not-found";
import { card, muted } from "@/app/ui/teach/styles";
import { formatScore } from "@/app/lib/progress/scoring";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "A learner's work", robots: { index: false } };

type Props = { params: Promise<{ classId: string; assignmentId: string; userId: string }> };

/**
 * One learner's attempts for an assignment, lesson by lesson (or the module test): answers,
 * right or wrong, evidence.
 */
export default async function LearnerWorkPage({ params }: Props) {
  const { classId, assignmentId, userId } = await params;
  const back = `/teach/classes/${classId}/assignments/${assignmentId}`;
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`${back}/learners/${userId}`)}`);
  const [assignment, work] = await Promise.all([
    orNotFound(getManagedAssignment(user, classId, assignmentId)),
    orNotFound(getLearnerWork(user, classId, assignmentId, userId)),
  ]);
  const title = assignmentTitle(assignment);
  const lessonTitles = Object.fromEntries(getAllLessons().map((l) => [l.slug, l.title]));

  return (
    <main className="mx-auto max-w-3xl px-4 py-8 sm:py-10">
      <Breadcrumb
        trail={[
          { label: "Teach", href: "/teach" },
          { label: assignment.className, href: `/teach/classes/${classId}` },
          { label: title, href: back },
          { label: work.learner.name },
        ]}
      />
      <h1 className="mt-4 text-2xl font-bold tracking-tight">
        {work.learner.name}
        {work.learner.exit && (
          <span className={`ml-2 text-base font-normal ${muted}`}>({work.learner.exit})</span>
        )}
      </h1>
      <p className={muted}>{title}</p>
      {assignment.parts.map((part) => {
        const kind = part.kind === "test" ? "module" : "lesson";
        const attempts = work.attempts.filter((a) => a.target.kind === kind && a.target.slug === part.slug);
        return (
          <section
            key={part.key}
            id={`lesson-${part.key}`}
            aria-labelledby={`h-${part.key}`}
            className={`mt-6 scroll-mt-24 ${card}`}
          >
            <h2 id={`h-${part.key}`} className="text-lg font-semibold">
              {part.title}
            </h2>
            {attempts.length === 0 ? (
              <p className={`mt-1 ${muted}`}>No attempt yet.</p>
            ) : (
              attempts.map((a, i) => (
                <details key={a.attemptId} className="mt-3" open={i === attempts.length - 1}>
                  <summary className="cursor-pointer font-medium">
                    Attempt {i + 1}:{" "}
                    {a.status === "submitted"
                      ? `${formatScore(a.score)} / ${a.total}, ${formatAbsolute(new Date(a.submittedAt), user.timezone)}${new Date(a.submittedAt) > assignment.dueAt ? " (late)" : ""}`
                      : `in progress since ${formatAbsolute(new Date(a.startedAt), user.timezone)}`}
                  </summary>
                  {a.status === "submitted" && (
                    <div className="mt-2">
                      <FeedbackList
                        items={a.items}
                        idPrefix={`a-${a.attemptId}`}
                        nameEveryLesson={kind === "module"}
                        context={kind === "module" ? { sectionOf: {}, lessonTitles } : undefined}
                      />
                    </div>
                  )}
                </details>
              ))
            )}
          </section>
        );
      })}
    </main>
  );
}
