import type { SaveState } from "./use-autosave";

const TEXT: Record<SaveState, string> = {
  pending: "Saving…",
  saving: "Saving…",
  saved: "Saved",
  offline: "Offline: your answer is kept in this browser and will be sent when you reconnect.",
  error: "Not saved",
};

/** The save state of the question on screen, with a way to try again when it failed. */
export function SaveStatus({
  state,
  error,
  onRetry,
}: {
  state: SaveState | undefined;
  error: string | null;
  onRetry: () => void;
}) {
  const failed = state === "offline" || state === "error";
  return (
    <div className="mt-3 flex min-h-5 flex-wrap items-center gap-x-3 gap-y-1 text-xs">
      <p
        className={failed ? "text-amber-800 dark:text-amber-200" : "text-stone-600 dark:text-stone-400"}
        data-testid="save-status"
        data-state={state ?? "none"}
      >
        {state ? TEXT[state] : ""}
        {state === "error" && error ? `: ${error}` : ""}
      </p>
      {failed && (
        <button
          type="button"
          onClick={onRetry}
          className="rounded border border-stone-300 px-2 py-0.5 font-medium hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800"
          data-testid="save-retry"
        >
          Try again
        </button>
      )}
    </div>
  );
}
