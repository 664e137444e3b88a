/**
 * Integration tests for question reports on a real temporary database: who may report which
 * question, one report per question and reporter, the input rules, and what the review queue shows.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { tempDatabase } from "@/app/lib/db/test-database";
import type { GuestActor, UserActor } from "@/app/lib/auth/actor";
import type * as ServiceModule from "@/app/lib/attempts/service";
import type * as ReportsModule from "@/app/lib/quiz/reports";
import type * as QueueModule from "@/app/lib/quiz/review-queue";
import type * as PrismaModule from "@/app/lib/db/prisma";

vi.mock("server-only", () => ({}));

const db = tempDatabase("question_reports");
let service: typeof ServiceModule;
let reports: typeof ReportsModule;
let queue: typeof QueueModule;
let prisma: (typeof PrismaModule)["prisma"];

const LESSON = "report-lesson";

function newGuest(): GuestActor {
  return { kind: "guest", guestToken: "g_" + randomBytes(32).toString("base64url") };
}

async function newUser(role: UserActor["role"] = "learner"): Promise<UserActor> {
  const user = await prisma.user.create({
    data: { email: `${randomBytes(8).toString("hex")}@example.org`, name: "Someone", role },
  });
  return { kind: "user", userId: user.id, role, timezone: "UTC", name: user.name };
}

/** A submitted (or, with submit=false, in-progress) attempt and its question ids. */
async function attemptOf(actor: UserActor | GuestActor, submit = true) {
  const { quiz } = await service.startQuiz(actor, { kind: "lesson", slug: LESSON });
  if (submit) await service.submitQuiz(actor, quiz.attemptId);
  return { attemptId: quiz.attemptId, questionIds: quiz.questions.map((q) => q.id) };
}

const input = (attemptId: string, questionId: string, reason: string, note?: string) =>
  reports.reportQuestionInput.parse({
    attemptId,
    questionId,
    reason,
    ...(note === undefined ? {} : { note }),
  });

beforeAll(async () => {
  await db.ready;
  ({ prisma } = await import("@/app/lib/db/prisma"));
  service = await import("@/app/lib/attempts/service");
  reports = await import("@/app/lib/quiz/reports");
  queue = await import("@/app/lib/quiz/review-queue");
  const mod = await prisma.module.create({
    data: {
      slug: "m",
      title: "M",
      organisation: "O",
      sourceUrl: "https://example.org",
      position: 1,
      wordCount: 1,
    },
  });
  const lesson = await prisma.lesson.create({
    data: {
      slug: LESSON,
      moduleId: mod.id,
      position: 1,
      title: "Report lesson",
      wordCount: 100,
      readingMinutes: 1,
      contentHash: "h",
    },
  });
  for (let i = 0; i < 4; i++)
    await prisma.question.create({
      data: {
        id: `rq-${i}`,
        lessonId: lesson.id,
        type: "multiple_choice",
        prompt: `Who led group ${i}?`,
        choices: ["Lenin", "Trotsky", "Makhno", "Kerensky"],
        answer: "Makhno",
        evidence: `Evidence ${i}.`,
        evidenceAnchor: `p-${i}`,
        evidenceAnchors: [`p-${i}`],
        keyKind: "person",
        difficulty: 0.5,
        generatorVersion: "test",
      },
    });
});
afterAll(() => db.cleanup());

describe("reporting a question", () => {
  it("stores one report per question and reporter; a second report replaces the first", async () => {
    const guest = newGuest();
    const { attemptId, questionIds } = await attemptOf(guest);
    // The bank is smaller than a quiz, so every attempt holds every question.
    const q = "rq-0";
    expect(questionIds).toContain(q);
    await reports.reportQuestion(guest, input(attemptId, q, "unclear", "  Which group?  "));
    await reports.reportQuestion(guest, input(attemptId, q, "two_answers"));
    const rows = await prisma.questionReport.findMany({ where: { questionId: q } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      reporter: `guest:${guest.guestToken}`,
      guestToken: guest.guestToken,
      userId: null,
      reason: "two_answers",
      note: "",
    });

    const learner = await newUser();
    const theirs = await attemptOf(learner);
    await reports.reportQuestion(learner, input(theirs.attemptId, q, "wrong_key", "  Lenin fits too.  "));
    const mine = await prisma.questionReport.findFirstOrThrow({
      where: { questionId: q, userId: learner.userId },
    });
    expect(mine).toMatchObject({
      reporter: `user:${learner.userId}`,
      reason: "wrong_key",
      note: "Lenin fits too.",
    });
    expect(await prisma.questionReport.count({ where: { questionId: q } })).toBe(2);
  });

  it("accepts only a question of the reporter's own submitted attempt", async () => {
    const guest = newGuest();
    const open = await attemptOf(guest, false);
    await expect(
      reports.reportQuestion(guest, input(open.attemptId, open.questionIds[0]!, "unclear")),
    ).rejects.toMatchObject({ code: "conflict" });

    const other = await newUser();
    const done = await attemptOf(other);
    // Someone else's attempt behaves like a missing one.
    await expect(
      reports.reportQuestion(guest, input(done.attemptId, done.questionIds[0]!, "unclear")),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      reports.reportQuestion(other, input(done.attemptId, "rq-not-there", "unclear")),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await prisma.questionReport.count({ where: { userId: other.userId } })).toBe(0);
  });

  it("validates the input: a known reason, a note of at most 500 characters, no extra fields", () => {
    const ok = { attemptId: "attempt-1234", questionId: "rq-0", reason: "other" };
    expect(reports.reportQuestionInput.parse(ok).note).toBe("");
    expect(reports.reportQuestionInput.safeParse({ ...ok, note: "x".repeat(500) }).success).toBe(true);
    expect(reports.reportQuestionInput.safeParse({ ...ok, note: "x".repeat(501) }).success).toBe(false);
    expect(reports.reportQuestionInput.safeParse({ ...ok, reason: "boring" }).success).toBe(false);
    expect(reports.reportQuestionInput.safeParse({ ...ok, userId: "someone" }).success).toBe(false);
  });
});

