import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth/next";
import { authOptions } from "./options";
import type { Role } from "./roles";
import { AppError, MESSAGES } from "@/app/lib/errors";
import { GUEST_COOKIE, guestCookieOptions, isGuestToken, newGuestToken } from "./guest";

/**
 * Who is acting in this request. Identity comes only from the signed session cookie
 * (getServerSession) or the HttpOnly guest cookie; nothing the browser sends in a body counts.
 */
export type UserActor = { kind: "user"; userId: string; role: Role; timezone: string; name: string };
export type GuestActor = { kind: "guest"; guestToken: string };
export type Actor = UserActor | GuestActor;

/** Where a user holding a temporary password is sent until they have chosen their own. */
export const CHANGE_PASSWORD_PATH = "/account?change-password=1";

/**
 * The signed-in user as the session says, including one who must still replace a temporary
 * password: only for the account page and the change-password action. Cached per request.
 */
export const getSessionUserAllowingTemporaryPassword = cache(
  async (): Promise<(UserActor & { mustChangePassword: boolean }) | null> => {
    const session = await getServerSession(authOptions);
    const user = session?.user;
    if (!user?.id) return null;
    return {
      kind: "user",
      userId: user.id,
      role: user.role,
      timezone: user.timezone,
      name: user.name,
      mustChangePassword: user.mustChangePassword,
    };
  },
);

/**
 * The signed-in user, or null. A user holding a temporary password is redirected to the account
 * page to choose a new one, from every page, action and route that asks who is signed in.
 */
export const getSessionUser = cache(async (): Promise<UserActor | null> => {
  const user = await getSessionUserAllowingTemporaryPassword();
  if (!user) return null;
  if (user.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  return { kind: "user", userId: user.userId, role: user.role, timezone: user.timezone, name: user.name };
});

/**
 * The signed-in user, else the guest (if they have a guest cookie), else null.
 * Safe in server components, server actions and route handlers; never sets a cookie.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const user = await getSessionUser();
  if (user) return user;
  return guestFromCookie();
});

async function guestFromCookie(): Promise<GuestActor | null> {
  const token = (await cookies()).get(GUEST_COOKIE)?.value;
  return isGuestToken(token) ? { kind: "guest", guestToken: token } : null;
}

/**
 * Like getActor, but a visitor with neither a session nor a guest cookie gets a new guest token
 * (HttpOnly cookie). Only in a server action or route handler (e.g. when a guest starts a quiz):
 * server components cannot set cookies.
 */
export async function getOrCreateActor(): Promise<Actor> {
  const actor = await getActor();
  if (actor) return actor;
  const guestToken = newGuestToken();
  (await cookies()).set(GUEST_COOKIE, guestToken, guestCookieOptions());
  return { kind: "guest", guestToken };
}

/**
 * Who may call a server action or route handler:
 * - public: anyone (the handler gets the actor, or null);
 * - allowGuest: anyone; a visitor with neither session nor guest cookie becomes a guest, but
 *   only once the input is valid (see `actorAfterInput`);
 * - requireActor: a signed-in user or an existing guest (401 otherwise);
 * - requireUser: a signed-in user (401), optionally with one of `roles` (403).
 */
export type ActorMode = "public" | "allowGuest" | "requireActor" | "requireUser";
export type ActorFor<M extends ActorMode> = M extends "requireUser"
  ? UserActor
  : M extends "allowGuest" | "requireActor"
    ? Actor
    : Actor | null;

/**
 * Identity, checked before the input is parsed (a signed-out visitor learns nothing about the
 * input rules of a members-only endpoint). Throws AppError unauthorized/forbidden.
 */
export async function actorBeforeInput(mode: ActorMode, roles?: readonly Role[]): Promise<Actor | null> {
  if (mode === "requireUser") {
    const user = await getSessionUser();
    if (!user) throw new AppError("unauthorized", MESSAGES.signIn);
    if (roles && !roles.includes(user.role)) throw new AppError("forbidden", MESSAGES.forbidden);
    return user;
  }
  if (mode === "public") {
    // Public endpoints include the way out of a temporary password (changePasswordAction), so
    // they see such a user without being redirected.
    const user = await getSessionUserAllowingTemporaryPassword();
    if (user)
      return { kind: "user", userId: user.userId, role: user.role, timezone: user.timezone, name: user.name };
    return guestFromCookie();
  }
  const actor = await getActor();
  if (mode === "requireActor" && !actor) throw new AppError("unauthorized", MESSAGES.noActor);
  return actor;
}

/** The actor handed to the handler, once the input is valid: allowGuest creates the guest here. */
export async function actorAfterInput<M extends ActorMode>(
  mode: M,
  actor: Actor | null,
): Promise<ActorFor<M>> {
  const resolved = mode === "allowGuest" && !actor ? await getOrCreateActor() : actor;
  // The checks in actorBeforeInput (and the line above) are what make this narrowing true.
  return resolved as ActorFor<M>;
}
