import "server-only";
import { bumpSessionVersion, findPasswordHash, setPasswordHash } from "@/app/lib/db/users";
import { AppError } from "@/app/lib/errors";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password";
import type { ChangePasswordInput } from "./schemas";

/**
 * Password changes and ending sessions. Both raise the user's session version, which every
 * authenticated request compares with its token (see the jwt callback in options.ts), so every
 * session issued before ends at once. Each returns the new version for the caller's own session.
 */

export async function changePassword(userId: string, input: ChangePasswordInput): Promise<number> {
  const current = await findPasswordHash(userId);
  const ok = current
    ? await verifyPassword(current, input.currentPassword)
    : await verifyAgainstDummy(input.currentPassword);
  if (!ok) {
    throw new AppError("bad_request", "Please correct the highlighted fields.", {
      fieldErrors: { currentPassword: ["That is not your current password."] },
    });
  }
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
