import { randomBytes } from "node:crypto";

/**
 * Guest identity: an opaque random token in an HttpOnly cookie. It is set only by a server
 * action or route handler (when a guest starts a quiz), never by middleware, so static pages
 * stay static and crawlers never get one.
 */

export const GUEST_COOKIE = "rbo_guest";
/** 90 days: long enough to come back and sign up, short enough not to linger forever. */
export const GUEST_MAX_AGE_SECONDS = 60 * 60 * 24 * 90;

const TOKEN_SHAPE = /^g_[A-Za-z0-9_-]{43}$/;

/** 32 random bytes, base64url, with a prefix so logs show what kind of token it is. */
export function newGuestToken(): string {
  return "g_" + randomBytes(32).toString("base64url");
}

/** Anything else in the cookie is ignored (and never reaches a query). */
export function isGuestToken(value: unknown): value is string {
  return typeof value === "string" && TOKEN_SHAPE.test(value);
}

/** Secure cookies whenever the site is served over HTTPS (the same rule next-auth uses). */
export function guestCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    path: "/",
    secure: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
    maxAge: GUEST_MAX_AGE_SECONDS,
  };
}
