import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/app/lib/auth/actor";
import { getClassOverview } from "@/app/lib/classes/service";
import { listAssignableModules } from "@/app/lib/assignments/service";
import { listTimeZones } from "@/app/lib/auth/timezones";
import { createAssignmentAction } from "@/app/lib/actions/teach-actions";
import { ActionFormClient } from "@/app/ui/teach/action-form-client";
import { Breadcrumb } from "@/app/ui/site/breadcrumb";
import { orNotFound } from "@/app/ui/teach/or-not-found";
import { button, card, input, muted } from "@/app/ui/teach/styles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Assign work", robots: { index: false } };

type Props = { params: Promise<{ classId: string }> };

const label = "block text-sm font-medium";

/** Assign a module, some of its lessons or its module test to a class, with dates and quiz settings. */
export default async function NewAssignmentPage({ params }: Props) {
  const { classId } = await params;
  const user = await getSessionUser();
  if (!user)
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/teach/classes/${classId}/assignments/new`)}`);
  const { summary } = await orNotFound(getClassOverview(user, classId));
  const modules = await listAssignableModules();
  const zones = listTimeZones();

  return (
    <main className="mx-auto max-w-3xl px-4 py-8 sm:py-10">
      <Breadcrumb
        trail={[
          { label: "Teach", href: "/teach" },
          { label: summary.name, href: `/teach/classes/${summary.id}` },
          { label: "Assign work" },
        ]}
      />
      <h1 className="mt-4 text-2xl font-bold tracking-tight">Assign work to {summary.name}</h1>
      <ActionFormClient action={createAssignmentAction} className={`mt-6 space-y-5 ${card}`}>
        <input type="hidden" name="classId" value={summary.id} />
        <div>
          <label htmlFor="title" className={label}>
            Title <span className={muted}>(optional)</span>
          </label>
          <input id="title" name="title" maxLength={120} className={`mt-1 ${input}`} />
        </div>

        <div>
          <label htmlFor="moduleSlug" className={label}>
            Module
          </label>
          <select id="moduleSlug" name="moduleSlug" className={`mt-1 ${input}`}>
            {modules.map((m) => (
              <option key={m.slug} value={m.slug}>
                {m.title}
              </option>
            ))}
          </select>
        </div>

        <fieldset>
          <legend className={label}>What to assign</legend>
          <div className="mt-1 space-y-1">
            <label className="flex items-center gap-2">
              <input type="radio" name="kind" value="module" defaultChecked /> The whole module
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="kind" value="lessons" /> Only the lessons ticked below
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="kind" value="test" /> The module test (20 questions across the
              module&apos;s lessons)
            </label>
          </div>
        </fieldset>

        {modules.map((m) => (
          <fieldset
            key={m.slug}
            className="max-h-64 overflow-y-auto rounded border border-stone-200 p-3 dark:border-stone-800"
          >
            <legend className="px-1 text-sm font-medium">Lessons of “{m.title}”</legend>
            {m.lessons.map((l) => (
              <label key={l.slug} className="flex items-start gap-2 py-0.5 text-sm">
                <input type="checkbox" name="lessonSlugs" value={l.slug} className="mt-1" /> {l.title}
              </label>
            ))}
          </fieldset>
        ))}

        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="opensAt" className={label}>
              Opens <span className={muted}>(optional)</span>
            </label>
            <input id="opensAt" name="opensAt" type="datetime-local" className={`mt-1 ${input}`} />
          </div>
          <div>
            <label htmlFor="dueAt" className={label}>
              Due
            </label>
            <input id="dueAt" name="dueAt" type="datetime-local" required className={`mt-1 ${input}`} />
          </div>
        </div>
        <div>
          <label htmlFor="timezone" className={label}>
            In the timezone
          </label>
          <select
            id="timezone"
            name="timezone"
            defaultValue={user.timezone}
            className={`mt-1 ${input}`}
            aria-describedby="timezone-hint"
          >
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
          <p id="timezone-hint" className={`mt-1 text-sm ${muted}`}>
            “Friday 23:59” means Friday 23:59 here; each learner sees the same moment in their own timezone.
          </p>
        </div>

        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="passMark" className={label}>
              Pass mark (%)
            </label>
            <input
              id="passMark"
              name="passMark"
              type="number"
              min={0}
              max={100}
              defaultValue={70}
              required
              className={`mt-1 ${input}`}
            />
          </div>
          <div>
            <label htmlFor="questionsPerQuiz" className={label}>
              Questions per quiz <span className={muted}>(lesson quizzes; a module test has 20)</span>
            </label>
            <input
              id="questionsPerQuiz"
              name="questionsPerQuiz"
              type="number"
              min={1}
              max={30}
              defaultValue={10}
              required
              className={`mt-1 ${input}`}
            />
          </div>
          <div>
            <label htmlFor="attemptsAllowed" className={label}>
              Attempts allowed
            </label>
            <select
              id="attemptsAllowed"
              name="attemptsAllowed"
              defaultValue="unlimited"
              className={`mt-1 ${input}`}
            >
              <option value="1">1</option>
              <option value="3">3</option>
              <option value="unlimited">Unlimited</option>
            </select>
          </div>
          <div>
            <label htmlFor="counting" className={label}>
              Which attempt counts
            </label>
            <select id="counting" name="counting" defaultValue="best" className={`mt-1 ${input}`}>
              <option value="best">The best</option>
              <option value="latest">The latest</option>
            </select>
          </div>
        </div>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="reviewedOnly" /> Draw only questions a teacher has approved
        </label>
        <p className={`text-sm ${muted}`}>
          Late work is accepted and marked late until you close the assignment.
        </p>
        <button type="submit" className={button}>
          Assign
        </button>
      </ActionFormClient>
    </main>
  );
}
