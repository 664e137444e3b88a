"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { signUpAction } from "@/app/lib/actions/auth-actions";
import { FormStatus, TextField, Field, fieldErrorsOf, formText, primaryButtonClass } from "./form-parts";
import { useAuthForm } from "./use-auth-form-client";
import { PasswordField } from "./password-field-client";
import { TimezoneSelect } from "./timezone-select-client";

type Props = {
  callbackUrl: string;
  /** From a join link: the account is created in that class. */
  joinCode?: string;
  zones: string[];
  passwordMin: number;
  passwordMax: number;
};

/**
 * Sign-up: the server action validates and creates the learner (and claims guest attempts);
 * then next-auth's credentials sign-in issues the session, so the new user is really signed in.
 */
export function SignUpForm({ callbackUrl, joinCode, zones, passwordMin, passwordMax }: Props) {
  const router = useRouter();

  const { state, pending, formProps } = useAuthForm(async (_previous, form) => {
    const created = await signUpAction(form).catch(() => null);
    if (!created)
      return { ok: false, error: "Could not reach the server. Check your connection and try again." };
    if (!created.ok) return created;
    try {
      const result = await signIn("credentials", {
        email: created.data.email,
        password: formText(form, "password"),
        redirect: false,
        callbackUrl,
      });
      if (!result?.ok || result.error) throw new Error(result?.error ?? "sign-in failed");
    } catch {
      router.replace(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}&created=1`);
      return { ok: false, error: "Your account was created, but signing in failed. Please sign in." };
    }
    router.replace(callbackUrl);
    router.refresh();
    return { ok: true };
  }, null);

  const timezoneErrors = fieldErrorsOf(state, "timezone");

  return (
    <form {...formProps} aria-label="Create an account" className="space-y-5">
      <FormStatus state={state} success="Account created. Redirecting…" />
      {joinCode ? <input type="hidden" name="joinCode" value={joinCode} /> : null}
      <TextField
        id="sign-up-name"
        name="name"
        label="Display name"
        autoComplete="name"
        required
        maxLength={80}
        hint="Shown in the header, and to the teacher of any class you join."
        errors={fieldErrorsOf(state, "name")}
      />
      <TextField
        id="sign-up-email"
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        required
        maxLength={254}
        errors={fieldErrorsOf(state, "email")}
      />
      <PasswordField
        id="sign-up-password"
        name="password"
        label="Password"
        autoComplete="new-password"
        minLength={passwordMin}
        maxLength={passwordMax}
        hint={`At least ${passwordMin} characters. A few unrelated words make a strong one.`}
        errors={fieldErrorsOf(state, "password")}
      />
      <Field
        id="sign-up-timezone"
        label="Timezone"
        errors={timezoneErrors}
        hint="Used for due dates and daily streaks."
      >
        {(describedBy, invalid) => (
          <TimezoneSelect
            id="sign-up-timezone"
            name="timezone"
            zones={zones}
            describedBy={describedBy}
            invalid={invalid}
          />
        )}
      </Field>
      <button type="submit" disabled={pending} aria-disabled={pending} className={primaryButtonClass}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