describe("reports in the review queue", () => {
  it("shows each question's report count, reasons and notes to a teacher only", async () => {
    const q = "rq-3";
    const a = newGuest();
    const b = newGuest();
    const c = await newUser();
    for (const [actor, reason, note] of [
      [a, "wrong_key", "The key should be Lenin."],
      [b, "wrong_key", ""],
      [c, "unclear", "Which year?"],
    ] as const) {
      const { attemptId } = await attemptOf(actor);
      await reports.reportQuestion(actor, input(attemptId, q, reason, note));
    }
    const teacher = await newUser("teacher");
    const { items } = await queue.getReviewQueue(teacher, LESSON);
    const item = items.find((i) => i.id === q);
    expect(item?.reports?.count).toBe(3);
    expect(item?.reports?.reasons).toEqual([
      { reason: "wrong_key", label: "The right answer is wrong", count: 2 },
      { reason: "unclear", label: "The question is unclear", count: 1 },
    ]);
    expect([...(item?.reports?.notes ?? [])].sort()).toEqual(["The key should be Lenin.", "Which year?"]);
    expect(items.find((i) => i.id === "rq-1")?.reports).toBeNull(); // never reported
    await expect(queue.getReviewQueue(c, LESSON)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("open reports per lesson", () => {
  it("counts reports made since each question's latest review decision, for reviewers only", async () => {
    const { getGuide } = await import("@/app/lib/content");
    const first = getGuide().modules[0]!.lessons[0]!;
    const mod = await prisma.module.findFirstOrThrow({ where: { slug: "m" } });
    const lesson = await prisma.lesson.create({
      data: {
        slug: first.slug,
        moduleId: mod.id,
        position: 2,
        title: first.title,
        wordCount: 100,
        readingMinutes: 1,
        contentHash: "h",
      },
    });
    for (let i = 0; i < 3; i++)
      await prisma.question.create({
        data: {
          id: `oq-${i}`,
          lessonId: lesson.id,
          type: "multiple_choice",
          prompt: `Who led group ${i}?`,
          choices: ["Lenin", "Trotsky", "Makhno", "Kerensky"],
          answer: "Makhno",
          evidence: `Evidence ${i}.`,
          evidenceAnchor: `p-${i}`,
          evidenceAnchors: [`p-${i}`],
          keyKind: "person",
          difficulty: 0.5,
          generatorVersion: "test",
        },
      });
    const report = (questionId: string, reporter: string, reason = "unclear") =>
      prisma.questionReport.create({ data: { questionId, reporter, guestToken: reporter, reason } });
    const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
    const teacher = await newUser("teacher");

    // oq-0: two reports, never reviewed. oq-1: one report, then approved (handled).
    // oq-2: reported, rejected, then reported again by someone else.
    await report("oq-0", "guest:a", "wrong_key");
    await report("oq-0", "guest:b");
    await report("oq-1", "guest:a");
    await report("oq-2", "guest:a");
    await tick();
    await queue.reviewQuestion(teacher, { lessonSlug: first.slug, questionId: "oq-1", decision: "approve" });
    await queue.reviewQuestion(teacher, { lessonSlug: first.slug, questionId: "oq-2", decision: "reject" });
    await tick();
    await report("oq-2", "guest:c", "two_answers");

    expect((await reports.openReportsByLesson()).get(first.slug)).toEqual({
      openReports: 3,
      reportedQuestions: 2,
    });

    const index = await queue.getReviewIndex(teacher);
    const lessons = index.modules.flatMap((m) => m.lessons);
    expect(lessons.map((l) => l.slug)).toEqual(
      getGuide().modules.flatMap((m) => m.lessons.map((l) => l.slug)),
    );
    expect(lessons.find((l) => l.slug === first.slug)).toMatchObject({
      openReports: 3,
      reportedQuestions: 2,
    });
    // The other test lesson is not in the guide, so only this lesson's reports are listed.
    expect(lessons.filter((l) => l.openReports > 0)).toHaveLength(1);
    expect(index).toMatchObject({ openReports: 3, reportedQuestions: 2 });

    const { items } = await queue.getReviewQueue(teacher, first.slug);
    const open = Object.fromEntries(items.map((i) => [i.id, [i.reports?.count, i.reports?.open]]));
    expect(open).toEqual({ "oq-0": [2, 2], "oq-1": [1, 0], "oq-2": [2, 1] });

    expect(await queue.reportedQuestionsToReview(teacher)).toBe(2);
    const learner = await newUser();
    expect(await queue.reportedQuestionsToReview(learner)).toBeNull();
    expect(await queue.reportedQuestionsToReview(null)).toBeNull();
    await expect(queue.getReviewIndex(learner)).rejects.toMatchObject({ code: "not_found" });
  });
});
