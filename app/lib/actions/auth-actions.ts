"use server";

import { headers } from "next/headers";
import { createUser, updateProfile } from "@/app/lib/db/users";
import { hashPassword } from "@/app/lib/auth/password";
import { changePasswordSchema, profileSchema, signInSchema, signUpSchema } from "@/app/lib/auth/schemas";
import { getSessionUserAllowingTemporaryPassword } from "@/app/lib/auth/actor";
import { changePassword, signOutEverywhere } from "@/app/lib/auth/account-security";
import { keepThisSession } from "@/app/lib/auth/session-cookie";
import { deleteMyAccount } from "@/app/lib/account/data";
import { z } from "zod";
import { claimGuestFromCookie } from "@/app/lib/auth/claim";
import { clientAddress } from "@/app/lib/auth/client-address";
import { admitSignUp } from "@/app/lib/auth/throttle";
import { joinOnArrival } from "@/app/lib/classes/service";
import { throttleMessage } from "@/app/lib/auth/throttle-message";
import { env } from "@/app/lib/env";
import { AppError, MESSAGES } from "@/app/lib/errors";
import { publicAction, requireUser } from "./safe-action";

/**
 * Creates a learner account and moves the visitor's guest attempts to it; with a join code (from
 * a join link) it also joins that class, with the usual checks and throttling. It does not sign in:
 * the sign-up island then calls next-auth's `signIn("credentials")`, so there is exactly one
 * place (the credentials provider) that issues sessions.
 */
export const signUpAction = publicAction(signUpSchema, async (input) => {
  const address = clientAddress(await headers(), env.TRUST_PROXY);
  const verdict = await admitSignUp(input.email, address);
  if (!verdict.ok) throw new AppError("too_many_requests", throttleMessage(verdict.retryAfterSeconds));
  const passwordHash = await hashPassword(input.password);
  const created = await createUser({
    email: input.email,
    name: input.name,
    passwordHash,
    role: "learner",
    timezone: input.timezone,
  });
  if (!created.ok) {
    throw new AppError("conflict", MESSAGES.invalid, {
      fieldErrors: { email: ["An account with this email already exists. Sign in instead?"] },
    });
  }
  const claimedAttempts = await claimGuestFromCookie(created.user.id);
  const { id, role, timezone, name } = created.user;
  const joined = input.joinCode
    ? await joinOnArrival({ kind: "user", userId: id, role, timezone, name }, input.joinCode, address)
    : false;
  return { email: created.user.email, claimedAttempts, joined };
});

/** The signed-in user's own name, timezone and streak preference. */
export const updateProfileAction = requireUser(profileSchema, async (input, { actor }) => {
  const profile = await updateProfile(actor.userId, input);
  return { name: profile.name, timezone: profile.timezone, streakOptIn: profile.streakOptIn };
});

/**
 * Changes the signed-in user's password (the current one is required) and ends every other
 * session. Also the way out of a temporary password, so it accepts a user who holds one.
 */
export const changePasswordAction = publicAction(changePasswordSchema, async (input) => {
  const user = await getSessionUserAllowingTemporaryPassword();
  if (!user) throw new AppError("unauthorized", MESSAGES.signIn);
  await keepThisSession(await changePassword(user.userId, input));
  return { changed: true };
});

/** Ends every session of the signed-in user except this one. */
export const signOutEverywhereAction = requireUser(z.object({}), async (_input, { actor }) => {
  await keepThisSession(await signOutEverywhere(actor.userId));
  return { signedOutOthers: true };
});

/** Deletes the signed-in learner's account and all its data, confirmed with the password. */
export const deleteAccountAction = requireUser(
  z.object({ password: signInSchema.shape.password }),
  async (input, { actor }) => {
    await deleteMyAccount(actor, input.password);
    return { deleted: true };
  },
);
