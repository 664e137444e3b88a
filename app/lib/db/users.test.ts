import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTempDatabase } from "@/app/lib/db/test-database";

vi.mock("server-only", () => ({}));

const db = useTempDatabase("users");
let users: typeof import("./users");

beforeAll(async () => {
  await db.ready;
  users = await import("./users");
});
afterAll(() => db.cleanup());

async function makeAttempt(owner: { userId?: string; guestToken?: string }) {
  const { prisma } = await import("@/app/lib/db/prisma");
  return prisma.attempt.create({
    data: {
      userId: owner.userId ?? null,
      guestToken: owner.guestToken ?? null,
      seed: 1,
      questionIds: [],
      total: 0,
    },
  });
}

describe("users data layer (real SQLite database)", () => {
  it("creates a learner by default and reports a duplicate email as email_taken", async () => {
    const first = await users.createUser({
      email: "dup@example.org",
      name: "Dup",
      passwordHash: "h",
      timezone: "Europe/Paris",
    });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.user).toMatchObject({
      email: "dup@example.org",
      role: "learner",
      timezone: "Europe/Paris",
      streakOptIn: false,
    });
    expect(first.user).not.toHaveProperty("passwordHash");

    const second = await users.createUser({ email: "dup@example.org", name: "Other", passwordHash: "h2" });
    expect(second).toEqual({ ok: false, reason: "email_taken" });
  });

  it("returns the hash only from findUserForSignIn", async () => {
    await users.createUser({
      email: "hash@example.org",
      name: "Hash",
      passwordHash: "$argon2id$fake",
      role: "teacher",
    });
    const forSignIn = await users.findUserForSignIn("hash@example.org");
    expect(forSignIn).toMatchObject({
      email: "hash@example.org",
      role: "teacher",
      passwordHash: "$argon2id$fake",
    });
    const profile = await users.getUserProfile(forSignIn!.id);
    expect(profile).not.toHaveProperty("passwordHash");
    expect(await users.findUserForSignIn("nobody@example.org")).toBeNull();
  });

  it("updates only the acting user's own profile fields", async () => {
    const created = await users.createUser({ email: "prof@example.org", name: "Before", passwordHash: null });
    if (!created.ok) throw new Error("setup");
    const updated = await users.updateProfile(created.user.id, {
      name: "After",
      timezone: "Asia/Tokyo",
      streakOptIn: true,
    });
    expect(updated).toMatchObject({
      name: "After",
      timezone: "Asia/Tokyo",
      streakOptIn: true,
      role: "learner",
      email: "prof@example.org",
    });
  });

  it("upserts OAuth users by email as learners without touching existing accounts", async () => {
    const fresh = await users.upsertOAuthUser({ email: "oauth@example.org", name: "OAuth" });
    expect(fresh).toMatchObject({ role: "learner", name: "OAuth" });
    await users.createUser({
      email: "teach@example.org",
      name: "Teacher",
      passwordHash: "h",
      role: "teacher",
    });
    const existing = await users.upsertOAuthUser({ email: "teach@example.org", name: "Renamed?" });
    expect(existing).toMatchObject({ role: "teacher", name: "Teacher" });
    expect((await users.findUserForSignIn("teach@example.org"))!.passwordHash).toBe("h");
  });

  it("claims a guest's attempts, and only unowned attempts with that token", async () => {
    const created = await users.createUser({
      email: "claim@example.org",
      name: "Claimer",
      passwordHash: null,
    });
    const other = await users.createUser({ email: "other@example.org", name: "Other", passwordHash: null });
    if (!created.ok || !other.ok) throw new Error("setup");
    const token = "g_" + "a".repeat(43);
    const mine = [await makeAttempt({ guestToken: token }), await makeAttempt({ guestToken: token })];
    const someoneElses = await makeAttempt({ guestToken: "g_" + "b".repeat(43) });
    const alreadyOwned = await makeAttempt({ userId: other.user.id, guestToken: token });

    expect(await users.claimGuestAttempts(created.user.id, token)).toBe(2);
    const { prisma } = await import("@/app/lib/db/prisma");
    for (const attempt of mine) {
      expect(await prisma.attempt.findUnique({ where: { id: attempt.id } })).toMatchObject({
        userId: created.user.id,
        guestToken: null,
      });
    }
    expect(await prisma.attempt.findUnique({ where: { id: someoneElses.id } })).toMatchObject({
      userId: null,
    });
    expect(await prisma.attempt.findUnique({ where: { id: alreadyOwned.id } })).toMatchObject({
      userId: other.user.id,
    });
    // Claiming twice is harmless.
    expect(await users.claimGuestAttempts(created.user.id, token)).toBe(0);
    expect(await users.claimGuestAttempts(created.user.id, "")).toBe(0);
  });

  it("feeds claimed submitted quizzes into the review queue, keeping the user's own cards", async () => {
    const { prisma } = await import("@/app/lib/db/prisma");
    const { seedLesson } = await import("./progress-db.test-helper");
    const { lesson, questionIds } = await seedLesson(prisma as never, "claim-lesson", 3);
    const [q0, q1, q2] = questionIds as [string, string, string];
    const created = await users.createUser({
      email: "review@example.org",
      name: "Reviewer",
      passwordHash: null,
    });
    if (!created.ok) throw new Error("setup");
    const userId = created.user.id;
    const ownCard = {
      due: new Date("2030-01-01"),
      stability: 9,
      difficulty: 5,
      elapsedDays: 0,
      scheduledDays: 9,
      reps: 3,
      lapses: 0,
      state: 2,
    };
    await prisma.reviewCard.create({ data: { userId, questionId: q2, ...ownCard } });

    const token = "g_" + "r".repeat(43);
    const submittedAt = new Date("2026-03-01T10:00:00Z");
    const attempt = await prisma.attempt.create({
      data: {
        guestToken: token,
        lessonId: lesson.id,
        seed: 1,
        questionIds: [q0, q1, q2],
        total: 3,
        status: "submitted",
        score: 1,
        submittedAt,
      },
    });
    await prisma.response.createMany({
      data: [
        { attemptId: attempt.id, questionId: q0, answer: "Beta", correct: true },
        { attemptId: attempt.id, questionId: q2, answer: "Alpha", correct: false },
      ],
    });
    await prisma.attempt.create({
      data: { guestToken: token, lessonId: lesson.id, seed: 2, questionIds: [q1], total: 1 },
    });

    expect(await users.claimGuestAttempts(userId, token)).toBe(2);
    const cards = await prisma.reviewCard.findMany({ where: { userId }, orderBy: { questionId: "asc" } });
    expect(cards.map((c) => c.questionId)).toEqual([q0, q1, q2]);
    const byId = new Map(cards.map((c) => [c.questionId, c]));
    expect(byId.get(q0)!.lastReview).toEqual(submittedAt);
    expect(byId.get(q1)!.lastReview).toEqual(submittedAt); // unanswered counts as wrong, as in grading
    expect(byId.get(q1)!.due.getTime()).toBeLessThan(byId.get(q0)!.due.getTime());
    expect(byId.get(q2)).toMatchObject({ reps: 3, stability: 9 }); // the user's own card is untouched
  });
});
