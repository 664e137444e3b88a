"use client";

import { useActionState, type ReactNode } from "react";

import type { ActionResult } from "@/app/lib/actions/safe-action";

type Result<T> = ActionResult<T>;

type Props<T> = {
  action: (state: Result<T> | null, form: FormData) => Promise<Result<T>>;
  children: ReactNode;
  /** Shown after a successful submit (forms that redirect never show it). */
  done?: string;
  className?: string;
  /** An accessible name for the form, when it has no visible heading of its own. */
  label?: string;
};

/**
 * A form posting to a server action: works before hydration (progressive enhancement), then
 * announces the outcome in a live region, with per-field messages listed under the form.
 */
export function ActionFormClient<T>({ action, children, done, className, label }: Props<T>) {
  const [state, formAction, pending] = useActionState<Result<T> | null, FormData>(action, null);
  const fieldErrors = state && !state.ok ? Object.entries(state.fieldErrors ?? {}) : [];
  return (
    <form action={formAction} className={className} aria-label={label} aria-busy={pending || undefined}>
      {children}
      <div role="status" aria-live="polite" className="text-sm empty:hidden">
        {state?.ok && done ? <p className="mt-2 text-green-800 dark:text-green-300">{done}</p> : null}
        {state && !state.ok ? (
          <div className="mt-2 text-red-700 dark:text-red-400">
            <p className="font-medium">{state.error}</p>
            {fieldErrors.length > 0 && (
              <ul className="list-disc pl-5">
                {fieldErrors.map(([field, messages]) => (
                  <li key={field}>{messages.join(" ")}</li>
                ))}
              </ul>
            )}
          </div>
        ) : null}
      </div>
    </form>
  );
}
