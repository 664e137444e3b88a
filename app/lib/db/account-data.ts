import "server-only";
import { prisma } from "@/app/lib/db/prisma";

/**
 * A learner's own data, whole: for "Download my data" and "Delete my account", and the guest
 * data that expires. Only moves rows; what is exported and who may delete is decided in
 * app/lib/account/.
 */

export async function readUserData(userId: string) {
  const [user, attempts, reviewCards, lessonReads, memberships] = await Promise.all([
    prisma.user.findUnique({
      where: { id: userId },
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        timezone: true,
        streakOptIn: true,
        createdAt: true,
      },
    }),
    prisma.attempt.findMany({
      where: { userId },
      orderBy: { startedAt: "asc" },
      select: {
        id: true,
        kind: true,
        status: true,
        score: true,
        total: true,
        startedAt: true,
        submittedAt: true,
        questionIds: true,
        lesson: { select: { slug: true, title: true } },
        module: { select: { slug: true } },
        responses: {
          orderBy: { savedAt: "asc" },
          select: {
            questionId: true,
            answer: true,
            correct: true,
            credit: true,
            savedAt: true,
            question: { select: { prompt: true } },
          },
        },
        share: { select: { createdAt: true } },
      },
    }),
    prisma.reviewCard.findMany({
      where: { userId },
      orderBy: { due: "asc" },
      select: {
        questionId: true,
        due: true,
        stability: true,
        difficulty: true,
        reps: true,
        lapses: true,
        state: true,
        lastReview: true,
      },
    }),
    prisma.lessonRead.findMany({
      where: { userId },
      orderBy: { readAt: "asc" },
      select: { readAt: true, lesson: { select: { slug: true, title: true } } },
    }),
    prisma.classMember.findMany({
      where: { userId },
      select: { joinedAt: true, exitedAt: true, class: { select: { name: true } } },
    }),
  ]);
  return user ? { user, attempts, reviewCards, lessonReads, memberships } : null;
}

/**
 * Deletes the user; attempts, responses, review cards, reads and memberships go with it
 * (cascade). In the same transaction each class they were a learner in keeps a nameless
 * `DeletedClassMember` row.
 */
export async function deleteUserRows(userId: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const places = await tx.classMember.findMany({
      where: { userId, role: "learner" },
      select: { classId: true, joinedAt: true },
    });
    const { count } = await tx.user.deleteMany({ where: { id: userId } });
    if (count === 1 && places.length > 0) await tx.deletedClassMember.createMany({ data: places });
    return count === 1;
  });
}

/** Deletes attempts no account owns (a guest's) started before `before`; their responses cascade. */
export async function deleteGuestAttemptsBefore(before: Date): Promise<number> {
  const { count } = await prisma.attempt.deleteMany({ where: { userId: null, startedAt: { lt: before } } });
  return count;
}
