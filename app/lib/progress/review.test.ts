/**
 * Integration tests for review and progress (scheduling, the review queue, answering a card,
 * mastery, the dashboard, lesson reads) over the data layer, on a real temporary SQLite
 * database migrated with the project's own migrations.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { tempDatabase } from "@/app/lib/db/test-database";
import { seedLesson, seedUser } from "@/app/lib/db/progress-db.test-helper";
import type { Prisma } from "@/app/generated/prisma/sqlite/client";
import { dueHorizon, rescheduleOutcomes } from "./scheduling";
import { masteryByLesson } from "./mastery";
import type * as PrismaModule from "@/app/lib/db/prisma";
import type * as ReviewCardsModule from "@/app/lib/db/review-cards";
import type * as ProgressModule from "@/app/lib/db/progress";
import type * as ReviewModule from "./review";
import type * as DashboardModule from "./dashboard";
import type * as UsersModule from "@/app/lib/db/users";
import type * as LessonReadsModule from "@/app/lib/db/lesson-reads";

vi.mock("server-only", () => ({}));

const temp = tempDatabase("progress");
const db = {} as { prisma: (typeof PrismaModule)["prisma"] };
let cards: typeof ReviewCardsModule;
let progress: typeof ProgressModule;
let review: typeof ReviewModule;
let dashboard: typeof DashboardModule;
let users: typeof UsersModule;
let markLessonRead: (typeof LessonReadsModule)["markLessonRead"];
let getReadLessonSlugs: (typeof LessonReadsModule)["getReadLessonSlugs"];

const t0 = new Date("2026-03-02T10:00:00.000Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

let ann: { id: string };
let bob: { id: string };
let lessonA: Awaited<ReturnType<typeof seedLesson>>;
let lessonB: Awaited<ReturnType<typeof seedLesson>>;

beforeAll(async () => {
  await temp.ready;
  ({ prisma: db.prisma } = await import("@/app/lib/db/prisma"));
  cards = await import("@/app/lib/db/review-cards");
  progress = await import("@/app/lib/db/progress");
  review = await import("./review");
  dashboard = await import("./dashboard");
  users = await import("@/app/lib/db/users");
  ({ markLessonRead, getReadLessonSlugs } = await import("@/app/lib/db/lesson-reads"));
  ann = await seedUser(db.prisma, "ann@example.org");
  bob = await seedUser(db.prisma, "bob@example.org");
  lessonA = await seedLesson(db.prisma, "lesson-a", 3);
  lessonB = await seedLesson(db.prisma, "lesson-b", 3);
});

afterAll(async () => {
  await temp.cleanup();
});

/** Graded quiz answers → review cards, as a quiz submit stores them. */
function recordReviewOutcomes(
  tx: Prisma.TransactionClient,
  userId: string,
  outcomes: { questionId: string; correct: boolean }[],
  at: Date,
) {
  return cards.applyReviewOutcomes(tx, userId, outcomes, at, rescheduleOutcomes);
}
const countDue = (userId: string, now: Date) => cards.countDueReviews(userId, dueHorizon(now));
const mastery = async (userId: string) => masteryByLesson(await progress.getScoredAttempts(userId));

