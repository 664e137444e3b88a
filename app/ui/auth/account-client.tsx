"use client";

import { useRouter } from "next/navigation";
import { useSession } from "next-auth/react";
import { updateProfileAction } from "@/app/lib/actions/auth-actions";
import { Field, FormStatus, TextField, fieldErrorsOf, primaryButtonClass } from "./form-parts";
import { useAuthForm } from "./use-auth-form-client";
import { TimezoneSelect } from "./timezone-select-client";

type Props = {
  profile: { name: string; email: string; timezone: string; streakOptIn: boolean };
  zones: string[];
};

/** Name, timezone and streak opt-in. Email and role are not editable here. */
export function ProfileForm({ profile, zones }: Props) {
  const router = useRouter();
  const { update } = useSession();

  const { state, pending, formProps } = useAuthForm(async (_previous, form) => {
    const result = await updateProfileAction(form).catch(() => null);
    if (!result)
      return { ok: false, error: "Could not reach the server. Check your connection and try again." };
    if (!result.ok) return result;
    // Ask next-auth to reload the session claims (name, timezone) from the database.
    await update().catch(() => undefined);
    router.refresh();
    return { ok: true };
  }, null);

  return (
    <form {...formProps} aria-label="Profile" className="space-y-5">
      <FormStatus state={state} success="Your profile has been saved." />
      <TextField
        id="account-name"
        name="name"
        label="Display name"
        autoComplete="name"
        required
        maxLength={80}
        defaultValue={profile.name}
        errors={fieldErrorsOf(state, "name")}
      />
      <Field
        id="account-timezone"
        label="Timezone"
        errors={fieldErrorsOf(state, "timezone")}
        hint="Due dates and streak days follow this timezone."
      >
        {(describedBy, invalid) => (
          <TimezoneSelect
            id="account-timezone"
            name="timezone"
            zones={zones}
            initial={profile.timezone}
            describedBy={describedBy}
            invalid={invalid}
          />
        )}
      </Field>
      <div className="flex items-start gap-3">
        <input
          id="account-streak"
          name="streakOptIn"
          type="checkbox"
          defaultChecked={profile.streakOptIn}
          aria-describedby="account-streak-hint"
          className="mt-1 h-4 w-4 accent-accent-600"
        />
        <div>
          <label htmlFor="account-streak" className="text-sm font-medium">
            Track my daily study streak
          </label>
          <p id="account-streak-hint" className="text-sm text-stone-600 dark:text-stone-400">
            Counts the days in a row on which you finish a quiz or a review. Off by default.
          </p>
        </div>
      </div>
      <button
        type="submit"
        disabled={pending}
        aria-disabled={pending}
        className={`${primaryButtonClass} sm:w-auto`}
      >
        {pending ? "Saving…" : "Save changes"}
      </button>
    </form>
  );
}
