/**
 * Writes for `npm run demo:seed` (the script decides what to write; this only moves rows).
 * Replaces the previous demo data, found by its email domain, in one transaction.
 */
import { Prisma } from "@/app/generated/prisma/sqlite/client";
import type { DbClient } from "@/app/lib/db/client";

export const DEMO_DOMAIN = "demo.example";

export interface DemoLesson {
  id: string;
  slug: string;
  title: string;
  questions: {
    id: string;
    type: string;
    choices: Prisma.JsonValue;
    answer: Prisma.JsonValue;
    difficulty: number;
  }[];
}

export async function demoModule(
  db: DbClient,
): Promise<{ id: string; slug: string; title: string; lessons: DemoLesson[] } | null> {
  return db.module.findFirst({
    orderBy: { position: "asc" },
    select: {
      id: true,
      slug: true,
      title: true,
      lessons: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          slug: true,
          title: true,
          questions: {
            where: { status: "active", review: { not: "rejected" } },
            orderBy: { id: "asc" },
            select: { id: true, type: true, choices: true, answer: true, difficulty: true },
          },
        },
      },
    },
  });
}

export interface DemoPlan {
  teacher: { email: string; name: string; passwordHash: string; timezone: string };
  learners: { email: string; name: string; passwordHash: string; timezone: string }[];
  className: string;
  joinCode: string;
  assignments: {
    title: string;
    kind: "module" | "lessons";
    lessonSlugs: string[] | null;
    dueAt: Date;
    timezone: string;
    passMark: number;
    questionsPerQuiz: number;
    attemptsAllowed: number | null;
    counting: "best" | "latest";
  }[];
  /** Attempts by learner index and assignment index. */
  attempts: {
    learner: number;
    assignment: number;
    lessonId: string;
    seed: number;
    startedAt: Date;
    submittedAt: Date;
    responses: { questionId: string; answer: Prisma.JsonValue; correct: boolean }[];
  }[];
}

export async function writeDemo(
  db: DbClient,
  moduleId: string,
  plan: DemoPlan,
): Promise<{ classId: string }> {
  return db.$transaction(
    async (tx) => {
      await tx.user.deleteMany({ where: { email: { endsWith: `@${DEMO_DOMAIN}` } } });
      const teacher = await tx.user.create({
        data: { ...plan.teacher, role: "teacher" },
        select: { id: true },
      });
      const learnerIds: string[] = [];
      for (const l of plan.learners)
        learnerIds.push((await tx.user.create({ data: { ...l, role: "learner" }, select: { id: true } })).id);
      const cls = await tx.class.create({
        data: { name: plan.className, joinCode: plan.joinCode, teacherId: teacher.id },
        select: { id: true },
      });
      await tx.classMember.createMany({ data: learnerIds.map((userId) => ({ classId: cls.id, userId })) });
      const assignmentIds: string[] = [];
      for (const a of plan.assignments) {
        const row = await tx.assignment.create({
          data: {
            ...a,
            lessonSlugs: a.lessonSlugs ?? undefined,
            classId: cls.id,
            moduleId,
            createdById: teacher.id,
          },
          select: { id: true },
        });
        assignmentIds.push(row.id);
      }
      for (const a of plan.attempts) {
        const attempt = await tx.attempt.create({
          data: {
            userId: learnerIds[a.learner],
            assignmentId: assignmentIds[a.assignment],
            lessonId: a.lessonId,
            kind: "quiz",
            status: "submitted",
            seed: a.seed,
            questionIds: a.responses.map((r) => r.questionId),
            score: a.responses.filter((r) => r.correct).length,
            total: a.responses.length,
            startedAt: a.startedAt,
            submittedAt: a.submittedAt,
          },
          select: { id: true },
        });
        await tx.response.createMany({
          data: a.responses.map((r) => ({
            attemptId: attempt.id,
            questionId: r.questionId,
            answer: r.answer === null ? Prisma.JsonNull : (r.answer as Prisma.InputJsonValue),
            correct: r.correct,
          })),
        });
      }
      return { classId: cls.id };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
