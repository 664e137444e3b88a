import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { getServerSession } from "next-auth/next";
import { authOptions } from "./options";
import type { Role } from "./roles";
import { GUEST_COOKIE, guestCookieOptions, isGuestToken, newGuestToken } from "./guest";

/**
 * Who is acting in this request. Identity comes only from the signed session cookie
 * (getServerSession) or the HttpOnly guest cookie; nothing the browser sends in a body counts.
 */
export type UserActor = { kind: "user"; userId: string; role: Role; timezone: string; name: string };
export type GuestActor = { kind: "guest"; guestToken: string };
export type Actor = UserActor | GuestActor;

/** The signed-in user, or null. Cached per request. */
export const getSessionUser = cache(async (): Promise<UserActor | null> => {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  if (!user?.id) return null;
  return { kind: "user", userId: user.id, role: user.role, timezone: user.timezone, name: user.name };
});

/**
 * The signed-in user, else the guest (if they have a guest cookie), else null.
 * Safe in server components, server actions and route handlers; never sets a cookie.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const user = await getSessionUser();
  if (user) return user;
  const token = (await cookies()).get(GUEST_COOKIE)?.value;
  return isGuestToken(token) ? { kind: "guest", guestToken: token } : null;
});

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
