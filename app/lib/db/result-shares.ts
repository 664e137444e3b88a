import "server-only";
/**
 * Every Prisma call for result shares; the rules (who may share, the token) live in
 * app/lib/attempts/share.ts. Each write is scoped to the acting owner in the same query, so a
 * foreign attempt id behaves exactly like a missing one.
 */
import { prisma } from "@/app/lib/db/prisma";
import { ownedBy, type AttemptOwner } from "@/app/lib/db/attempts";

export type ShareWrite =
  { kind: "shared"; createdAt: Date } | { kind: "not_found" } | { kind: "not_submitted" };

/** Share the owner's submitted attempt under a new token hash, replacing any earlier share of it. */
export async function replaceResultShare(
  owner: AttemptOwner,
  attemptId: string,
  tokenHash: string,
): Promise<ShareWrite> {
  return prisma.$transaction(async (tx) => {
    const attempt = await tx.attempt.findFirst({
      where: { id: attemptId, ...ownedBy(owner) },
      select: { status: true },
    });
    if (!attempt) return { kind: "not_found" } as const;
    if (attempt.status !== "submitted") return { kind: "not_submitted" } as const;
    const row = await tx.resultShare.upsert({
      where: { attemptId },
      create: { attemptId, tokenHash },
      update: { tokenHash, createdAt: new Date() },
      select: { createdAt: true },
    });
    return { kind: "shared", createdAt: row.createdAt } as const;
  });
}

/** Stop sharing the owner's attempt; false when it is not theirs (or does not exist). */
export async function deleteResultShare(owner: AttemptOwner, attemptId: string): Promise<boolean> {
  const attempt = await prisma.attempt.findFirst({
    where: { id: attemptId, ...ownedBy(owner) },
    select: { id: true },
  });
  if (!attempt) return false;
  await prisma.resultShare.deleteMany({ where: { attemptId: attempt.id } });
  return true;
}

/** When the owner's attempt was shared, or null when it is not (or is not theirs). */
export async function findResultShare(
  owner: AttemptOwner,
  attemptId: string,
): Promise<{ createdAt: Date } | null> {
  return prisma.resultShare.findFirst({
    where: { attemptId, attempt: ownedBy(owner) },
    select: { createdAt: true },
  });
}
