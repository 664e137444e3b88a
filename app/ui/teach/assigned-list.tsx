import Link from "next/link";
import type { AssignedView } from "@/app/lib/assignments/service";
import { startAssignedLessonAction } from "@/app/lib/actions/teach-actions";
import { ActionFormClient } from "./action-form-client";
import { StatusBadge } from "./status-badge";
import { muted, quietButton } from "./styles";

/**
 * "Assigned to you": each assignment with its due date (relative and absolute, in the learner's
 * timezone) and a status per lesson, with a button that starts the quiz linked to it.
 */
export function AssignedList({ assigned }: { assigned: AssignedView[] }) {
  return (
    <ul className="mt-3 space-y-4" data-testid="assigned-list">
      {assigned.map((a) => (
        <li key={a.id} className="rounded-md border border-stone-200 p-3 dark:border-stone-800">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="font-semibold">{a.title}</h3>
            <p className="text-sm">
              <span className="font-medium">Due {a.dueRelative}</span>{" "}
              <span className={muted}>
                (<time dateTime={a.dueAt}>{a.dueAbsolute}</time>)
              </span>
            </p>
          </div>
          <p className={`text-sm ${muted}`}>
            {a.className} · pass mark {a.passMark} % · {a.done} of {a.lessons.length} done
            {a.closed ? " · closed by the teacher" : ""}
          </p>
          <ul className="mt-2 divide-y divide-stone-100 dark:divide-stone-800">
            {a.lessons.map((l) => (
              <li key={l.slug} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                <span className="min-w-0">
                  <Link href={l.href} className="hover:underline">
                    {l.title}
                  </Link>{" "}
                  <StatusBadge outcome={l.outcome} />
                  {l.outcome.counted && (
                    <span className={`ml-1 text-sm ${muted}`}>{l.outcome.counted.percent} %</span>
                  )}
                </span>
                {l.canStart ? (
                  <ActionFormClient
                    action={startAssignedLessonAction}
                    label={`Start the ${l.kind === "test" ? "test" : "quiz"}: ${l.title}`}
                  >
                    <input type="hidden" name="assignmentId" value={a.id} />
                    <input
                      type="hidden"
                      name={l.kind === "test" ? "moduleSlug" : "lessonSlug"}
                      value={l.slug}
                    />
                    <button type="submit" className={quietButton}>
                      {l.outcome.status === "in_progress"
                        ? "Continue"
                        : l.outcome.counted
                          ? "Try again"
                          : l.kind === "test"
                            ? "Start test"
                            : "Start quiz"}
                      <span className="sr-only">: {l.title}</span>
                    </button>
                  </ActionFormClient>
                ) : (
                  <span className={`text-sm ${muted}`}>{l.refusal}</span>
                )}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
