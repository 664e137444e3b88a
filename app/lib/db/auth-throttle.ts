import "server-only";
import { prisma } from "@/app/lib/db/prisma";

/**
 * Rows of the AuthThrottle table. Only moves rows: what a row means and when an attempt is
 * refused is decided in app/lib/auth/throttle.ts. Writes that depend on what was read are
 * compare-and-set (`where` on the values read), so two instances never both win a race.
 */

export type ThrottleRow = {
  key: string;
  count: number;
  windowStart: Date;
  lastAt: Date;
  blockedUntil: Date | null;
};

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

export async function getThrottleRow(key: string): Promise<ThrottleRow | null> {
  return prisma.authThrottle.findUnique({ where: { key } });
}

/** Inserts a row; false when another request created it first. */
export async function createThrottleRow(row: ThrottleRow): Promise<boolean> {
  try {
    await prisma.authThrottle.create({ data: row });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Replaces `expected` with `next` only if the row still holds what was read; false otherwise. */
export async function replaceThrottleRow(
  expected: Pick<ThrottleRow, "key" | "count" | "lastAt">,
  next: Omit<ThrottleRow, "key">,
): Promise<boolean> {
  const { count } = await prisma.authThrottle.updateMany({
    where: { key: expected.key, count: expected.count, lastAt: expected.lastAt },
    data: next,
  });
  return count === 1;
}

/** One more attempt in the current window (atomic increment); the row after it. */
export async function incrementThrottleRow(key: string, at: Date): Promise<ThrottleRow> {
  return prisma.authThrottle.update({ where: { key }, data: { count: { increment: 1 }, lastAt: at } });
}

/** One attempt fewer, if the row is still in the window that counted it. */
export async function decrementThrottleRow(key: string, windowStart: Date): Promise<void> {
  await prisma.authThrottle.updateMany({
    where: { key, windowStart, count: { gt: 0 } },
    data: { count: { decrement: 1 } },
  });
}

export async function deleteThrottleRow(key: string): Promise<void> {
  await prisma.authThrottle.deleteMany({ where: { key } });
}

/** Deletes the row only if it still holds what was read; false otherwise. */
export async function deleteThrottleRowIf(
  expected: Pick<ThrottleRow, "key" | "count" | "lastAt">,
): Promise<boolean> {
  const { count } = await prisma.authThrottle.deleteMany({
    where: { key: expected.key, count: expected.count, lastAt: expected.lastAt },
  });
  return count === 1;
}

/** Forgets rows with no attempt since `before` and no block running. */
export async function deleteIdleThrottleRows(before: Date): Promise<number> {
  const { count } = await prisma.authThrottle.deleteMany({
    where: { lastAt: { lt: before }, OR: [{ blockedUntil: null }, { blockedUntil: { lt: before } }] },
  });
  return count;
}