describe("storing quiz outcomes as review cards", () => {
  it("creates cards for new questions, then updates them", async () => {
    const [q0, q1] = lessonA.questionIds;
    await db.prisma.$transaction((tx) =>
      recordReviewOutcomes(
        tx,
        ann.id,
        [
          { questionId: q0!, correct: true },
          { questionId: q1!, correct: false },
        ],
        t0,
      ),
    );
    const created = await db.prisma.reviewCard.findMany({
      where: { userId: ann.id },
      orderBy: { questionId: "asc" },
    });
    expect(created.map((c) => [c.questionId, c.reps, c.lapses, c.state])).toEqual([
      [q0, 1, 0, 2], // correct: straight to Review
      [q1, 1, 0, 1], // missed: Learning, due in a minute
    ]);
    expect(created[1]!.due).toEqual(minutes(1));
    expect(created[0]!.due.getTime()).toBeGreaterThan(minutes(24 * 60).getTime());

    // A later quiz: q1 right this time, q0 wrong.
    const later = minutes(10);
    const result = await db.prisma.$transaction((tx) =>
      recordReviewOutcomes(
        tx,
        ann.id,
        [
          { questionId: q0!, correct: false },
          { questionId: q1!, correct: true },
        ],
        later,
      ),
    );
    expect(result.size).toBe(2);
    const updated = await db.prisma.reviewCard.findMany({
      where: { userId: ann.id },
      orderBy: { questionId: "asc" },
    });
    expect(updated).toHaveLength(2); // updated in place, no duplicates
    expect(updated[0]).toMatchObject({ questionId: q0, reps: 2, lapses: 1, state: 3, lastReview: later });
    expect(updated[1]).toMatchObject({ questionId: q1, reps: 2, state: 2, lastReview: later });
  });

  it("counts a question listed twice once, as wrong if either answer was", async () => {
    const q2 = lessonA.questionIds[2]!;
    await db.prisma.$transaction((tx) =>
      recordReviewOutcomes(
        tx,
        bob.id,
        [
          { questionId: q2, correct: true },
          { questionId: q2, correct: false },
        ],
        t0,
      ),
    );
    const cards = await db.prisma.reviewCard.findMany({ where: { userId: bob.id } });
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ reps: 1, state: 1 });
  });

  it("does nothing for no outcomes", async () => {
    const result = await db.prisma.$transaction((tx) => recordReviewOutcomes(tx, bob.id, [], t0));
    expect(result.size).toBe(0);
  });

  it("rolls back with the caller's transaction", async () => {
    const q = lessonB.questionIds[0]!;
    await expect(
      db.prisma.$transaction(async (tx) => {
        await recordReviewOutcomes(tx, bob.id, [{ questionId: q, correct: false }], t0);
        throw new Error("submit failed");
      }),
    ).rejects.toThrow("submit failed");
    expect(await db.prisma.reviewCard.count({ where: { userId: bob.id, questionId: q } })).toBe(0);
  });
});

describe("the review queue", () => {
  it("returns due cards across lessons, earliest first, public shape only, never another user's", async () => {
    const user = await seedUser(db.prisma, "cat@example.org");
    const [a0, a1] = lessonA.questionIds;
    const [b0] = lessonB.questionIds;
    // b0 missed first, then a1 and a0 missed later: due order b0, a1, a0 (a0/a1 tie → by id).
    await db.prisma.$transaction((tx) =>
      recordReviewOutcomes(tx, user.id, [{ questionId: b0!, correct: false }], t0),
    );
    await db.prisma.$transaction((tx) =>
      recordReviewOutcomes(
        tx,
        user.id,
        [
          { questionId: a1!, correct: false },
          { questionId: a0!, correct: false },
          { questionId: lessonB.questionIds[1]!, correct: true }, // not due for days
        ],
        minutes(5),
      ),
    );
    // Another learner with cards on the same questions, due earlier.
    await db.prisma.$transaction((tx) =>
      recordReviewOutcomes(tx, bob.id, [{ questionId: a0!, correct: false }], minutes(-30)),
    );

    const now = minutes(6);
    const page = await review.getDueCards(user.id, now, 10);
    expect(page.dueCount).toBe(3);
    expect(page.cards.map((c) => c.question.id)).toEqual([b0, a0, a1]);
    expect(page.cards.map((c) => c.lesson.slug)).toEqual(["lesson-b", "lesson-a", "lesson-a"]);
    for (const card of page.cards) {
      expect(Object.keys(card.question).sort()).toEqual(["choices", "id", "prompt", "type"]);
      expect(JSON.stringify(card)).not.toContain("Evidence sentence");
    }
    expect(page.nextDueAt!.getTime()).toBeGreaterThan(minutes(24 * 60).getTime());

    const limited = await review.getDueCards(user.id, now, 1);
    expect(limited).toMatchObject({ dueCount: 3 });
    expect(limited.cards).toHaveLength(1);

    // Before the one-minute learning step is near, only the first miss is due.
    expect(await countDue(user.id, t0)).toBe(1);

    // Bob never sees Cat's cards and vice versa.
    const bobs = await review.getDueCards(bob.id, now, 10);
    expect(bobs.cards.every((c) => c.question.id !== b0)).toBe(true);
  });

  it("leaves out retired and rejected questions", async () => {
    const user = await seedUser(db.prisma, "dan@example.org");
    const [x, y] = lessonB.questionIds;
    await db.prisma.$transaction((tx) =>
      recordReviewOutcomes(
        tx,
        user.id,
        [
          { questionId: x!, correct: false },
          { questionId: y!, correct: false },
        ],
        t0,
      ),
    );
    await db.prisma.question.update({ where: { id: y! }, data: { status: "retired" } });
    const page = await review.getDueCards(user.id, minutes(1), 10);
    expect(page.cards.map((c) => c.question.id)).toEqual([x]);
    await db.prisma.question.update({ where: { id: y! }, data: { status: "active" } });
  });
});

