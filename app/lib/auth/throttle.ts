import "server-only";
import { createHash } from "node:crypto";
import {
  createThrottleRow,
  deleteIdleThrottleRows,
  deleteThrottleRow,
  deleteThrottleRowIf,
  decrementThrottleRow,
  getThrottleRow,
  incrementThrottleRow,
  replaceThrottleRow,
  type ThrottleRow,
} from "@/app/lib/db/auth-throttle";

/**
 * Throttling of password and join-code guessing, kept in the database so it holds across
 * instances and restarts. Two rules, each with its own parameters per use:
 * - a back-off per account: every attempt counts up front (so parallel guesses cannot slip
 *   past); from the fifth on, each blocks the key for a doubling delay;
 * - a ceiling per client address on attempts in a fixed window.
 *
 * Sign-in and sign-up:
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

/**
 * Join codes: the same back-off per account, and per address at most 30 wrong codes in 15
 * minutes (a class behind one school address makes a few typos; a guesser needs millions).
 * A code that names a class is not a guess: its count is taken back (see `admitJoinCode`).
 */
export const JOIN_THROTTLE = {
  ...THROTTLE,
  addressLimit: 30,
  addressWindowMs: 15 * 60_000,
} as const;

type BackoffPolicy = { freeAttempts: number; quietMs: number; firstDelayMs: number; maxDelayMs: number };
type CeilingPolicy = { addressLimit: number; addressWindowMs: number };

