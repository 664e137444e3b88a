import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getSessionUser } from "@/app/lib/auth/actor";
import { getDashboardView } from "@/app/lib/progress/dashboard";
import { ContinueCard } from "@/app/ui/progress/continue-card";
import { ScoreChart } from "@/app/ui/progress/score-chart";
import { AssignedSection } from "@/app/ui/teach/assigned-section";
import {
  MasteryGrid,
  ModuleProgressList,
  RecentAttempts,
  ReviewsDue,
  StreakCard,
  card,
} from "@/app/ui/progress/dashboard-parts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard", robots: { index: false } };

/** The signed-in learner's progress: modules, scores over time, lesson mastery, recent quizzes, reviews due. */
export default async function DashboardPage() {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent("/dashboard")}`);
  const now = new Date();
  const view = await getDashboardView(user.userId, now);
  // A session whose account is gone: not found (sending it to sign-in would bounce straight back).
  if (!view) notFound();

  return (
    <main className="mx-auto max-w-5xl px-4 py-8 sm:py-10">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Your progress</h1>
      <p className="mt-1 text-stone-700 dark:text-stone-300">Signed in as {view.name}.</p>

      {view.isNew && (
        <section
          aria-labelledby="welcome-heading"
          className="mt-6 rounded-lg border border-accent-300 bg-accent-50 p-5 dark:border-accent-700 dark:bg-stone-900"
          data-testid="dashboard-welcome"
        >
          <h2 id="welcome-heading" className="text-lg font-semibold">
            Nothing here yet
          </h2>
          <p className="mt-1 text-stone-800 dark:text-stone-200">
            Read a lesson, then take its quiz: your scores, mastery and review schedule will show up here.
          </p>
          {view.firstLesson && (
            <Link
              href={`/lessons/${view.firstLesson.slug}`}
              className="mt-3 inline-block rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700"
            >
              Start with “{view.firstLesson.title}”
            </Link>
          )}
        </section>
      )}

      <AssignedSection actor={user} now={now} />

      {!view.isNew && (
        <div className="mt-6">
          <ContinueCard step={view.nextStep} />
        </div>
      )}

      <div className={`mt-6 grid gap-4 ${view.streak ? "sm:grid-cols-2" : ""}`}>
        <ReviewsDue
          dueCount={view.dueCount}
          cardCount={view.cardCount}
          nextDueAt={view.nextDueAt}
          timeZone={view.timeZone}
          now={now}
        />
        {view.streak && <StreakCard streak={view.streak} />}
      </div>

      <section aria-labelledby="modules-heading" className={`mt-6 ${card}`}>
        <h2 id="modules-heading" className="text-lg font-semibold">
          Modules
        </h2>
        <div className="mt-3">
          <ModuleProgressList modules={view.modules} />
        </div>
      </section>

      <section aria-labelledby="scores-heading" className={`mt-6 ${card}`}>
        <h2 id="scores-heading" className="text-lg font-semibold">
          Scores over time
        </h2>
        <div className="mt-3">
          <ScoreChart history={view.history} timeZone={view.timeZone} />
        </div>
      </section>

      <section aria-labelledby="recent-heading" className="mt-6">
        <h2 id="recent-heading" className="text-lg font-semibold">
          Recent quizzes
        </h2>
        <div className="mt-3">
          <RecentAttempts recent={view.recent} timeZone={view.timeZone} />
        </div>
      </section>

      <section aria-labelledby="mastery-heading" className="mt-8">
        <h2 id="mastery-heading" className="text-lg font-semibold">
          Lesson by lesson
        </h2>
        <div className="mt-3">
          <MasteryGrid modules={view.modules} />
        </div>
      </section>
    </main>
  );
}
