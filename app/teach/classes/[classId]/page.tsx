import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/app/lib/auth/actor";
import { orNotFound } from "@/app/ui/teach/or-not-found";
import { getClassOverview } from "@/app/lib/classes/service";
import { assignmentTitle } from "@/app/lib/assignments/service";
import { formatJoinCode } from "@/app/lib/classes/join-code";
import { formatAbsolute } from "@/app/lib/assignments/due";
import {
  addCoTeacherAction,
  archiveClassAction,
  regenerateJoinCodeAction,
  removeLearnerAction,
  giveTemporaryPasswordAction,
  renameClassAction,
  setJoinEnabledAction,
} from "@/app/lib/actions/teach-actions";
import { TemporaryPasswordClient } from "@/app/ui/teach/temporary-password-client";
import { ActionFormClient } from "@/app/ui/teach/action-form-client";
import { Breadcrumb } from "@/app/ui/site/breadcrumb";
import { button, card, input, link, muted, quietButton } from "@/app/ui/teach/styles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Class", robots: { index: false } };

type Props = { params: Promise<{ classId: string }> };

/** One class: name, join code and link, assignments, roster. 404 for anyone who does not teach it. */
export default async function ClassPage({ params }: Props) {
  const { classId } = await params;
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/teach/classes/${classId}`)}`);
  const view = await orNotFound(getClassOverview(user, classId));
  const { summary, roster, assignments } = view;
  const learners = roster.filter((m) => m.role === "learner");
  const coTeachers = roster.filter((m) => m.role === "teacher" && !m.exit);
  const joinPath = `/join/${summary.joinCode}`;

  return (
    <main className="mx-auto max-w-5xl px-4 py-8 sm:py-10">
      <Breadcrumb trail={[{ label: "Teach", href: "/teach" }, { label: summary.name }]} />
      <h1 className="mt-4 text-2xl font-bold tracking-tight sm:text-3xl">
        {summary.name}
        {summary.archivedAt && (
          <span className="ml-3 rounded bg-stone-200 px-2 py-0.5 align-middle text-sm font-medium dark:bg-stone-800">
            Archived
          </span>
        )}
      </h1>
      <p className={`mt-1 ${muted}`}>
        Taught by {summary.teacher.name}
        {coTeachers.length ? ` with ${coTeachers.map((t) => t.name).join(", ")}` : ""}.
      </p>

      <div className="mt-6 grid gap-4 md:grid-cols-2">
        <section aria-labelledby="join-heading" className={card}>
          <h2 id="join-heading" className="text-lg font-semibold">
            Join code
          </h2>
          {summary.joinEnabled ? (
            <>
              <p className="mt-2 font-mono text-3xl tracking-widest" data-testid="join-code">
                {formatJoinCode(summary.joinCode)}
              </p>
              <p className={`mt-1 text-sm ${muted}`}>
                Learners enter it on their dashboard, or open the join link:{" "}
                <Link href={joinPath} className={link} data-testid="join-link">
                  {joinPath}
                </Link>
              </p>
            </>
          ) : (
            <p className="mt-2">Joining is switched off: nobody can join with a code.</p>
          )}
          <div className="mt-3 flex flex-wrap gap-2">
            <ActionFormClient action={regenerateJoinCodeAction} done="A new code replaces the old one.">
              <input type="hidden" name="classId" value={summary.id} />
              <button type="submit" className={quietButton}>
                New code
              </button>
            </ActionFormClient>
            <ActionFormClient action={setJoinEnabledAction}>
              <input type="hidden" name="classId" value={summary.id} />
              <input type="hidden" name="enabled" value={summary.joinEnabled ? "false" : "true"} />
              <button type="submit" className={quietButton}>
                {summary.joinEnabled ? "Switch joining off" : "Switch joining on"}
              </button>
            </ActionFormClient>
          </div>
        </section>

        <section aria-labelledby="settings-heading" className={card}>
          <h2 id="settings-heading" className="text-lg font-semibold">
            Class settings
          </h2>
          <ActionFormClient action={renameClassAction} done="Saved." className="mt-3 flex items-end gap-2">
            <input type="hidden" name="classId" value={summary.id} />
            <div className="grow">
              <label htmlFor="rename" className="block text-sm font-medium">
                Name
              </label>
              <input
                id="rename"
                name="name"
                defaultValue={summary.name}
                required
                maxLength={120}
                className={`mt-1 ${input}`}
              />
            </div>
            <button type="submit" className={quietButton}>
              Rename
            </button>
          </ActionFormClient>
          <ActionFormClient action={archiveClassAction} className="mt-3">
            <input type="hidden" name="classId" value={summary.id} />
            <input type="hidden" name="archived" value={summary.archivedAt ? "false" : "true"} />
            <button type="submit" className={quietButton}>
              {summary.archivedAt ? "Restore class" : "Archive class"}
            </button>
          </ActionFormClient>
          <ActionFormClient
            action={addCoTeacherAction}
            done="Added as co-teacher."
            className="mt-3 flex items-end gap-2"
          >
            <input type="hidden" name="classId" value={summary.id} />
            <div className="grow">
              <label htmlFor="co-teacher" className="block text-sm font-medium">
                Add a co-teacher (their account email)
              </label>
              <input id="co-teacher" name="email" type="email" required className={`mt-1 ${input}`} />
            </div>
            <button type="submit" className={quietButton}>
              Add
            </button>
          </ActionFormClient>
        </section>
      </div>

      <section aria-labelledby="assignments-heading" className={`mt-6 ${card}`}>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="assignments-heading" className="text-lg font-semibold">
            Assignments
          </h2>
          {!summary.archivedAt && (
            <Link href={`/teach/classes/${summary.id}/assignments/new`} className={button}>
              Assign work
            </Link>
          )}
        </div>
        {assignments.length === 0 ? (
          <p className={`mt-2 ${muted}`}>Nothing assigned yet.</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200 dark:divide-stone-800">
            {assignments.map((a) => (
              <li key={a.id} className="py-2">
                <Link
                  href={`/teach/classes/${summary.id}/assignments/${a.id}`}
                  className="font-medium hover:underline"
                >
                  {assignmentTitle(a)}
                </Link>
                <p className={`text-sm ${muted}`}>
                  {a.kind === "test"
                    ? "module test"
                    : `${a.lessons.length} ${a.lessons.length === 1 ? "lesson" : "lessons"}`}{" "}
                  · due {formatAbsolute(a.dueAt, user.timezone)}
                  {a.closedAt ? " · closed" : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="roster-heading" className={`mt-6 ${card}`}>
        <h2 id="roster-heading" className="text-lg font-semibold">
          Learners ({learners.filter((l) => !l.exit).length})
        </h2>
        {learners.length === 0 ? (
          <p className={`mt-2 ${muted}`}>No learners yet. Share the join code or link.</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="roster">
              <thead>
                <tr className="border-b border-stone-200 dark:border-stone-800">
                  <th scope="col" className="py-2 pr-3">
                    Name
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Email
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Last activity
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Status
                  </th>
                  <th scope="col" className="py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {learners.map((m) => (
                  <tr key={m.userId} className="border-b border-stone-100 dark:border-stone-800">
                    <td className="py-2 pr-3">{m.name}</td>
                    <td className="py-2 pr-3 break-all">{m.email}</td>
                    <td className="py-2 pr-3">
                      {m.lastActivity ? formatAbsolute(m.lastActivity, user.timezone) : "—"}
                    </td>
                    <td className="py-2 pr-3">
                      {m.exit === "removed" ? "Removed" : m.exit === "left" ? "Left" : "Current"}
                    </td>
                    <td className="py-2">
                      {!m.exit && (
                        <div className="flex flex-wrap items-start gap-3">
                          <ActionFormClient action={removeLearnerAction} label={`Remove ${m.name}`}>
                            <input type="hidden" name="classId" value={summary.id} />
                            <input type="hidden" name="userId" value={m.userId} />
                            <button type="submit" className={quietButton}>
                              Remove<span className="sr-only"> {m.name}</span>
                            </button>
                          </ActionFormClient>
                          {m.accountRole === "learner" && m.userId !== user.userId && (
                            <TemporaryPasswordClient
                              action={giveTemporaryPasswordAction}
                              userId={m.userId}
                              name={m.name}
                            />
                          )}
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </main>
  );
}
