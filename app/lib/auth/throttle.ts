import "server-only";
import { createHash } from "node:crypto";
import {
  createThrottleRow,
  deleteIdleThrottleRows,
  deleteThrottleRow,
  getThrottleRow,
  incrementThrottleRow,
  replaceThrottleRow,
  type ThrottleRow,
} from "@/app/lib/db/auth-throttle";

/**
 * Sign-in and sign-up throttling, kept in the database so it holds across instances and restarts.
 *
 * Per account (keyed by the email, whether or not an account has it, so the answer never tells
 * which emails exist): every password attempt counts up front and a successful sign-in clears
 * the count, so parallel guesses cannot slip past. The fifth counted attempt and each later one
 * block the account for a delay that doubles (30 s, 1 min, 2 min, … up to 1 h). The count starts
 * again after 15 minutes without an attempt (measured from the end of the last block).
 *
 * Per client address: at most ADDRESS_LIMIT sign-in and sign-up attempts per minute.
 */
export const THROTTLE = {
  freeAttempts: 4,
  quietMs: 15 * 60_000,
  firstDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  addressLimit: 60,
  addressWindowMs: 60_000,
} as const;

export type ThrottleVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export const accountKey = (email: string) =>
  `account:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;
export const addressKey = (address: string) => `address:${address}`;

/** The block after the `count`-th counted attempt (none for the first four). */
export function blockAfter(count: number): number {
  if (count <= THROTTLE.freeAttempts) return 0;
  return Math.min(THROTTLE.firstDelayMs * 2 ** (count - THROTTLE.freeAttempts - 1), THROTTLE.maxDelayMs);
}

function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}

/**
 * Pure rule for one account attempt: refused while a block runs; otherwise the row to store
 * (count restarted after a quiet period, block set from the new count).
 */
export function accountAttempt(
  row: Pick<ThrottleRow, "count" | "windowStart" | "lastAt" | "blockedUntil"> | null,
  now: Date,
): { ok: false; retryAfterSeconds: number } | { ok: true; next: Omit<ThrottleRow, "key"> } {
  if (row?.blockedUntil && row.blockedUntil > now) {
    return { ok: false, retryAfterSeconds: secondsUntil(row.blockedUntil, now) };
  }
  const lastActivity = Math.max(row?.lastAt.getTime() ?? 0, row?.blockedUntil?.getTime() ?? 0);
  const fresh = !row || now.getTime() - lastActivity > THROTTLE.quietMs;
  const count = fresh ? 1 : row.count + 1;
  const delay = blockAfter(count);
  return {
    ok: true,
    next: {
      count,
      windowStart: fresh ? now : row.windowStart,
      lastAt: now,
      blockedUntil: delay ? new Date(now.getTime() + delay) : null,
    },
  };
}

/** Pure rule for the address ceiling, given the row after counting this attempt. */
export function addressVerdict(row: Pick<ThrottleRow, "count" | "windowStart">, now: Date): ThrottleVerdict {
  if (row.count <= THROTTLE.addressLimit) return { ok: true };
  return {
    ok: false,
    retryAfterSeconds: secondsUntil(new Date(row.windowStart.getTime() + THROTTLE.addressWindowMs), now),
  };
}

/** Counts one attempt from this address in the current one-minute window. */
async function countAddress(address: string, now: Date): Promise<ThrottleVerdict> {
  const key = addressKey(address);
  for (let tries = 0; tries < 5; tries++) {
    const row = await getThrottleRow(key);
    const expired = row && now.getTime() - row.windowStart.getTime() >= THROTTLE.addressWindowMs;
    if (!row || expired) {
      const next = { count: 1, windowStart: now, lastAt: now, blockedUntil: null };
      const stored = row ? await replaceThrottleRow(row, next) : await createThrottleRow({ key, ...next });
      if (stored) return { ok: true };
      continue; // another request changed the row: read it again
    }
    return addressVerdict(await incrementThrottleRow(key, now), now);
  }
  return { ok: false, retryAfterSeconds: 1 };
}

/** Counts one password attempt for this email (compare-and-set, retried on a lost race). */
async function countAccount(email: string, now: Date): Promise<ThrottleVerdict> {
  const key = accountKey(email);
  for (let tries = 0; tries < 5; tries++) {
    const row = await getThrottleRow(key);
    const attempt = accountAttempt(row, now);
    if (!attempt.ok) return attempt;
    const stored = row
      ? await replaceThrottleRow(row, attempt.next)
      : await createThrottleRow({ key, ...attempt.next });
    if (stored) return { ok: true };
  }
  return { ok: false, retryAfterSeconds: 1 };
}

/** Before checking a password: may this attempt go ahead? (It is counted either way.) */
export async function admitSignIn(
  email: string,
  address: string,
  now = new Date(),
): Promise<ThrottleVerdict> {
  const byAddress = await countAddress(address, now);
  if (!byAddress.ok) return byAddress;
  return countAccount(email, now);
}

/**
 * Before checking the password of a signed-in user (changing it, deleting the account): the
 * same per-account count as sign-in, so a stolen session cannot guess the password either.
 */
export async function admitPasswordCheck(email: string, now = new Date()): Promise<ThrottleVerdict> {
  return countAccount(email, now);
}

/** Before creating an account: the address ceiling, and no sign-up for an email that is blocked. */
export async function admitSignUp(
  email: string,
  address: string,
  now = new Date(),
): Promise<ThrottleVerdict> {
  const byAddress = await countAddress(address, now);
  if (!byAddress.ok) return byAddress;
  const row = await getThrottleRow(accountKey(email));
  if (row?.blockedUntil && row.blockedUntil > now)
    return { ok: false, retryAfterSeconds: secondsUntil(row.blockedUntil, now) };
  return { ok: true };
}

/** A successful sign-in clears the account's count. */
export async function signInSucceeded(email: string): Promise<void> {
  await deleteThrottleRow(accountKey(email));
}

/** Drops rows idle for a day (for the prune command). */
export async function pruneThrottle(now = new Date()): Promise<number> {
  return deleteIdleThrottleRows(new Date(now.getTime() - 24 * 60 * 60_000));
}
