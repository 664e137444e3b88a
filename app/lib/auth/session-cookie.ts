import "server-only";
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { env } from "@/app/lib/env";
import { THIRTY_DAYS } from "./options";

/** next-auth's session cookie names (the `__Secure-` one when NEXTAUTH_URL is https). */
const NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/**
 * Re-issues this browser's session token with the user's new session version, so that after a
 * password change or "sign out everywhere" this session goes on while every other one (still
 * carrying the old version) is refused. Same cookie name and attributes as next-auth's own.
 */
export async function keepThisSession(sessionVersion: number): Promise<void> {
  const store = await cookies();
  const name = NAMES.find((candidate) => store.get(candidate));
  const secret = env.NEXTAUTH_SECRET;
  if (!name || !secret) return;
  const token = await decode({ token: store.get(name)?.value, secret });
  if (!token?.uid) return;
  const value = await encode({
    token: { ...token, sv: sessionVersion, mcp: false },
    secret,
    maxAge: THIRTY_DAYS,
  });
  store.set(name, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: name.startsWith("__Secure-"),
    maxAge: THIRTY_DAYS,
  });
}