describe("answering a review card", () => {
  it("grades on the server, moves the schedule, keeps a review attempt, and refuses a second grading", async () => {
    const user = await seedUser(db.prisma, "eve@example.org");
    const [q0, q1] = lessonA.questionIds;
    await db.prisma.$transaction((tx) =>
      recordReviewOutcomes(
        tx,
        user.id,
        [
          { questionId: q0!, correct: false },
          { questionId: q1!, correct: false },
        ],
        t0,
      ),
    );
    const now = minutes(2);
    const right = await review.answerReview(user.id, q0!, "Beta", undefined, now);
    expect(right.feedback).toMatchObject({
      correct: true,
      expected: "Beta",
      evidence: "Evidence sentence 0.",
      evidenceHref: "/lessons/lesson-a#p-1",
      evidenceLinks: [{ text: "Evidence sentence 0.", href: "/lessons/lesson-a#p-1" }],
      lesson: { slug: "lesson-a" },
    });
    expect(Date.parse(right.feedback.nextDueAt)).toBeGreaterThan(minutes(24 * 60).getTime());
    expect(right.queue.dueCount).toBe(1);
    expect(await countDue(user.id, now)).toBe(1);

    // A double submit cannot grade twice.
    await expect(review.answerReview(user.id, q0!, "Beta", undefined, now)).rejects.toMatchObject({
      code: "conflict",
    });

    const shown = (await review.getDueCards(user.id, now, 1)).cards[0]!;
    expect(shown.question.id).toBe(q1);
    const wrong = await review.answerReview(user.id, q1!, "Gamma", shown.reps, now);
    expect(wrong.feedback).toMatchObject({ correct: false, expected: "Beta" });
    // Still in learning: back within the learn-ahead window...
    expect(await countDue(user.id, now)).toBe(1);
    // ...but the same showing cannot be answered again (a double click), even though it is due.
    await expect(review.answerReview(user.id, q1!, "Beta", shown.reps, now)).rejects.toMatchObject({
      code: "conflict",
    });
    // Not a choice of the question → invalid, nothing changes.
    await expect(review.answerReview(user.id, q1!, "Omega", undefined, minutes(3))).rejects.toMatchObject({
      code: "bad_request",
      fieldErrors: { answer: ["Choose one of the options."] },
    });
    // Two racing submits of the next showing: exactly one is graded.
    const again = (await review.getDueCards(user.id, minutes(3), 1)).cards[0]!;
    const race = await Promise.allSettled([
      review.answerReview(user.id, q1!, "Beta", again.reps, minutes(3)),
      review.answerReview(user.id, q1!, "Beta", again.reps, minutes(3)),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);

    const attempts = await db.prisma.attempt.findMany({
      where: { userId: user.id, kind: "review" },
      include: { responses: true },
    });
    expect(attempts).toHaveLength(3);
    expect(attempts.map((a) => [a.score, a.total, a.status])).toEqual(
      expect.arrayContaining([
        [1, 1, "submitted"],
        [0, 1, "submitted"],
        [1, 1, "submitted"],
      ]),
    );

    // Review answers count for streak days but not for mastery.
    expect(await progress.getActivityTimes(user.id, t0)).toHaveLength(3);
    expect((await mastery(user.id)).size).toBe(0);
  });

  it("marks a second try in the same session without storing it or moving the schedule", async () => {
    const user = await seedUser(db.prisma, "gil@example.org");
    const q = lessonB.questionIds[0]!;
    await db.prisma.$transaction((tx) =>
      recordReviewOutcomes(tx, user.id, [{ questionId: q, correct: false }], t0),
    );
    const shown = (await review.getDueCards(user.id, minutes(2), 1)).cards[0]!;
    await review.answerReview(user.id, q, "Gamma", shown.reps, minutes(2));
    const before = await db.prisma.reviewCard.findUniqueOrThrow({
      where: { userId_questionId: { userId: user.id, questionId: q } },
    });

    // Later in the session the second try is marked, whether or not the card is due.
    const retry = await review.retryReview(user.id, q, "Beta", minutes(9));
    expect(retry.feedback).toMatchObject({ correct: true, expected: "Beta" });
    expect(retry.feedback.nextDueAt).toBe(before.due.toISOString());
    const after = await db.prisma.reviewCard.findUniqueOrThrow({
      where: { userId_questionId: { userId: user.id, questionId: q } },
    });
    expect(after).toEqual(before);
    expect(await db.prisma.attempt.count({ where: { userId: user.id, kind: "review" } })).toBe(1);
    // Someone without the card gets nothing.
    await expect(review.retryReview(bob.id, q, "Beta", minutes(9))).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("refuses a card the user does not have (another user's question)", async () => {
    const user = await seedUser(db.prisma, "fay@example.org");
    const q = lessonB.questionIds[2]!;
    await db.prisma.$transaction((tx) =>
      recordReviewOutcomes(tx, bob.id, [{ questionId: q, correct: false }], t0),
    );
    await expect(review.answerReview(user.id, q, "Beta", undefined, minutes(2))).rejects.toMatchObject({
      code: "not_found",
    });
    // Bob's card is untouched.
    const bobs = await db.prisma.reviewCard.findUnique({
      where: { userId_questionId: { userId: bob.id, questionId: q } },
    });
    expect(bobs?.reps).toBe(1);
  });
});

describe("progress and lesson reads", () => {
  it("computes mastery from submitted quiz attempts only, and the dashboard lists them", async () => {
    const user = await seedUser(db.prisma, "gus@example.org");
    const base = {
      userId: user.id,
      kind: "quiz" as const,
      lessonId: lessonA.lesson.id,
      seed: 1,
      questionIds: [],
      total: 10,
    };
    await db.prisma.attempt.createMany({
      data: [
        { ...base, status: "submitted", score: 9, submittedAt: minutes(1) },
        { ...base, status: "submitted", score: 8, submittedAt: minutes(2) },
        { ...base, status: "in_progress" },
        { ...base, lessonId: lessonB.lesson.id, status: "submitted", score: 3, submittedAt: minutes(3) },
      ],
    });
    // Someone else's attempt on the same lesson never counts.
    await db.prisma.attempt.create({
      data: { ...base, userId: bob.id, status: "submitted", score: 0, submittedAt: minutes(4) },
    });

    const levels = await mastery(user.id);
    expect(levels.get("lesson-a")).toMatchObject({
      level: "mastered",
      attempts: 2,
      bestPercent: 90,
      lastPercent: 80,
    });
    expect(levels.get("lesson-b")).toMatchObject({ level: "started", attempts: 1 });

    const dash = (await dashboard.getDashboardView(user.id, minutes(5)))!;
    expect(dash.history.map((a) => a.percent)).toEqual([90, 80, 30]);
    expect(dash.recent.map((a) => a.lessonSlug)).toEqual(["lesson-b", "lesson-a", "lesson-a"]);
    expect(dash.dueCount).toBe(0);
    expect(dash.cardCount).toBe(0);
  });

  it("offers the latest unfinished quiz of the user on the dashboard, a new learner included", async () => {
    const user = await seedUser(db.prisma, "ida@example.org");
    const base = { kind: "quiz" as const, seed: 1, questionIds: [], total: 3 };
    expect(await progress.getLatestOpenAttempt(user.id)).toBeNull();
    expect((await dashboard.getDashboardView(user.id, minutes(5)))!.isNew).toBe(true);
    await db.prisma.attempt.createMany({
      data: [
        { ...base, userId: user.id, lessonId: lessonA.lesson.id, startedAt: minutes(1) },
        // Submitted, a review, or someone else's: never offered.
        {
          ...base,
          userId: user.id,
          lessonId: lessonB.lesson.id,
          status: "submitted",
          score: 1,
          submittedAt: minutes(3),
          startedAt: minutes(3),
        },
        { ...base, userId: user.id, kind: "review", lessonId: lessonB.lesson.id, startedAt: minutes(3) },
        { ...base, userId: bob.id, lessonId: lessonB.lesson.id, startedAt: minutes(4) },
      ],
    });
    const open = await db.prisma.attempt.findFirstOrThrow({
      where: { userId: user.id, status: "in_progress", kind: "quiz" },
    });
    await db.prisma.response.create({
      data: { attemptId: open.id, questionId: lessonA.questionIds[0]!, answer: "Alpha" },
    });
    expect(await progress.getLatestOpenAttempt(user.id)).toEqual({
      id: open.id,
      target: { kind: "lesson", slug: "lesson-a", title: "Lesson lesson-a" },
      answered: 1,
      total: 3,
      startedAt: minutes(1),
    });
    const dash = (await dashboard.getDashboardView(user.id, minutes(5)))!;
    expect(dash.isNew).toBe(false);
    expect(dash.nextStep.next).toMatchObject({ kind: "attempt", attemptId: open.id, answered: 1 });
  });

  it("remembers lessons read, once per lesson, per user", async () => {
    const user = await seedUser(db.prisma, "hal@example.org");
    expect(await markLessonRead(user.id, "lesson-a", t0)).toBe(true);
    expect(await markLessonRead(user.id, "lesson-a", minutes(5))).toBe(true);
    expect(await markLessonRead(user.id, "no-such-lesson", t0)).toBe(false);
    expect([...(await getReadLessonSlugs(user.id))]).toEqual(["lesson-a"]);
    expect((await getReadLessonSlugs(bob.id)).size).toBe(0);
    const row = await db.prisma.lessonRead.findFirst({ where: { userId: user.id } });
    expect(row?.readAt).toEqual(t0);
  });
});

describe("claiming a guest's quizzes", () => {
  it("feeds claimed submitted quizzes into the review queue, keeping the user's own cards", async () => {
    const prisma = db.prisma;
    const { lesson, questionIds } = await seedLesson(prisma, "claim-lesson", 3);
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

    expect(await users.claimGuestAttempts(userId, token, rescheduleOutcomes)).toBe(2);
    const cards = await prisma.reviewCard.findMany({ where: { userId }, orderBy: { questionId: "asc" } });
    expect(cards.map((c) => c.questionId)).toEqual([q0, q1, q2]);
    const byId = new Map(cards.map((c) => [c.questionId, c]));
    expect(byId.get(q0)!.lastReview).toEqual(submittedAt);
    expect(byId.get(q1)!.lastReview).toEqual(submittedAt); // unanswered counts as wrong, as in grading
    expect(byId.get(q1)!.due.getTime()).toBeLessThan(byId.get(q0)!.due.getTime());
    expect(byId.get(q2)).toMatchObject({ reps: 3, stability: 9 }); // the user's own card is untouched
  });
});
