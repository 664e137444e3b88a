import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/app/lib/auth/actor";
import { getGradebook } from "@/app/lib/gradebook/service";
import { assignmentTitle } from "@/app/lib/assignments/service";
import { MODULE_TEST_LENGTH } from "@/app/lib/attempts/draw";
import { sortRows, type SortKey } from "@/app/lib/gradebook/grid";
import { formatAbsolute, formatRelative } from "@/app/lib/assignments/due";
import { statusLabel } from "@/app/lib/assignments/status";
import { closeAssignmentAction } from "@/app/lib/actions/teach-actions";
import { ActionFormClient } from "@/app/ui/teach/action-form-client";
import { Breadcrumb } from "@/app/ui/site/breadcrumb";
import { orNotFound } from "@/app/ui/teach/or-not-found";
import { button, card, link, muted, quietButton } from "@/app/ui/teach/styles";
import { StatusBadge } from "@/app/ui/teach/status-badge";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Gradebook", robots: { index: false } };

type Props = {
  params: Promise<{ classId: string; assignmentId: string }>;
  searchParams: Promise<{ sort?: string; dir?: string }>;
};

function parseSort(sort: string | undefined, lessonCount: number): SortKey {
  if (sort === "total") return { by: "total" };
  const m = /^lesson-(\d+)$/.exec(sort ?? "");
  if (m && Number(m[1]) < lessonCount) return { by: "lesson", index: Number(m[1]) };
  return { by: "name" };
}

const sortId = (key: SortKey) => (key.by === "lesson" ? `lesson-${key.index}` : key.by);

function SortHeader(props: {
  target: SortKey;
  current: SortKey;
  dir: "asc" | "desc";
  here: string;
  children: React.ReactNode;
}) {
  const active = sortId(props.target) === sortId(props.current);
  const nextDir = active && props.dir === "asc" ? "desc" : "asc";
  return (
    <th
      scope="col"
      aria-sort={active ? (props.dir === "asc" ? "ascending" : "descending") : undefined}
      className="min-w-24 px-2 py-2 text-left align-bottom font-medium"
    >
      <Link href={`${props.here}?sort=${sortId(props.target)}&dir=${nextDir}`} className="hover:underline">
        {props.children}
        <span aria-hidden>{active ? (props.dir === "asc" ? " ▲" : " ▼") : ""}</span>
      </Link>
    </th>
  );
}

/**
 * The gradebook of one assignment: learners × lessons with the counting score, status and late
 * marks, totals and class averages. Sorting is by links (works without JavaScript and from the
 * keyboard); the table scrolls sideways on a phone with the names kept in view.
 */
