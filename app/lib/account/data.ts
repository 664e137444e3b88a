import "server-only";
import { deleteGuestAttemptsBefore, deleteUserRows, readUserData } from "@/app/lib/db/account-data";
import { confirmOwnPassword } from "@/app/lib/auth/account-security";
import { pruneThrottle } from "@/app/lib/auth/throttle";
import type { UserActor } from "@/app/lib/auth/actor";
import { AppError } from "@/app/lib/errors";

/** Guests' attempts are kept this long; their cookie lasts no longer. */
export const GUEST_RETENTION_DAYS = 90;

/** Everything the app stores about the acting user, as one JSON document. */
export async function exportMyData(actor: UserActor, now = new Date()) {
  const data = await readUserData(actor.userId);
  if (!data) throw new AppError("not_found", "This account no longer exists.");
  return {
    exportedAt: now.toISOString(),
    account: data.user,
    attempts: data.attempts.map(({ lesson, module, responses, share, ...attempt }) => ({
      ...attempt,
      /** When the result was shared by link (the link itself is not stored); null if it is not. */
      sharedSince: share?.createdAt ?? null,
      lesson: lesson?.slug ?? null,
      lessonTitle: lesson?.title ?? null,
      /** Set for a module test. */
      module: module?.slug ?? null,
      responses: responses.map(({ question, ...response }) => ({ ...response, prompt: question.prompt })),
    })),
    reviewCards: data.reviewCards,
    lessonReads: data.lessonReads.map((read) => ({
      lesson: read.lesson.slug,
      title: read.lesson.title,
      readAt: read.readAt,
    })),
    classes: data.memberships.map((m) => ({ name: m.class.name, joinedAt: m.joinedAt, leftAt: m.exitedAt })),
  };
}

/**
 * Deletes the acting learner's account and everything stored with it, after checking the
 * password. Teachers and administrators are removed by an administrator (their classes and
 * assignments would go with them).
 */
export async function deleteMyAccount(actor: UserActor, password: string): Promise<void> {
  if (actor.role !== "learner")
    throw new AppError(
      "forbidden",
      "Teacher and administrator accounts hold classes; ask an administrator to remove them.",
    );
  await confirmOwnPassword(actor.userId, password, "password");
  await deleteUserRows(actor.userId);
}

/** `npm run db:prune`: guests' attempts older than the retention, and idle throttle rows. */
export async function pruneExpiredData(now = new Date()) {
  const before = new Date(now.getTime() - GUEST_RETENTION_DAYS * 24 * 60 * 60_000);
  return { guestAttempts: await deleteGuestAttemptsBefore(before), throttleRows: await pruneThrottle(now) };
}
