import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { tempDatabase } from "@/app/lib/db/test-database";
import { seedLesson } from "@/app/lib/db/progress-db.test-helper";
import type * as DataModule from "./data";
import type * as PrismaModule from "@/app/lib/db/prisma";
import type * as PasswordModule from "@/app/lib/auth/password";
import type { UserActor } from "@/app/lib/auth/actor";

/** "Download my data", "Delete my account" and the guest-data prune, on a real database. */

vi.mock("server-only", () => ({}));

const db = tempDatabase("account-data");
let data: typeof DataModule;
let prisma: typeof PrismaModule.prisma;
let password: typeof PasswordModule;

beforeAll(async () => {
  await db.ready;
  data = await import("./data");
  prisma = (await import("@/app/lib/db/prisma")).prisma;
  password = await import("@/app/lib/auth/password");
});
afterAll(() => db.cleanup());

let lessonCount = 0;
/** A learner with one submitted attempt (two answers), a review card and a read lesson. */
async function learnerWithHistory(email: string) {
  const { lesson, questionIds } = await seedLesson(prisma, `data-lesson-${++lessonCount}`, 2);
  const user = await prisma.user.create({
    data: { email, name: "Lea", passwordHash: await password.hashPassword("my own secret") },
  });
  await prisma.attempt.create({
    data: {
      userId: user.id,
      lessonId: lesson.id,
      seed: 1,
      questionIds,
      total: 2,
      score: 1,
      status: "submitted",
      submittedAt: new Date(),
      responses: {
        create: [
          { questionId: questionIds[0]!, answer: "Beta", correct: true },
          { questionId: questionIds[1]!, answer: "Gamma", correct: false },
        ],
      },
    },
  });
  await prisma.reviewCard.create({
    data: {
      userId: user.id,
      questionId: questionIds[1]!,
      due: new Date(),
      stability: 1,
      difficulty: 5,
      elapsedDays: 0,
      scheduledDays: 0,
      reps: 1,
      lapses: 1,
      state: 1,
    },
  });
  await prisma.lessonRead.create({ data: { userId: user.id, lessonId: lesson.id } });
  const actor: UserActor = { kind: "user", userId: user.id, role: "learner", timezone: "UTC", name: "Lea" };
  return { actor, lesson, questionIds };
}

describe("download my data", () => {
  it("holds the account, every attempt with its answers, the review cards and the reads, and no password hash", async () => {
    const { actor, lesson } = await learnerWithHistory("export@example.org");
    const attempt = await prisma.attempt.findFirstOrThrow({ where: { userId: actor.userId } });
    const share = await prisma.resultShare.create({
      data: { attemptId: attempt.id, tokenHash: "f".repeat(64) },
    });
    const exported = await data.exportMyData(actor);
    expect(exported.account).toMatchObject({ email: "export@example.org", name: "Lea", role: "learner" });
    expect(exported.attempts).toHaveLength(1);
    expect(exported.attempts[0]).toMatchObject({
      lesson: lesson.slug,
      score: 1,
      total: 2,
      status: "submitted",
      sharedSince: share.createdAt,
    });
    expect(JSON.stringify(exported)).not.toContain(share.tokenHash);
    expect(exported.attempts[0]!.responses.map((r) => [r.answer, r.correct])).toEqual([
      ["Beta", true],
      ["Gamma", false],
    ]);
    expect(exported.attempts[0]!.responses[0]!.prompt).toMatch(/^Question 0 of/);
    expect(exported.reviewCards).toHaveLength(1);
    expect(exported.lessonReads).toEqual([expect.objectContaining({ lesson: lesson.slug })]);
    expect(JSON.stringify(exported)).not.toMatch(/argon2|passwordHash/);
  });
});

describe("delete my account", () => {
  it("needs the password; then the account, attempts, answers, cards and reads are gone, and nobody else's", async () => {
    const { actor } = await learnerWithHistory("leaving@example.org");
    const other = await learnerWithHistory("staying@example.org");
    await expect(data.deleteMyAccount(actor, "not it")).rejects.toMatchObject({
      code: "bad_request",
      fieldErrors: { password: ["That is not your password."] },
    });
    expect(await prisma.user.count({ where: { id: actor.userId } })).toBe(1);

    await data.deleteMyAccount(actor, "my own secret");
    expect(await prisma.user.count({ where: { id: actor.userId } })).toBe(0);
    expect(await prisma.attempt.count({ where: { userId: actor.userId } })).toBe(0);
    expect(await prisma.reviewCard.count({ where: { userId: actor.userId } })).toBe(0);
    expect(await prisma.lessonRead.count({ where: { userId: actor.userId } })).toBe(0);
    expect(await prisma.response.count({ where: { attempt: { userId: other.actor.userId } } })).toBe(2);
    await expect(data.exportMyData(actor)).rejects.toMatchObject({ code: "not_found" });
  });

  it("is refused for teachers and administrators, whose classes would go with them", async () => {
    const { actor } = await learnerWithHistory("teacher@example.org");
    await expect(data.deleteMyAccount({ ...actor, role: "teacher" }, "my own secret")).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});

describe("prune", () => {
  it("removes guests' attempts older than 90 days with their answers, and nothing else", async () => {
    const { lesson, questionIds, actor } = await learnerWithHistory("keeper@example.org");
    const day = 24 * 60 * 60_000;
    const now = new Date();
    const guest = (token: string, ageDays: number) =>
      prisma.attempt.create({
        data: {
          guestToken: token,
          lessonId: lesson.id,
          seed: 2,
          questionIds,
          total: 2,
          startedAt: new Date(now.getTime() - ageDays * day),
          responses: { create: [{ questionId: questionIds[0]!, answer: "Beta" }] },
        },
      });
    const old = await guest("g_old", 91);
    const recent = await guest("g_recent", 89);
    await prisma.attempt.updateMany({
      where: { userId: actor.userId },
      data: { startedAt: new Date(now.getTime() - 400 * day) },
    });

    const pruned = await data.pruneExpiredData(now);
    expect(pruned.guestAttempts).toBe(1);
    expect(await prisma.attempt.count({ where: { id: old.id } })).toBe(0);
    expect(await prisma.response.count({ where: { attemptId: old.id } })).toBe(0);
    expect(await prisma.attempt.count({ where: { id: recent.id } })).toBe(1);
    expect(await prisma.attempt.count({ where: { userId: actor.userId } })).toBe(1);
  });
});
