/**
 * Integration tests for taking a quiz, on a real temporary SQLite database (migrated with the
 * project's own migrations): the domain service (app/lib/attempts/service) over the data layer.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { tempDatabase } from "@/app/lib/db/test-database";
import type { LearnerAnswer } from "@/app/lib/quiz/public-question";
import type * as ServiceModule from "@/app/lib/attempts/service";
import type * as PrismaModule from "@/app/lib/db/prisma";

vi.mock("server-only", () => ({}));

const db = tempDatabase("attempts");
let service: typeof ServiceModule;
let prisma: (typeof PrismaModule)["prisma"];

const LESSON = "test-lesson";
const OTHER_LESSON = "other-lesson";
/** Question id → a right and a wrong answer, as a learner would send them. */
const KEY = new Map<string, { right: LearnerAnswer; wrong: LearnerAnswer }>();

type UserOwner = { kind: "user"; userId: string };
type GuestOwner = { kind: "guest"; guestToken: string };
type Owner = UserOwner | GuestOwner;

/** A guest of its own for one test, so no test sees another test's attempts. */
function newGuest(): GuestOwner {
  return { kind: "guest", guestToken: "g_" + randomBytes(32).toString("base64url") };
}

/** A learner of their own for one test. */
async function newUser(): Promise<UserOwner> {
  const user = await prisma.user.create({
    data: { email: `${randomBytes(8).toString("hex")}@example.org`, name: "Learner" },
  });
  return { kind: "user", userId: user.id };
}

async function seedQuestions(lessonId: string, slug: string, count: number) {
  for (let i = 0; i < count; i++) {
    const id = `q-${slug}-${String(i).padStart(2, "0")}`;
    const common = {
      id,
      lessonId,
      prompt: `Prompt ${i} _____`,
      evidence: `Evidence sentence number ${i} of ${slug}.`,
      evidenceAnchor: `p-${i}`,
      evidenceAnchors: [`p-${i}`],
      keyKind: "term",
      difficulty: 0.5,
      generatorVersion: "test",
    };
    switch (i % 5) {
      case 0:
        await prisma.question.create({
          data: {
            ...common,
            type: "multiple_choice",
            choices: ["Lenin", "Trotsky", "Makhno", "Kerensky"],
            answer: "Makhno",
          },
        });
        KEY.set(id, { right: "Makhno", wrong: "Lenin" });
        break;
      case 1:
        await prisma.question.create({
          data: { ...common, type: "fill_blank", answer: "Kronstadt", accepted: ["Kronshtadt"] },
        });
        KEY.set(id, { right: "kronstad", wrong: "Petrograd" });
        break;
      case 2:
        await prisma.question.create({
          data: { ...common, type: "true_false", choices: ["True", "False"], answer: "True" },
        });
        KEY.set(id, { right: "True", wrong: "False" });
        break;
      case 3:
        await prisma.question.create({
          data: { ...common, type: "ordering", choices: ["c", "a", "b"], answer: ["a", "b", "c"] },
        });
        // No event in its place: wrong, with no partial credit.
        KEY.set(id, { right: ["a", "b", "c"], wrong: ["b", "c", "a"] });
        break;
      case 4:
        await prisma.question.create({
          data: {
            ...common,
            type: "matching",
            choices: ["y", "x"],
            answer: [
              ["A", "x"],
              ["B", "y"],
            ],
          },
        });
        KEY.set(id, {
          right: [
            ["A", "x"],
            ["B", "y"],
          ],
          wrong: [
            ["A", "y"],
            ["B", "x"],
          ],
        });
        break;
    }
  }
}

beforeAll(async () => {
  await db.ready;
  ({ prisma } = await import("@/app/lib/db/prisma"));
  service = await import("@/app/lib/attempts/service");
  const mod = await prisma.module.create({
    data: {
      slug: "test-module",
      title: "Test",
      organisation: "Org",
      sourceUrl: "https://example.org",
      position: 1,
      wordCount: 10,
    },
  });
  for (const [i, slug] of [LESSON, OTHER_LESSON].entries()) {
    const lesson = await prisma.lesson.create({
      data: {
        slug,
        moduleId: mod.id,
        position: i + 1,
        title: `Lesson ${slug}`,
        wordCount: 100,
        readingMinutes: 1,
        contentHash: "h",
      },
    });
    await seedQuestions(lesson.id, slug, slug === LESSON ? 15 : 3);
  }
  await prisma.lesson.create({
    data: {
      slug: "empty-lesson",
      moduleId: mod.id,
      position: 3,
      title: "Empty",
      wordCount: 1,
      readingMinutes: 1,
      contentHash: "h",
    },
  });
});
afterAll(() => db.cleanup());

