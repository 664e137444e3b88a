"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import {
  FormStatus,
  TextField,
  fieldErrorsOf,
  formText,
  primaryButtonClass,
  secondaryButtonClass,
} from "./form-parts";
import { useAuthForm } from "./use-auth-form-client";
import { PasswordField } from "./password-field-client";
import { retryAfterOf, throttleMessage } from "@/app/lib/auth/throttle-message";

type Props = {
  callbackUrl: string;
  /** From a join link: the server joins this class as part of the sign-in. */
  joinCode?: string;
  oauth: { github: boolean; google: boolean };
  /** A message from the server (e.g. `?error=` after an OAuth failure). */
  initialError?: string;
};

export const WRONG_CREDENTIALS = "The email or password is incorrect.";

/**
 * Email + password sign-in through next-auth's credentials provider (CSRF-protected POST to
 * /api/auth/callback/credentials); the server checks the password and sets the HttpOnly session
 * cookie. The browser never decides who is signed in.
 */
export function SignInForm({ callbackUrl, joinCode, oauth, initialError }: Props) {
  const router = useRouter();

  const { state, pending, formProps } = useAuthForm(
    async (_previous, form) => {
      const email = formText(form, "email").trim();
      const password = formText(form, "password");
      const fieldErrors: Record<string, string[]> = {};
      if (!email) fieldErrors.email = ["Enter your email address."];
      if (!password) fieldErrors.password = ["Enter your password."];
      if (Object.keys(fieldErrors).length) {
        return { ok: false, error: "Please fill in both fields.", fieldErrors };
      }
      try {
        const result = await signIn("credentials", {
          email,
          password,
          ...(joinCode ? { joinCode } : {}),
          redirect: false,
          callbackUrl,
        });
        if (!result?.ok || result.error) {
          const retryAfter = retryAfterOf(result?.error);
          if (retryAfter) return { ok: false, error: throttleMessage(retryAfter) };
          return {
            ok: false,
            error:
              result?.error === "CredentialsSignin" || result?.status === 401
                ? WRONG_CREDENTIALS
                : "Sign-in failed. Please try again.",
          };
        }
      } catch {
        return { ok: false, error: "Could not reach the server. Check your connection and try again." };
      }
      router.replace(callbackUrl);
      router.refresh();
      return { ok: true };
    },
    initialError ? { ok: false, error: initialError } : null,
  );

  return (
    <div className="space-y-6">
      <form {...formProps} aria-label="Sign in" className="space-y-5">
        <FormStatus state={state} success="Signed in. Redirecting…" />
        <TextField
          id="sign-in-email"
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
          id="sign-in-password"
          name="password"
          label="Password"
          autoComplete="current-password"
          maxLength={1024}
          errors={fieldErrorsOf(state, "password")}
        />
        <button type="submit" disabled={pending} aria-disabled={pending} className={primaryButtonClass}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>

      {oauth.github || oauth.google ? (
        <div className="space-y-3 border-t border-stone-200 pt-5 dark:border-stone-800">
          <p className="text-center text-sm text-stone-600 dark:text-stone-400">Or continue with</p>
          <div className="flex flex-col gap-2 sm:flex-row">
            {oauth.github ? (
              <button
                type="button"
                className={`${secondaryButtonClass} flex-1`}
                onClick={() => void signIn("github", { callbackUrl })}
              >
                GitHub
              </button>
            ) : null}
            {oauth.google ? (
              <button
                type="button"
                className={`${secondaryButtonClass} flex-1`}
                onClick={() => void signIn("google", { callbackUrl })}
              >
                Google
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
