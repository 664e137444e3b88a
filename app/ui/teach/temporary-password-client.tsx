"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/app/lib/actions/safe-action";
import { quietButton } from "./styles";

type Result = ActionResult<{ name: string; password: string }>;

type Props = {
  action: (state: Result | null, form: FormData) => Promise<Result>;
  userId: string;
  name: string;
};

/**
 * Sets a temporary password for one learner, behind a disclosure so a stray click cannot lock
 * anyone out, and shows the generated password once.
 */
export function TemporaryPasswordClient({ action, userId, name }: Props) {
  const [state, formAction, pending] = useActionState<Result | null, FormData>(action, null);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer underline underline-offset-2">
        Password<span className="sr-only"> of {name}</span>
      </summary>
      <form action={formAction} className="mt-2 max-w-xs space-y-2" aria-busy={pending || undefined}>
        <p>
          Forgotten password? Set a temporary one for {name}: they sign in with it and must choose their own
          straight away. Their other sessions end.
        </p>
        <input type="hidden" name="userId" value={userId} />
        <button type="submit" className={quietButton} disabled={pending}>
          Set a temporary password<span className="sr-only"> for {name}</span>
        </button>
        <div role="status" aria-live="polite" className="empty:hidden">
          {state?.ok ? (
            <p>
              Temporary password for {state.data.name}:{" "}
              <code className="font-mono font-semibold break-all select-all" data-testid="temporary-password">
                {state.data.password}
              </code>{" "}
              (shown once; give it to them).
            </p>
          ) : state ? (
            <p className="text-red-700 dark:text-red-400">{state.error}</p>
          ) : null}
        </div>
      </form>
    </details>
  );
}
