"use client";

import { useState, useTransition } from "react";
import { shareResultAction, stopSharingAction } from "@/app/lib/actions/quiz-actions";
import { ErrorNote } from "./error-note";

type Shared = { kind: "private" } | { kind: "shared"; since: string } | { kind: "new_link"; url: string };

const button =
  "rounded-md border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100 disabled:opacity-60 dark:border-stone-700 dark:hover:bg-stone-800";

/**
 * Who can see this result, and the owner's controls: make a link (shown once, since only its
 * hash is kept), make a new one (the old one stops working) or stop sharing.
 */
export function ShareResultClient({
  attemptId,
  shownAs,
  sharedSince,
}: {
  attemptId: string;
  /** The name a shared page shows: the learner's display name, or "a guest". */
  shownAs: string;
  /** When the current link was made, formatted by the page; null when the result is not shared. */
  sharedSince: string | null;
}) {
  const [state, setState] = useState<Shared>(
    sharedSince === null ? { kind: "private" } : { kind: "shared", since: sharedSince },
  );
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, startTransition] = useTransition();

  const share = () =>
    startTransition(async () => {
      setError(null);
      setCopied(false);
      const res = await shareResultAction({ attemptId });
      if (!res.ok) return setError(res.error);
      setState({ kind: "new_link", url: new URL(res.data.path, window.location.origin).href });
    });
  const stop = () =>
    startTransition(async () => {
      setError(null);
      const res = await stopSharingAction({ attemptId });
      if (!res.ok) return setError(res.error);
      setState({ kind: "private" });
    });
  const name = `“${shownAs}”`;
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setError("Copying was refused by the browser: select the link and copy it by hand.");
    }
  };

  return (
    <section
      aria-labelledby="share-heading"
      className="mt-6 rounded-lg border border-stone-200 bg-white p-5 text-sm dark:border-stone-800 dark:bg-stone-900"
      data-testid="share-result"
      data-shared={state.kind === "private" ? "false" : "true"}
    >
      <h2 id="share-heading" className="text-lg font-semibold">
        Who can see this result
      </h2>
      <div aria-live="polite">
        {state.kind === "private" ? (
          <p className="mt-1" data-testid="share-status">
            Only you. Make a link to show it to a teacher or a friend: anyone with the link will see your
            answers and score under the name {name}, and nothing else of your account.
          </p>
        ) : state.kind === "shared" ? (
          <p className="mt-1" data-testid="share-status">
            You and anyone with the link you made {state.since}; they see it under the name {name}. The link
            is shown only when it is made: make a new one if you need it again (the old one then stops
            working).
          </p>
        ) : (
          <>
            <p className="mt-1" data-testid="share-status">
              You and anyone with this link; they see it under the name {name}. Copy it now: it is shown only
              once.
            </p>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <label htmlFor="share-link" className="sr-only">
                Link to this result
              </label>
              <input
                id="share-link"
                readOnly
                value={state.url}
                onFocus={(e) => e.currentTarget.select()}
                className="min-w-0 flex-1 rounded-md border border-stone-300 bg-stone-50 px-2 py-1.5 font-mono text-xs dark:border-stone-700 dark:bg-stone-950"
                data-testid="share-link"
              />
              <button type="button" className={button} onClick={() => void copy(state.url)}>
                {copied ? "Copied" : "Copy link"}
              </button>
            </div>
          </>
        )}
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className={button} onClick={share} disabled={pending}>
          {state.kind === "private" ? "Make a link" : "Make a new link"}
        </button>
        {state.kind !== "private" && (
          <button type="button" className={button} onClick={stop} disabled={pending}>
            Stop sharing
          </button>
        )}
      </div>
      {error && <ErrorNote message={error} />}
    </section>
  );
}
