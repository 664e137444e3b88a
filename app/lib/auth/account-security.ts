import "server-only";
import { z } from "zod";
import {
  bumpSessionVersion,
  findPasswordHash,
  getUserProfile,
  setPasswordHash,
  setTemporaryPasswordWithin,
} from "@/app/lib/db/users";
import { AppError } from "@/app/lib/errors";
import { passwordResetScope } from "@/app/lib/classes/permissions";
import { toViewer } from "@/app/lib/classes/viewer";
import { idSchema } from "@/app/lib/classes/schemas";
import type { Actor } from "./actor";
import { generatePassword, hashPassword, verifyAgainstDummy, verifyPassword } from "./password";
import type { ChangePasswordInput } from "./schemas";
import { admitPasswordCheck, signInSucceeded } from "./throttle";
import { throttleMessage } from "./throttle-message";

/**
 * Checks the signed-in user's own password, counted like a sign-in attempt (and throttled the
 * same way). Throws a field error on `field` when it is wrong.
 */
export async function confirmOwnPassword(userId: string, password: string, field: string): Promise<void> {
  const profile = await getUserProfile(userId);
  if (!profile) throw new AppError("unauthorized", "Please sign in to continue.");
  const verdict = await admitPasswordCheck(profile.email);
  if (!verdict.ok) throw new AppError("too_many_requests", throttleMessage(verdict.retryAfterSeconds));
  const hash = await findPasswordHash(userId);
  const ok = hash ? await verifyPassword(hash, password) : await verifyAgainstDummy(password);
  if (!ok)
    throw new AppError("bad_request", "Please correct the highlighted fields.", {
      fieldErrors: {
        [field]: [field === "password" ? "That is not your password." : "That is not your current password."],
      },
    });
  await signInSucceeded(profile.email);
}

/**
 * Password changes and ending sessions. Both raise the user's session version, which every
 * authenticated request compares with its token (see the jwt callback in options.ts), so every
 * session issued before ends at once. Each returns the new version for the caller's own session.
 */

export async function changePassword(userId: string, input: ChangePasswordInput): Promise<number> {
  await confirmOwnPassword(userId, input.currentPassword, "currentPassword");
  if (input.newPassword === input.currentPassword) {
    throw new AppError("bad_request", "Please correct the highlighted fields.", {
      fieldErrors: { newPassword: ["Choose a password different from the current one."] },
    });
  }
  const version = await setPasswordHash({ id: userId }, await hashPassword(input.newPassword), false);
  if (version === null) throw new AppError("unauthorized", "Please sign in to continue.");
  return version;
}

export async function signOutEverywhere(userId: string): Promise<number> {
  return bumpSessionVersion(userId);
}

/**
 * An administrator's temporary password: every session of that user ends, and the next
 * sign-in must choose a new password before anything else. False when no user has the email.
 */
export async function setTemporaryPassword(email: string, password: string): Promise<boolean> {
  return (await setPasswordHash({ email }, await hashPassword(password), true)) !== null;
}

export const temporaryPasswordInput = z.strictObject({ userId: idSchema });

export const NO_SUCH_LEARNER = "There is no such learner in your classes.";

/**
 * An admin (for anyone but themselves) or a learner's teacher (for a learner account in a class
 * they manage) sets a generated temporary password, shown once to them: every session of that
 * user ends and their next sign-in must choose a new password. Anyone else gets 404.
 */
export async function giveTemporaryPassword(
  actor: Actor | null,
  input: z.output<typeof temporaryPasswordInput>,
): Promise<{ name: string; password: string }> {
  const scope = passwordResetScope(toViewer(actor));
  if (scope.kind === "nobody") throw new AppError("not_found", NO_SUCH_LEARNER);
  if (actor?.kind === "user" && actor.userId === input.userId)
    throw new AppError("conflict", "Change your own password on the account page.");
  const password = generatePassword();
  const name = await setTemporaryPasswordWithin(scope, input.userId, await hashPassword(password));
  if (name === null) throw new AppError("not_found", NO_SUCH_LEARNER);
  return { name, password };
}