export default async function GradebookPage({ params, searchParams }: Props) {
  const { classId, assignmentId } = await params;
  const query = await searchParams;
  const here = `/teach/classes/${classId}/assignments/${assignmentId}`;
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(here)}`);
  const now = new Date();
  const { assignment, gradebook } = await orNotFound(getGradebook(user, classId, assignmentId, now));
  const key = parseSort(query.sort, gradebook.lessons.length);
  const dir = query.dir === "desc" ? "desc" : "asc";
  const rows = sortRows(gradebook.rows, key, dir);
  const title = assignmentTitle(assignment);

  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:py-10">
      <Breadcrumb
        trail={[
          { label: "Teach", href: "/teach" },
          { label: assignment.className, href: `/teach/classes/${classId}` },
          { label: title },
        ]}
      />
      <h1 className="mt-4 text-2xl font-bold tracking-tight">{title}</h1>
      <p className={`mt-1 ${muted}`}>
        Due {formatAbsolute(assignment.dueAt, user.timezone)} ({formatRelative(assignment.dueAt, now)}) · pass
        mark {assignment.passMark} % ·{" "}
        {assignment.kind === "test"
          ? `a test of up to ${MODULE_TEST_LENGTH} questions`
          : `${assignment.questionsPerQuiz} questions per quiz`}{" "}
        ·{" "}
        {assignment.attemptsAllowed === null
          ? "unlimited attempts"
          : `${assignment.attemptsAllowed} attempt(s)`}
        , the {assignment.counting} counts{assignment.reviewedOnly ? " · reviewed questions only" : ""}
        {assignment.closedAt ? " · closed" : ""}
      </p>
      <div className="mt-4 flex flex-wrap gap-2">
        <a href={`${here}/gradebook.csv`} className={button} download data-testid="csv-download">
          Download CSV
        </a>
        <ActionFormClient action={closeAssignmentAction}>
          <input type="hidden" name="classId" value={classId} />
          <input type="hidden" name="assignmentId" value={assignmentId} />
          <input type="hidden" name="closed" value={assignment.closedAt ? "false" : "true"} />
          <button type="submit" className={quietButton}>
            {assignment.closedAt ? "Reopen assignment" : "Close assignment"}
          </button>
        </ActionFormClient>
      </div>

      <section aria-labelledby="grid-heading" className={`mt-6 ${card}`}>
        <h2 id="grid-heading" className="text-lg font-semibold">
          Gradebook
        </h2>
        {rows.length === 0 ? (
          <p className={`mt-2 ${muted}`}>No learners in this class yet.</p>
        ) : (
          <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-labelledby="grid-heading">
            <table className="w-full border-collapse text-sm" data-testid="gradebook">
              <thead>
                <tr className="border-b border-stone-200 dark:border-stone-800">
                  <SortHeader target={{ by: "name" }} current={key} dir={dir} here={here}>
                    Learner
                  </SortHeader>
                  {gradebook.lessons.map((l, i) => (
                    <SortHeader
                      key={l.slug}
                      target={{ by: "lesson", index: i }}
                      current={key}
                      dir={dir}
                      here={here}
                    >
                      <span className="block max-w-40 truncate" title={l.title}>
                        {i + 1}. {l.title}
                      </span>
                    </SortHeader>
                  ))}
                  <SortHeader target={{ by: "total" }} current={key} dir={dir} here={here}>
                    Total
                  </SortHeader>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) =>
                  row.learner.exit === "deleted" ? (
                    <tr
                      key={row.learner.userId}
                      className="border-b border-stone-100 dark:border-stone-800"
                      data-testid="deleted-learner"
                    >
                      <th
                        scope="row"
                        className="sticky left-0 bg-white px-2 py-2 text-left font-normal italic text-stone-600 dark:bg-stone-900 dark:text-stone-400"
                      >
                        {row.learner.name}
                      </th>
                      <td
                        colSpan={gradebook.lessons.length + 1}
                        className="px-2 py-2 text-stone-600 dark:text-stone-400"
                      >
                        Account deleted; their work went with it.
                      </td>
                    </tr>
                  ) : (
                    <tr key={row.learner.userId} className="border-b border-stone-100 dark:border-stone-800">
                      <th
                        scope="row"
                        className="sticky left-0 bg-white px-2 py-2 text-left font-medium dark:bg-stone-900"
                      >
                        <Link href={`${here}/learners/${row.learner.userId}`} className="hover:underline">
                          {row.learner.name}
                        </Link>
                        {row.learner.exit && (
                          <span className="ml-1 text-xs font-normal text-stone-600 dark:text-stone-400">
                            ({row.learner.exit})
                          </span>
                        )}
                      </th>
                      {row.cells.map((cell, i) => (
                        <td key={gradebook.lessons[i]?.slug} className="px-2 py-2">
                          <Link
                            href={`${here}/learners/${row.learner.userId}#lesson-${gradebook.lessons[i]?.slug}`}
                            className="block hover:underline"
                            aria-label={`${row.learner.name}, ${gradebook.lessons[i]?.title}: ${cell.counted ? `${cell.counted.percent} %` : ""} ${statusLabel(cell)}`}
                          >
                            <span className="font-mono">
                              {cell.counted ? `${cell.counted.percent}%` : "—"}
                            </span>
                            <StatusBadge outcome={cell} />
                          </Link>
                        </td>
                      ))}
                      <td className="px-2 py-2 font-mono font-semibold">{row.totalPercent}%</td>
                    </tr>
                  ),
                )}
              </tbody>
              <tfoot>
                <tr className="border-t-2 border-stone-300 dark:border-stone-700">
                  <th scope="row" className="sticky left-0 bg-white px-2 py-2 text-left dark:bg-stone-900">
                    Class average
                  </th>
                  {gradebook.averages.map((a) => (
                    <td key={a.slug} className="px-2 py-2 font-mono">
                      {a.averagePercent === null ? "—" : `${a.averagePercent}%`}
                      <span className="block text-xs font-sans text-stone-600 dark:text-stone-400">
                        {a.passed} passed
                      </span>
                    </td>
                  ))}
                  <td className="px-2 py-2 font-mono font-semibold">
                    {gradebook.classAverage === null ? "—" : `${gradebook.classAverage}%`}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="items-heading" className={`mt-6 ${card}`}>
        <h2 id="items-heading" className="text-lg font-semibold">
          Questions and item analysis
        </h2>
        {assignment.kind === "test" && (
          <p className={`mt-1 text-sm ${muted}`}>
            The module test draws from every lesson of “{assignment.module.title}”; each lesson&apos;s
            questions are in its review queue under{" "}
            <Link href="/teach/review" className={link}>
              Review
            </Link>
            .
          </p>
        )}
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          {assignment.lessons.map((l) => (
            <li key={l.slug}>
              <Link href={`/teach/review/${l.slug}?class=${classId}`} className={link}>
                {l.title}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
