import { statusLabel, type LessonOutcome } from "@/app/lib/assignments/status";

const TONE: Record<LessonOutcome["status"], string> = {
  not_started: "bg-stone-100 text-stone-800 dark:bg-stone-800 dark:text-stone-200",
  in_progress: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  passed: "bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200",
  below_pass_mark: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  overdue: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
};

/** A lesson's status as a small label (text, not colour alone, carries the meaning). */
export function StatusBadge({ outcome }: { outcome: Pick<LessonOutcome, "status" | "late"> }) {
  return (
    <span
      className={`mt-0.5 inline-block rounded px-1.5 py-0.5 text-xs whitespace-nowrap ${TONE[outcome.status]}`}
    >
      {statusLabel(outcome)}
    </span>
  );
}
