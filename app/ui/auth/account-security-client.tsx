"use client";

import { useRouter } from "next/navigation";
import { signOut, useSession } from "next-auth/react";
import {
  changePasswordAction,
  deleteAccountAction,
  signOutEverywhereAction,
} from "@/app/lib/actions/auth-actions";
import { FormStatus, fieldErrorsOf, primaryButtonClass, secondaryButtonClass } from "./form-parts";
import { useAuthForm } from "./use-auth-form-client";
import { PasswordField } from "./password-field-client";

const OFFLINE = "Could not reach the server. Check your connection and try again.";

/** Change password: the current one is required; every other session ends. */
export function ChangePasswordForm({
  passwordMin,
  passwordMax,
}: {
  passwordMin: number;
  passwordMax: number;
}) {
  const router = useRouter();
  const { update } = useSession();
  const { state, pending, formProps } = useAuthForm(async (_previous, form) => {
    const result = await changePasswordAction(form).catch(() => null);
    if (!result) return { ok: false, error: OFFLINE };
    if (!result.ok) return result;
    await update().catch(() => undefined);
    router.refresh();
    return { ok: true };
  }, null);

  return (
    <form {...formProps} aria-label="Change password" className="space-y-5">
      <FormStatus
        state={state}
        success="Your password has been changed. Every other session has been signed out."
      />
      <PasswordField
        id="account-current-password"
        name="currentPassword"
        label="Current password"
        autoComplete="current-password"
        maxLength={1024}
        errors={fieldErrorsOf(state, "currentPassword")}
      />
      <PasswordField
        id="account-new-password"
        name="newPassword"
        label="New password"
        autoComplete="new-password"
        minLength={passwordMin}
        maxLength={passwordMax}
        hint={`At least ${passwordMin} characters, not one of the most common passwords.`}
        errors={fieldErrorsOf(state, "newPassword")}
      />
      <button
        type="submit"
        disabled={pending}
        aria-disabled={pending}
        className={`${primaryButtonClass} sm:w-auto`}
      >
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}

/** Ends every session of this account except the one in this browser. */
export function SignOutEverywhereForm() {
  const { state, pending, formProps } = useAuthForm(async () => {
    const result = await signOutEverywhereAction({}).catch(() => null);
    if (!result) return { ok: false, error: OFFLINE };
    return result.ok ? { ok: true } : result;
  }, null);
  return (
    <form {...formProps} aria-label="Sign out everywhere else" className="space-y-3">
      <FormStatus state={state} success="Every other session has been signed out." />
      <button type="submit" disabled={pending} aria-disabled={pending} className={secondaryButtonClass}>
        {pending ? "Signing out other sessions…" : "Sign out everywhere else"}
      </button>
    </form>
  );
}

/** Deletes the account after the password is confirmed, then signs this browser out. */
export function DeleteAccountForm() {
  const { state, pending, formProps } = useAuthForm(async (_previous, form) => {
    const result = await deleteAccountAction(form).catch(() => null);
    if (!result) return { ok: false, error: OFFLINE };
    if (!result.ok) return result;
    await signOut({ callbackUrl: "/" });
    return { ok: true };
  }, null);
  return (
    <form {...formProps} aria-label="Delete my account" className="space-y-4">
      <FormStatus state={state} success="Your account has been deleted. Signing out…" />
      <PasswordField
        id="account-delete-password"
        name="password"
        label="Your password, to confirm"
        autoComplete="current-password"
        maxLength={1024}
        errors={fieldErrorsOf(state, "password")}
      />
      <button
        type="submit"
        disabled={pending}
        aria-disabled={pending}
        className="inline-flex items-center justify-center rounded-md bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800 disabled:opacity-60"
      >
        {pending ? "Deleting…" : "Delete my account"}
      </button>
    </form>
  );
}
