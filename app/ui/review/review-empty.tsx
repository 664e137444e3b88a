import Link from "next/link";
import type { ReviewQueueView } from "@/app/lib/progress/review-views";
import { formatDue } from "./format-time";

/** Nothing due: when the next card falls due, and where to go meanwhile. */
export function EmptyState({
  queue,
  timeZone,
  reviewed,
  headingRef,
}: {
  queue: Pick<ReviewQueueView, "nextDueAt">;
  timeZone: string;
  reviewed: number;
  headingRef?: React.Ref<HTMLHeadingElement>;
}) {
  return (
    <div
      className="mt-4 rounded-lg border border-dashed border-stone-300 p-6 text-center dark:border-stone-700"
      data-testid="review-empty"
    >
      <h2 ref={headingRef} tabIndex={-1} className="text-lg font-semibold outline-none">
        {reviewed > 0 ? "All caught up." : "Nothing due."}
      </h2>
      <p className="mt-2 text-stone-700 dark:text-stone-300">
        {queue.nextDueAt ? (
          <>
            Your next review is due{" "}
            <time
              dateTime={queue.nextDueAt}
              suppressHydrationWarning
              className="font-semibold"
              data-testid="review-next-due"
            >
              {formatDue(queue.nextDueAt, new Date(), timeZone)}
            </time>
            .{" "}
          </>
        ) : null}
        Take a quiz: every question you answer joins your review schedule, and the ones you miss come back
        first.
      </p>
      <p className="mt-4 flex flex-wrap justify-center gap-3">
        <Link
          href="/#modules"
          className="rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700"
        >
          Choose a lesson
        </Link>
        <Link
          href="/dashboard"
          className="rounded-md border border-stone-300 px-4 py-2 font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
        >
          Your dashboard
        </Link>
      </p>
    </div>
  );
}
