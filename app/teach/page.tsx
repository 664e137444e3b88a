import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getSessionUser } from "@/app/lib/auth/actor";
import { listTeaching, mayCreateClass } from "@/app/lib/classes/service";
import { formatJoinCode } from "@/app/lib/classes/join-code";
import { createClassAction } from "@/app/lib/actions/teach-actions";
import { reportedQuestionsToReview } from "@/app/lib/quiz/review-queue";
import { ActionFormClient } from "@/app/ui/teach/action-form-client";
import { button, card, input, link, muted } from "@/app/ui/teach/styles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Teach", robots: { index: false } };

/** The teacher area: your classes, and a form to create one. */
export default async function TeachPage() {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent("/teach")}`);
  const [classes, canCreate] = [await listTeaching(user), mayCreateClass(user)];
  if (!canCreate && classes.length === 0 && user.role === "learner") notFound();
  const reported = await reportedQuestionsToReview(user);

  return (
    <main className="mx-auto max-w-5xl px-4 py-8 sm:py-10">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Teach</h1>
      <p className={`mt-1 ${muted}`}>
        Your classes, their assignments and gradebooks.{" "}
        <Link href="/teach/review" className={link}>
          Review the question bank
        </Link>
        .
      </p>
      {reported !== null && reported > 0 && (
        <p className="mt-3" data-testid="reported-questions">
          <Link href="/teach/review" className={`font-medium ${link}`}>
            {reported} reported {reported === 1 ? "question" : "questions"} to review
          </Link>
        </p>
      )}

      {canCreate && (
        <section aria-labelledby="new-class" className={`mt-6 ${card}`}>
          <h2 id="new-class" className="text-lg font-semibold">
            Create a class
          </h2>
          <ActionFormClient
            action={createClassAction}
            className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end"
          >
            <div className="grow">
              <label htmlFor="class-name" className="block text-sm font-medium">
                Class name
              </label>
              <input id="class-name" name="name" required maxLength={120} className={`mt-1 ${input}`} />
            </div>
            <button type="submit" className={button}>
              Create class
            </button>
          </ActionFormClient>
        </section>
      )}

      <section aria-labelledby="your-classes" className="mt-8">
        <h2 id="your-classes" className="text-lg font-semibold">
          Your classes
        </h2>
        {classes.length === 0 ? (
          <p className={`mt-2 ${muted}`}>
            No classes yet. Create one, then share its join code with your learners.
          </p>
        ) : (
          <ul className="mt-3 grid gap-3 sm:grid-cols-2" data-testid="class-list">
            {classes.map((c) => (
              <li key={c.id} className={card}>
                <Link href={`/teach/classes/${c.id}`} className="text-lg font-semibold hover:underline">
                  {c.name}
                </Link>
                {c.archivedAt && (
                  <span className="ml-2 rounded bg-stone-200 px-1.5 py-0.5 text-xs dark:bg-stone-800">
                    Archived
                  </span>
                )}
                <p className={`mt-1 text-sm ${muted}`}>
                  {c.learnerCount} {c.learnerCount === 1 ? "learner" : "learners"} · {c.assignmentCount}{" "}
                  {c.assignmentCount === 1 ? "assignment" : "assignments"} · code{" "}
                  <span className="font-mono">{c.joinEnabled ? formatJoinCode(c.joinCode) : "disabled"}</span>
                  {c.teacher.id !== user.userId ? ` · taught by ${c.teacher.name}` : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
