"use client";

import { useEffect, useRef } from "react";

/**
 * Asks before submitting a quiz with unanswered questions: says how many and which, and offers
 * to go to the first one. A native modal dialog (focus kept inside, Escape closes it).
 */
export function ConfirmSubmitDialog({
  unanswered,
  onConfirm,
  onGoTo,
  onClose,
}: {
  /** 0-based indexes of the unanswered questions; the dialog is open while this is not null. */
  unanswered: number[] | null;
  onConfirm: () => void;
  onGoTo: (index: number) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const open = unanswered !== null;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const count = unanswered?.length ?? 0;
  const first = unanswered?.[0];
  const numbers = (unanswered ?? []).map((i) => i + 1);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="confirm-submit-title"
      aria-describedby="confirm-submit-text"
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-stone-300 bg-white p-5 text-stone-900 shadow-xl backdrop:bg-stone-950/50 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
      data-testid="confirm-submit"
    >
      <h2 id="confirm-submit-title" className="text-lg font-semibold">
        {count === 1 ? "1 question has no answer" : `${count} questions have no answer`}
      </h2>
      <p id="confirm-submit-text" className="mt-2 text-stone-700 dark:text-stone-300">
        {count === 1 ? "Question" : "Questions"} {formatList(numbers)} {count === 1 ? "is" : "are"} unanswered
        and will be marked wrong if you submit now.
      </p>
      <div className="mt-5 flex flex-wrap gap-3">
        {first !== undefined && (
          <button
            type="button"
            autoFocus
            onClick={() => onGoTo(first)}
            className="rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700"
          >
            Go to question {first + 1}
          </button>
        )}
        <button
          type="button"
          onClick={onConfirm}
          className="rounded-md border border-stone-300 px-4 py-2 hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800"
          data-testid="confirm-submit-anyway"
        >
          Submit anyway
        </button>
      </div>
    </dialog>
  );
}

function formatList(numbers: number[]): string {
  if (numbers.length <= 1) return numbers.join("");
  return `${numbers.slice(0, -1).join(", ")} and ${numbers[numbers.length - 1]}`;
}