export type ThrottleVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export const accountKey = (email: string) =>
  `account:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;
export const addressKey = (address: string) => `address:${address}`;
export const joinAccountKey = (userId: string) => `join-account:${userId}`;
export const joinAddressKey = (address: string) => `join-address:${address}`;

/** The block after the `count`-th counted attempt (none for the first four). */
export function blockAfter(count: number, policy: BackoffPolicy = THROTTLE): number {
  if (count <= policy.freeAttempts) return 0;
  return Math.min(policy.firstDelayMs * 2 ** (count - policy.freeAttempts - 1), policy.maxDelayMs);
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
  policy: BackoffPolicy = THROTTLE,
): { ok: false; retryAfterSeconds: number } | { ok: true; next: Omit<ThrottleRow, "key"> } {
  if (row?.blockedUntil && row.blockedUntil > now) {
    return { ok: false, retryAfterSeconds: secondsUntil(row.blockedUntil, now) };
  }
  const lastActivity = Math.max(row?.lastAt.getTime() ?? 0, row?.blockedUntil?.getTime() ?? 0);
  const fresh = !row || now.getTime() - lastActivity > policy.quietMs;
  const count = fresh ? 1 : row.count + 1;
  const delay = blockAfter(count, policy);
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
export function addressVerdict(
  row: Pick<ThrottleRow, "count" | "windowStart">,
  now: Date,
  policy: CeilingPolicy = THROTTLE,
): ThrottleVerdict {
  if (row.count <= policy.addressLimit) return { ok: true };
  return {
    ok: false,
    retryAfterSeconds: secondsUntil(new Date(row.windowStart.getTime() + policy.addressWindowMs), now),
  };
}

/** What a counted attempt changed, so a join with a right code can take it back. */
type Counted =
  | { rule: "ceiling"; after: ThrottleRow }
  | { rule: "backoff"; before: ThrottleRow | null; after: ThrottleRow };
type CountVerdict = { ok: true; counted: Counted } | { ok: false; retryAfterSeconds: number };

/** Counts one attempt under `key` in the current window of the address ceiling. */
async function countAddress(key: string, now: Date, policy: CeilingPolicy = THROTTLE): Promise<CountVerdict> {
  for (let tries = 0; tries < 5; tries++) {
    const row = await getThrottleRow(key);
    const expired = row && now.getTime() - row.windowStart.getTime() >= policy.addressWindowMs;
    if (!row || expired) {
      const next = { count: 1, windowStart: now, lastAt: now, blockedUntil: null };
      const stored = row ? await replaceThrottleRow(row, next) : await createThrottleRow({ key, ...next });
      if (stored) return { ok: true, counted: { rule: "ceiling", after: { key, ...next } } };
      continue; // another request changed the row: read it again
    }
    const after = await incrementThrottleRow(key, now);
    const verdict = addressVerdict(after, now, policy);
    return verdict.ok ? { ok: true, counted: { rule: "ceiling", after } } : verdict;
  }
  return { ok: false, retryAfterSeconds: 1 };
}

/** Counts one attempt under `key` with the back-off rule (compare-and-set, retried on a lost race). */
async function countAccount(key: string, now: Date, policy: BackoffPolicy = THROTTLE): Promise<CountVerdict> {
  for (let tries = 0; tries < 5; tries++) {
    const row = await getThrottleRow(key);
    const attempt = accountAttempt(row, now, policy);
    if (!attempt.ok) return attempt;
    const stored = row
      ? await replaceThrottleRow(row, attempt.next)
      : await createThrottleRow({ key, ...attempt.next });
    if (stored)
      return { ok: true, counted: { rule: "backoff", before: row, after: { key, ...attempt.next } } };
  }
  return { ok: false, retryAfterSeconds: 1 };
}

const verdictOf = (counted: CountVerdict): ThrottleVerdict =>
  counted.ok ? { ok: true } : { ok: false, retryAfterSeconds: counted.retryAfterSeconds };

/** Before checking a password: may this attempt go ahead? (It is counted either way.) */
export async function admitSignIn(
  email: string,
  address: string,
  now = new Date(),
): Promise<ThrottleVerdict> {
  const byAddress = await countAddress(addressKey(address), now);
  if (!byAddress.ok) return verdictOf(byAddress);
  return verdictOf(await countAccount(accountKey(email), now));
}

/**
 * Before checking the password of a signed-in user (changing it, deleting the account): the
 * same per-account count as sign-in, so a stolen session cannot guess the password either.
 */
export async function admitPasswordCheck(email: string, now = new Date()): Promise<ThrottleVerdict> {
  return verdictOf(await countAccount(accountKey(email), now));
}

/** Before creating an account: the address ceiling, and no sign-up for an email that is blocked. */
export async function admitSignUp(
  email: string,
  address: string,
  now = new Date(),
): Promise<ThrottleVerdict> {
  const byAddress = await countAddress(addressKey(address), now);
  if (!byAddress.ok) return verdictOf(byAddress);
  const row = await getThrottleRow(accountKey(email));
  if (row?.blockedUntil && row.blockedUntil > now)
    return { ok: false, retryAfterSeconds: secondsUntil(row.blockedUntil, now) };
  return { ok: true };
}

export type JoinAdmission =
  | { ok: true; /** The code named a class: this attempt was no guess. */ codeWasRight: () => Promise<void> }
  | { ok: false; retryAfterSeconds: number };

/**
 * Before looking a join code up (to join, or to show the join page): counted up front per client
 * address and, for a signed-in user, per account, so a burst of guesses cannot slip past. When
 * the code turns out to name a class, `codeWasRight` takes the count back: only wrong codes
 * add up.
 */
export async function admitJoinCode(
  who: { userId: string | null; address: string },
  now = new Date(),
): Promise<JoinAdmission> {
  const byAddress = await countAddress(joinAddressKey(who.address), now, JOIN_THROTTLE);
  if (!byAddress.ok) return byAddress;
  const byAccount = who.userId ? await countAccount(joinAccountKey(who.userId), now, JOIN_THROTTLE) : null;
  if (byAccount && !byAccount.ok) {
    await takeBack(byAddress.counted);
    return byAccount;
  }
  return {
    ok: true,
    codeWasRight: async () => {
      await takeBack(byAddress.counted);
      if (byAccount) await takeBack(byAccount.counted);
    },
  };
}

/**
 * Undoes one counted attempt. A ceiling count goes down by one if its window is still the
 * same; a back-off row goes back to what it was if nothing has counted since (else the attempt
 * stays counted, erring on the side of the limit).
 */
async function takeBack(counted: Counted): Promise<void> {
  if (counted.rule === "ceiling") await decrementThrottleRow(counted.after.key, counted.after.windowStart);
  else if (counted.before) await replaceThrottleRow(counted.after, counted.before);
  else await deleteThrottleRowIf(counted.after);
}

/** A successful sign-in clears the account's count. */
export async function signInSucceeded(email: string): Promise<void> {
  await deleteThrottleRow(accountKey(email));
}

/** Drops rows idle for a day (for the prune command). */
export async function pruneThrottle(now = new Date()): Promise<number> {
  return deleteIdleThrottleRows(new Date(now.getTime() - 24 * 60 * 60_000));
}