async function start(owner: Owner, slug = LESSON) {
  return service.startQuiz(owner, { kind: "lesson", slug });
}

describe("starting a quiz", () => {
  it("draws 10 questions with a stored seed, fewer for a small bank, and reports an empty lesson", async () => {
    const guest = newGuest();
    const res = await start(guest);
    expect(res.resumed).toBe(false);
    expect(res.quiz.questions).toHaveLength(10);
    const row = await prisma.attempt.findUniqueOrThrow({ where: { id: res.quiz.attemptId } });
    expect(row).toMatchObject({
      status: "in_progress",
      total: 10,
      guestToken: guest.guestToken,
      userId: null,
    });
    expect(row.questionIds).toEqual(res.quiz.questions.map((q) => q.id));
    expect(typeof row.seed).toBe("number");

    const small = await start(guest, OTHER_LESSON);
    expect(small.quiz.questions).toHaveLength(3);
    await expect(service.startQuiz(guest, { kind: "lesson", slug: "empty-lesson" })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(service.startQuiz(guest, { kind: "lesson", slug: "nope" })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("sends only public shapes: no key, accepted forms or evidence", async () => {
    const guest = newGuest();
    const res = await start(guest);
    const json = JSON.stringify(res);
    expect(json).not.toMatch(/"(answer|accepted|evidence|evidenceAnchor|correct|expected)"/);
    expect(json).not.toContain("Evidence sentence");
    expect(json).not.toContain("Kronstadt");
  });

  it("resumes the in-progress attempt with its saved answers instead of drawing again", async () => {
    const bob = await newUser();
    const first = await start(bob);
    const q = first.quiz.questions[0]!;
    expect(await service.saveAnswer(bob, first.quiz.attemptId, q.id, KEY.get(q.id)!.wrong)).toBeUndefined();
    // Replacing an answer keeps one response per question.
    expect(await service.saveAnswer(bob, first.quiz.attemptId, q.id, KEY.get(q.id)!.right)).toBeUndefined();
    const again = await start(bob);
    expect(again.resumed).toBe(true);
    expect(again.quiz.attemptId).toBe(first.quiz.attemptId);
    expect(again.quiz.questions).toEqual(first.quiz.questions); // same seeded order and choices
    expect(again.quiz.saved).toEqual({ [q.id]: KEY.get(q.id)!.right });
    expect(await prisma.response.count({ where: { attemptId: first.quiz.attemptId } })).toBe(1);
    // Two starts at once still make one attempt.
    const [x, y] = await Promise.all([start(bob, OTHER_LESSON), start(bob, OTHER_LESSON)]);
    expect(x.quiz.attemptId).toBe(y.quiz.attemptId);
  });
});

describe("submitting", () => {
  it("grades once and stores the score, every response's correctness and the review schedule together", async () => {
    const alice = await newUser();
    const { quiz } = await start(alice);
    const ids = quiz.questions.map((q) => q.id);
    // 4 right, 3 wrong, 3 unanswered.
    for (const [i, id] of ids.slice(0, 7).entries()) {
      const answer = i < 4 ? KEY.get(id)!.right : KEY.get(id)!.wrong;
      expect(await service.saveAnswer(alice, quiz.attemptId, id, answer)).toBeUndefined();
    }
    const now = new Date("2026-01-05T10:00:00Z");
    const res = await service.submitQuiz(alice, quiz.attemptId, now);
    expect(res.alreadySubmitted).toBe(false);
    expect(res.result).toMatchObject({ score: 4, total: 10, guest: false });
    expect(res.result.items.map((i) => i.correct)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    for (const item of res.result.items) {
      expect(item.evidenceHref).toMatch(new RegExp(`^/lessons/${LESSON}#p-\\d+$`));
      expect(item.evidence).toContain("Evidence sentence");
    }

    const row = await prisma.attempt.findUniqueOrThrow({
      where: { id: quiz.attemptId },
      include: { responses: true },
    });
    expect(row).toMatchObject({ status: "submitted", score: 4 });
    expect(row.submittedAt?.toISOString()).toBe(now.toISOString());
    expect(row.responses).toHaveLength(10); // unanswered ones are stored too, as wrong
    expect(row.responses.filter((r) => r.correct === true)).toHaveLength(4);
    expect(row.responses.filter((r) => r.correct === false)).toHaveLength(6);
    expect(row.responses.filter((r) => r.answer === null)).toHaveLength(3);
    const cards = await prisma.reviewCard.findMany({
      where: { userId: alice.userId },
    });
    expect(cards.map((c) => c.questionId).sort()).toEqual([...ids].sort());
  });

  it("a repeated or concurrent submit never grades twice or changes the score", async () => {
    const alice = await newUser();
    const { quiz } = await start(alice, OTHER_LESSON);
    const ids = quiz.questions.map((q) => q.id);
    await service.saveAnswer(alice, quiz.attemptId, ids[0]!, KEY.get(ids[0]!)!.right);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => service.submitQuiz(alice, quiz.attemptId)),
    );
    const ok = results;
    expect(ok.filter((r) => !r.alreadySubmitted)).toHaveLength(1);
    expect(new Set(ok.map((r) => r.result.score))).toEqual(new Set([1]));
    // Answers after submission are refused; a later submit returns the stored result unchanged.
    await expect(
      service.saveAnswer(alice, quiz.attemptId, ids[1]!, KEY.get(ids[1]!)!.right),
    ).rejects.toMatchObject({ code: "conflict" });
    const later = await service.submitQuiz(alice, quiz.attemptId);
    expect(later).toMatchObject({ alreadySubmitted: true, result: { score: 1, total: 3 } });
    const cards = await prisma.reviewCard.findMany({
      where: { userId: alice.userId, questionId: { in: ids } },
    });
    expect(cards.map((c) => c.reps)).toEqual([1, 1, 1]); // scheduled once, not eight times
    expect(await prisma.response.count({ where: { attemptId: quiz.attemptId } })).toBe(3);
  });

  it("guests get a result and no review schedule; a retake meets new questions first", async () => {
    const g = newGuest();
    const first = await start(g);
    const cardsBefore = await prisma.reviewCard.count();
    const res = await service.submitQuiz(g, first.quiz.attemptId);
    expect(res).toMatchObject({ result: { score: 0, total: 10, guest: true } });
    expect(await prisma.reviewCard.count()).toBe(cardsBefore);
    const second = await start(g);
    expect(second.quiz.attemptId).not.toBe(first.quiz.attemptId);
    const met = new Set(first.quiz.questions.map((q) => q.id));
    // 15 questions: the 5 unseen ones all come back first, topped up with 5 missed ones.
    expect(second.quiz.questions.filter((q) => !met.has(q.id))).toHaveLength(5);
  });
});

describe("partial credit", () => {
  const SLUG = "partial-lesson";
  const ORDER = [
    "the strike began",
    "the mutiny broke out",
    "the sailors were crushed",
    "factions were banned",
  ];
  const PAIRS: [string, string][] = [
    ["Makhno", "Ukraine"],
    ["Kronstadt", "sailors"],
    ["Kerensky", "Provisional Government"],
    ["Lenin", "Bolsheviks"],
  ];

  beforeAll(async () => {
    const mod = await prisma.module.findUniqueOrThrow({ where: { slug: "test-module" } });
    const lesson = await prisma.lesson.create({
      data: {
        slug: SLUG,
        moduleId: mod.id,
        position: 9,
        title: "Partial",
        wordCount: 100,
        readingMinutes: 1,
        contentHash: "h",
      },
    });
    const common = { lessonId: lesson.id, keyKind: "time", difficulty: 0.5, generatorVersion: "test" };
    const lines = [
      "In February 1917, the strike began.",
      "The mutiny broke out in March 1921.",
      "On 17 March 1921, the sailors were crushed.",
      "In 1922 factions were banned.",
    ];
    await prisma.question.create({
      data: {
        ...common,
        id: "q-partial-ordering",
        type: "ordering",
        prompt: "Put these events in order.",
        choices: [...ORDER].reverse(),
        answer: ORDER,
        evidence: lines.join("\n"),
        evidenceAnchor: "p-1",
        evidenceAnchors: ["p-1", "p-2", "p-3", "p-4"],
      },
    });
    await prisma.question.create({
      data: {
        ...common,
        id: "q-partial-matching",
        type: "matching",
        prompt: "Match each name with what the lesson ties it to.",
        choices: PAIRS.map((p) => p[1]).reverse(),
        answer: PAIRS,
        evidence: "Makhno fought in Ukraine.",
        evidenceAnchor: "p-5",
        evidenceAnchors: ["p-5"],
      },
    });
    await prisma.question.create({
      data: {
        ...common,
        id: "q-partial-mc",
        type: "multiple_choice",
        prompt: "Who led the Insurgent Army? _____",
        choices: ["Lenin", "Trotsky", "Makhno", "Kerensky"],
        answer: "Makhno",
        evidence: "Makhno led it.",
        evidenceAnchor: "p-6",
        evidenceAnchors: ["p-6"],
      },
    });
  });

  /** Two of four events in place (0.5), two of four pairs right (0.5), one right choice (1). */
  async function partlyRight(owner: Owner) {
    const { quiz } = await start(owner, SLUG);
    await service.saveAnswer(owner, quiz.attemptId, "q-partial-ordering", [
      ORDER[0]!,
      ORDER[1]!,
      ORDER[3]!,
      ORDER[2]!,
    ]);
    await service.saveAnswer(owner, quiz.attemptId, "q-partial-matching", [
      PAIRS[0]!,
      PAIRS[1]!,
      [PAIRS[2]![0], PAIRS[3]![1]],
      [PAIRS[3]![0], PAIRS[2]![1]],
    ]);
    await service.saveAnswer(owner, quiz.attemptId, "q-partial-mc", "Makhno");
    return quiz.attemptId;
  }

  it("counts the share of events in place and of pairs right in the stored score", async () => {
    const alice = await newUser();
    const attemptId = await partlyRight(alice);
    const { result } = await service.submitQuiz(alice, attemptId);
    expect(result).toMatchObject({ score: 2, total: 3 });
    const byId = new Map(result.items.map((i) => [i.question.id, i]));
    expect(byId.get("q-partial-ordering")).toMatchObject({ correct: false, credit: 0.5 });
    expect(byId.get("q-partial-matching")).toMatchObject({ correct: false, credit: 0.5 });
    expect(byId.get("q-partial-mc")).toMatchObject({ correct: true, credit: 1 });
    const row = await prisma.attempt.findUniqueOrThrow({
      where: { id: attemptId },
      include: { responses: true },
    });
    expect(row.score).toBe(2);
    expect(Object.fromEntries(row.responses.map((r) => [r.questionId, [r.correct, r.credit]]))).toEqual({
      "q-partial-ordering": [false, 0.5],
      "q-partial-matching": [false, 0.5],
      "q-partial-mc": [true, 1],
    });
    // Mastery and the dashboard read the same stored figure.
    const { getScoredAttempts } = await import("@/app/lib/db/progress");
    const scored = await getScoredAttempts(alice.userId);
    expect(scored.map((a) => [a.score, a.total])).toEqual([[2, 3]]);
  });

  it("three of four pairs right earn 0.75, shown as a fraction of a mark", async () => {
    const g = newGuest();
    const { quiz } = await start(g, SLUG);
    await service.saveAnswer(g, quiz.attemptId, "q-partial-matching", [
      PAIRS[0]!,
      PAIRS[1]!,
      PAIRS[2]!,
      [PAIRS[3]![0], PAIRS[2]![1]],
    ]);
    const { result } = await service.submitQuiz(g, quiz.attemptId);
    expect(result.score).toBe(0.75);
    expect(result.items.find((i) => i.question.id === "q-partial-matching")?.credit).toBe(0.75);
  });

  it("grading the stored answers again gives the stored score, to the last digit", async () => {
    const bob = await newUser();
    const attemptId = await partlyRight(bob);
    const first = await service.submitQuiz(bob, attemptId);
    const row = await prisma.attempt.findUniqueOrThrow({
      where: { id: attemptId },
      include: { responses: true },
    });
    const { questionSelect } = await import("@/app/lib/db/question-select");
    const questions = await prisma.question.findMany({
      where: { id: { in: row.responses.map((r) => r.questionId) } },
      select: questionSelect,
    });
    const regraded = service.scoreGrades(
      service.gradeResponses(
        questions,
        row.responses.map((r) => ({
          questionId: r.questionId,
          answer: r.answer,
          correct: null,
          credit: null,
        })),
      ),
    );
    expect(regraded).toBe(row.score);
    expect(regraded).toBe(first.result.score);
    const again = await service.submitQuiz(bob, attemptId);
    expect(again).toMatchObject({ alreadySubmitted: true, result: { score: first.result.score } });
    const viewed = await service.findAttemptForOwner(bob, attemptId);
    expect(viewed?.status === "submitted" && viewed.result.score).toBe(first.result.score);
  });

  it("shows the right order of a chronology question with the date the text gives each event", async () => {
    const g = newGuest();
    const { quiz } = await start(g, SLUG);
    const { result } = await service.submitQuiz(g, quiz.attemptId);
    const item = result.items.find((i) => i.question.id === "q-partial-ordering");
    expect(item?.expected).toEqual(ORDER);
    expect(item?.expectedDates).toEqual(["February 1917", "March 1921", "17 March 1921", "1922"]);
  });
});

describe("refusing what is not yours or not in the attempt", () => {
  it("a foreign attempt is rejected everywhere and left unchanged", async () => {
    const [otherGuest, guest, alice] = [newGuest(), newGuest(), await newUser()];
    const { quiz } = await start(otherGuest);
    const q = quiz.questions[0]!;
    await service.saveAnswer(otherGuest, quiz.attemptId, q.id, KEY.get(q.id)!.wrong);
    const before = await prisma.attempt.findUniqueOrThrow({
      where: { id: quiz.attemptId },
      include: { responses: true },
    });

    for (const intruder of [alice, guest]) {
      await expect(
        service.saveAnswer(intruder, quiz.attemptId, q.id, KEY.get(q.id)!.right),
      ).rejects.toMatchObject({ code: "not_found" });
      await expect(service.submitQuiz(intruder, quiz.attemptId)).rejects.toMatchObject({ code: "not_found" });
      expect(await service.findAttemptForOwner(intruder, quiz.attemptId)).toBeNull();
      await expect(service.getAttemptForOwner(intruder, quiz.attemptId)).rejects.toMatchObject({
        code: "not_found",
        status: 404,
      });
    }
    // A user cannot reach a guest attempt by sending a matching token in a body: owners come from the session.
    const after = await prisma.attempt.findUniqueOrThrow({
      where: { id: quiz.attemptId },
      include: { responses: true },
    });
    expect(after).toEqual(before);
  });

  it("answers for questions outside the attempt, or that do not fit the question, are rejected", async () => {
    const guest = newGuest();
    const { quiz } = await start(guest);
    const drawn = new Set(quiz.questions.map((q) => q.id));
    const outside = [...KEY.keys()].find((id) => id.startsWith(`q-${LESSON}`) && !drawn.has(id))!;
    const otherLessons = [...KEY.keys()].find((id) => id.startsWith(`q-${OTHER_LESSON}`))!;
    for (const id of [outside, otherLessons, "q-does-not-exist"]) {
      await expect(service.saveAnswer(guest, quiz.attemptId, id, "x")).rejects.toMatchObject({
        code: "bad_request",
        fieldErrors: { questionId: ["Not part of this attempt."] },
      });
    }
    const mc = quiz.questions.find((q) => q.type === "multiple_choice")!;
    await expect(service.saveAnswer(guest, quiz.attemptId, mc.id, "Stalin")).rejects.toMatchObject({
      code: "bad_request",
    });
    await expect(service.saveAnswer(guest, quiz.attemptId, mc.id, ["Lenin"])).rejects.toMatchObject({
      code: "bad_request",
    });
    const ord = quiz.questions.find((q) => q.type === "ordering")!;
    await expect(service.saveAnswer(guest, quiz.attemptId, ord.id, ["a", "a", "b"])).rejects.toMatchObject({
      code: "bad_request",
    });
    await expect(
      service.saveAnswer(guest, "c0000000000000000000000000", mc.id, "Lenin"),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await prisma.response.count({ where: { attemptId: quiz.attemptId } })).toBe(0);
  });

  it("input schemas bound ids, strings and lists", async () => {
    const { saveAnswerInput, submitQuizInput, startQuizInput } = await import("@/app/lib/attempts/schemas");
    expect(
      saveAnswerInput.safeParse({ attemptId: "c123456789", questionId: "q-1", answer: "x".repeat(2_000) })
        .success,
    ).toBe(false);
    expect(
      saveAnswerInput.safeParse({ attemptId: "c123456789", questionId: "q-1", answer: Array(9).fill("x") })
        .success,
    ).toBe(false);
    expect(
      saveAnswerInput.safeParse({ attemptId: "c123456789", questionId: "q-1", answer: { a: 1 } }).success,
    ).toBe(false);
    expect(
      saveAnswerInput.safeParse({ attemptId: "c123456789", questionId: "q-1", answer: "ok", userId: "x" })
        .success,
    ).toBe(false);
    expect(submitQuizInput.safeParse({ attemptId: "../../x" }).success).toBe(false);
    expect(startQuizInput.safeParse({ lessonSlug: "A B" }).success).toBe(false);
  });
});
