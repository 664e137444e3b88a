/**
 * Integration tests for module tests on a real temporary database: the draw across a module's
 * lessons, grading and storage (kind "test", the module recorded), guests, the module-test
 * assignment (learner's list, linked attempt, gradebook column, CSV, drill-down, item analysis,
 * who may see it),
 * and quizzes started from their own page counting for the learner's open assignment.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { tempDatabase } from "@/app/lib/db/test-database";
import type * as PrismaModule from "@/app/lib/db/prisma";
import type * as AttemptsService from "@/app/lib/attempts/service";
import type * as AssignmentsService from "@/app/lib/assignments/service";
import type * as ClassesService from "@/app/lib/classes/service";
import type * as GradebookService from "@/app/lib/gradebook/service";
import type * as ModuleTests from "@/app/lib/progress/module-tests";
import type { Actor, UserActor } from "@/app/lib/auth/actor";
import type { Role } from "@/app/lib/auth/roles";

vi.mock("server-only", () => ({}));

const db = tempDatabase("module-test");
let prisma: (typeof PrismaModule)["prisma"];
let attempts: typeof AttemptsService;
let assignments: typeof AssignmentsService;
let classes: typeof ClassesService;
let gradebook: typeof GradebookService;
let moduleTests: typeof ModuleTests;

const MODULE = "mt-module";
const LESSONS = ["mt-one", "mt-two", "mt-three"];
const TEST = { kind: "module", slug: MODULE } as const;
/** Shared by a module-scope question and one lesson question: never both in one test. */
const SHARED = "Evidence mt-two 0.";

async function user(name: string, role: Role = "learner"): Promise<UserActor> {
  const row = await prisma.user.create({
    data: { email: `${randomBytes(6).toString("hex")}@e.org`, name, role },
  });
  return { kind: "user", userId: row.id, role, timezone: "UTC", name };
}

function question(lessonId: string, id: string, evidence: string, extra: Record<string, unknown> = {}) {
  return prisma.question.create({
    data: {
      id,
      lessonId,
      type: "multiple_choice",
      prompt: `Who ${id}?`,
      choices: ["Makhno", "Lenin", "Trotsky"],
      answer: "Makhno",
      evidence,
      evidenceAnchor: "p-1",
      evidenceAnchors: ["p-1"],
      keyKind: "person",
      difficulty: 0.5,
      generatorVersion: "t",
      ...extra,
    },
  });
}

beforeAll(async () => {
  await db.ready;
  ({ prisma } = await import("@/app/lib/db/prisma"));
  attempts = await import("@/app/lib/attempts/service");
  assignments = await import("@/app/lib/assignments/service");
  classes = await import("@/app/lib/classes/service");
  gradebook = await import("@/app/lib/gradebook/service");
  moduleTests = await import("@/app/lib/progress/module-tests");
  const mod = await prisma.module.create({
    data: {
      slug: MODULE,
      title: "Module: sub",
      organisation: "O",
      sourceUrl: "https://e.org",
      position: 1,
      wordCount: 1,
    },
  });
  const ids: string[] = [];
  for (const [i, slug] of LESSONS.entries()) {
    const lesson = await prisma.lesson.create({
      data: {
        slug,
        moduleId: mod.id,
        position: i + 1,
        title: `Lesson ${i + 1}`,
        wordCount: 1,
        readingMinutes: 1,
        contentHash: "h",
      },
    });
    ids.push(lesson.id);
    for (let q = 0; q < 8; q++) {
      await question(lesson.id, `${slug}-q${q}`, `Evidence ${slug} ${q}.`, {
        skill: q < 3 ? "cause" : "fact",
        type: q % 2 ? "true_false" : "multiple_choice",
        choices: q % 2 ? ["True", "False"] : ["Makhno", "Lenin", "Trotsky"],
        answer: q % 2 ? "True" : "Makhno",
      });
    }
  }
  await prisma.question.update({ where: { id: "mt-one-q7" }, data: { review: "rejected" } });
  // Module-scope chronology: evidence lines from two lessons, one of them a lesson question's.
  for (const [n, lines] of [
    [SHARED, "Evidence mt-three 9."],
    ["Evidence mt-one 9.", "Evidence mt-three 10."],
  ].entries()) {
    await question(ids[2]!, `mt-module-q${n}`, lines.join("\n"), {
      type: "ordering",
      choices: ["b", "a"],
      answer: ["a", "b"],
      scope: "module",
      skill: "sequence",
      evidenceAnchors: ["p-1", "p-2"],
      evidenceLessons: [LESSONS[1], LESSONS[2]],
    });
  }
});
afterAll(() => db.cleanup());

async function lessonOf(questionId: string): Promise<{ slug: string; scope: string }> {
  const row = await prisma.question.findUniqueOrThrow({
    where: { id: questionId },
    select: { scope: true, lesson: { select: { slug: true } } },
  });
  return { slug: row.lesson.slug, scope: row.scope };
}

describe("taking a module test", () => {
  it("draws 20 across the lessons with every module-scope question, one per evidence sentence", async () => {
    const learner = await user("Lena");
    const { quiz } = await attempts.startQuiz(learner, TEST);
    const ids = quiz.questions.map((q) => q.id);
    expect(ids).toHaveLength(20);
    expect(ids).toEqual(expect.arrayContaining(["mt-module-q0", "mt-module-q1"]));
    expect(ids).not.toContain("mt-one-q7");
    expect(ids).not.toContain("mt-two-q0");
    const perLesson = new Map<string, number>();
    for (const id of ids) {
      const { slug, scope } = await lessonOf(id);
      if (scope === "lesson") perLesson.set(slug, (perLesson.get(slug) ?? 0) + 1);
    }
    expect([...perLesson.values()].sort()).toEqual([6, 6, 6]);
    const understanding = ids.filter((id) => /-q[012]$/.test(id) && !id.startsWith("mt-module"));
    expect(understanding.length).toBeGreaterThanOrEqual(6);
    expect(quiz.target).toEqual({ kind: "module", slug: MODULE, title: "Module: sub" });
  });

  it("is stored as a module test, resumed, graded once, scheduled for review and scored on the dashboard", async () => {
    const learner = await user("Max");
    const first = await attempts.startQuiz(learner, TEST);
    const again = await attempts.startQuiz(learner, TEST);
    expect(again.resumed).toBe(true);
    expect(again.quiz.attemptId).toBe(first.quiz.attemptId);
    const row = await prisma.attempt.findUniqueOrThrow({
      where: { id: first.quiz.attemptId },
      select: { kind: true, lessonId: true, module: { select: { slug: true } }, total: true },
    });
    expect(row).toEqual({ kind: "test", lessonId: null, module: { slug: MODULE }, total: 20 });
    // A lesson quiz in progress is another attempt: the two never resume each other.
    const lessonQuiz = await attempts.startQuiz(learner, { kind: "lesson", slug: LESSONS[0]! });
    expect(lessonQuiz.quiz.attemptId).not.toBe(first.quiz.attemptId);

    const mcq = first.quiz.questions.filter((q) => q.type === "multiple_choice").slice(0, 5);
    for (const q of mcq) await attempts.saveAnswer(learner, first.quiz.attemptId, q.id, "Makhno");
    const submitted = await attempts.submitQuiz(learner, first.quiz.attemptId);
    expect(submitted.result.score).toBe(5);
    expect(submitted.result.target.kind).toBe("module");
    const repeat = await attempts.submitQuiz(learner, first.quiz.attemptId);
    expect(repeat).toMatchObject({ alreadySubmitted: true, result: { score: 5, total: 20 } });

    const item = submitted.result.items.find((i) => i.question.id === "mt-three-q0");
    if (item) expect(item.evidenceHref).toBe("/lessons/mt-three#p-1");
    const chronology = submitted.result.items.find((i) => i.question.id === "mt-module-q0");
    expect(chronology?.evidenceLinks.map((l) => l.href)).toEqual([
      "/lessons/mt-two#p-1",
      "/lessons/mt-three#p-2",
    ]);

    const cards = await prisma.reviewCard.count({
      where: { userId: learner.userId, questionId: { in: first.quiz.questions.map((q) => q.id) } },
    });
    expect(cards).toBeGreaterThan(0);
    expect(await moduleTests.getModuleTestScore(learner.userId, MODULE)).toMatchObject({
      attempts: 1,
      bestPercent: 25,
      lastPercent: 25,
      lastAttemptId: first.quiz.attemptId,
    });
    const view = await attempts.findAttemptForOwner(learner, first.quiz.attemptId);
    expect(view?.status === "submitted" && view.result.score).toBe(5);
  });

  it("works for guests, and an attempt is nobody else's", async () => {
    const guest = { kind: "guest" as const, guestToken: "g_" + randomBytes(32).toString("base64url") };
    const { quiz } = await attempts.startQuiz(guest, TEST);
    const { result } = await attempts.submitQuiz(guest, quiz.attemptId);
    expect(result).toMatchObject({ guest: true, score: 0, total: 20 });
    const other = await user("Nosy");
    expect(await attempts.findAttemptForOwner(other, quiz.attemptId)).toBeNull();
    await expect(attempts.startQuiz(guest, { kind: "module", slug: "no-such-module" })).rejects.toMatchObject(
      {
        code: "not_found",
      },
    );
  });

  it("says how many questions the test can draw", async () => {
    expect(await attempts.getQuizAvailabilityFor(TEST)).toEqual({
      questionCount: 25,
      length: 20,
      moduleScopeCount: 2,
      lessonCount: 3,
    });
  });
});

describe("the module test as an assignment", () => {
  let teacher: UserActor;
  let other: UserActor;
  let learner: UserActor;
  let outsider: UserActor;
  let classId = "";
  let testId = "";

  const base = {
    title: "",
    dueAt: "2030-04-05T23:59",
    timezone: "UTC",
    passMark: 50,
    questionsPerQuiz: 5,
    counting: "best" as const,
    reviewedOnly: false,
  };

  beforeAll(async () => {
    teacher = await user("Tess");
    other = await user("Otto", "teacher");
    learner = await user("Mia");
    outsider = await user("Olga");
    const created = await classes.createClass(teacher, { name: "9B" });
    classId = created.id;
    await classes.joinClass(learner, { code: created.joinCode }, "198.51.100.9");
    const test = await assignments.createAssignment(teacher, {
      ...base,
      classId,
      kind: "test",
      moduleSlug: MODULE,
      attemptsAllowed: "unlimited",
    });
    testId = test.id;
    expect(test.parts).toEqual([
      expect.objectContaining({
        kind: "test",
        slug: MODULE,
        key: `test:${MODULE}`,
        title: "Module test: Module",
      }),
    ]);
    expect(test.lessons).toEqual([]);
  });

  it("the learner sees it, takes it from the assignment, and the gradebook, CSV and drill-down show it", async () => {
    const now = new Date("2030-04-01T00:00:00Z");
    const mine = await assignments.listAssignedToMe(learner, now);
    expect(mine[0]?.lessons).toEqual([
      expect.objectContaining({
        kind: "test",
        slug: MODULE,
        href: `/modules/${MODULE}`,
        label: "Not started",
      }),
    ]);
    await expect(
      assignments.startAssignedLesson(learner, { assignmentId: testId, lessonSlug: LESSONS[0]! }, now),
    ).rejects.toMatchObject({ code: "not_found" });
    const started = await assignments.startAssignedLesson(
      learner,
      { assignmentId: testId, moduleSlug: MODULE },
      now,
    );
    expect(started.quiz.questions).toHaveLength(20);
    // Every lesson question right (multiple choice: Makhno, true/false: True), both chronologies blank.
    for (const q of started.quiz.questions.filter((x) => x.type !== "ordering"))
      await attempts.saveAnswer(
        learner,
        started.quiz.attemptId,
        q.id,
        q.type === "true_false" ? "True" : "Makhno",
      );
    await attempts.submitQuiz(learner, started.quiz.attemptId);
    const row = await prisma.attempt.findUniqueOrThrow({ where: { id: started.quiz.attemptId } });
    expect(row).toMatchObject({ assignmentId: testId, kind: "test" });

    const after = await assignments.listAssignedToMe(learner, now);
    expect(after[0]?.lessons[0]).toMatchObject({ label: "Passed", outcome: { counted: { percent: 90 } } });
    const { gradebook: book } = await gradebook.getGradebook(teacher, classId, testId, now);
    expect(book.lessons).toEqual([{ slug: `test:${MODULE}`, title: "Module test: Module", kind: "test" }]);
    expect(book.rows.find((r) => r.learner.name === "Mia")?.cells[0]).toMatchObject({
      status: "passed",
      counted: { percent: 90 },
    });
    const csv = await new Response(
      (await gradebook.gradebookCsv(teacher, classId, testId, now)).stream,
    ).text();
    expect(csv).toContain("Module test: Module (%),Module test: Module status");
    expect(csv).toMatch(/^Mia,[^,]+,current,90,Passed,90,1\r$/m);
    const work = await gradebook.getLearnerWork(teacher, classId, testId, learner.userId);
    expect(work.attempts.map((a) => [a.target.kind, a.score])).toEqual([["module", 18]]);
  });

  it("item analysis counts a test's answers for their questions; a class's covers the tested module's lessons", async () => {
    const test = await prisma.attempt.findFirstOrThrow({
      where: { assignmentId: testId, kind: "test", status: "submitted" },
      select: {
        responses: {
          select: {
            questionId: true,
            correct: true,
            question: { select: { lesson: { select: { slug: true } } } },
          },
        },
      },
    });
    const inFirst = test.responses.filter((r) => r.question.lesson.slug === LESSONS[0]);
    expect(inFirst.length).toBeGreaterThan(0);
    const view = await gradebook.getItemAnalysis(teacher, classId, LESSONS[0]!);
    expect(view.attempts).toBe(1);
    for (const r of inFirst)
      expect(view.items.find((i) => i.questionId === r.questionId)).toMatchObject({
        answers: 1,
        right: r.correct ? 1 : 0,
      });
    // Questions the test did not ask stay unanswered.
    const asked = new Set(inFirst.map((r) => r.questionId));
    for (const item of view.items.filter((i) => !asked.has(i.questionId))) expect(item.answers).toBe(0);
    // The class's only assignment is the test: its analysis covers every lesson of the module,
    // reading the attempts and the questions once for all of them.
    const attemptReads = vi.spyOn(prisma.attempt, "findMany");
    const questionReads = vi.spyOn(prisma.question, "findMany");
    const all = await gradebook.getClassItemAnalysis(teacher, classId, null);
    expect([attemptReads.mock.calls.length, questionReads.mock.calls.length]).toEqual([1, 1]);
    attemptReads.mockRestore();
    questionReads.mockRestore();
    expect(all.map((v) => v.lesson.slug)).toEqual(LESSONS);
    expect(all.reduce((n, v) => n + v.items.reduce((m, i) => m + i.answers, 0), 0)).toBe(
      test.responses.length,
    );
    await expect(gradebook.getItemAnalysis(other, classId, LESSONS[0]!)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("another teacher and the learner get 404 on the teacher's side", async () => {
    for (const actor of [other, learner, outsider] as Actor[]) {
      await expect(gradebook.getGradebook(actor, classId, testId)).rejects.toMatchObject({
        code: "not_found",
      });
      await expect(gradebook.gradebookCsv(actor, classId, testId)).rejects.toMatchObject({
        code: "not_found",
      });
      await expect(gradebook.getLearnerWork(actor, classId, testId, learner.userId)).rejects.toMatchObject({
        code: "not_found",
      });
      await expect(
        assignments.createAssignment(actor, {
          ...base,
          classId,
          kind: "test",
          moduleSlug: MODULE,
          attemptsAllowed: "1",
        }),
      ).rejects.toMatchObject({ code: "not_found" });
    }
    await expect(
      assignments.startAssignedLesson(outsider, { assignmentId: testId, moduleSlug: MODULE }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("a quiz or test started from its own page counts for the learner's open assignment, decided by the server", async () => {
    const now = new Date("2030-04-02T00:00:00Z");
    const once = await assignments.createAssignment(teacher, {
      ...base,
      classId,
      kind: "lessons",
      moduleSlug: MODULE,
      lessonSlugs: [LESSONS[1]!],
      attemptsAllowed: "1",
    });
    const lesson = { kind: "lesson", slug: LESSONS[1]! } as const;
    const linkOf = async (id: string) =>
      (await prisma.attempt.findUniqueOrThrow({ where: { id }, select: { assignmentId: true } }))
        .assignmentId;

    const retake = await assignments.startQuizFromPage(learner, lesson, now);
    expect(retake.quiz.questions).toHaveLength(5);
    expect(await linkOf(retake.quiz.attemptId)).toBe(once.id);
    await attempts.submitQuiz(learner, retake.quiz.attemptId);
    // The one attempt allowed is used: the next one is self-study.
    const extra = await assignments.startQuizFromPage(learner, lesson, now);
    expect(await linkOf(extra.quiz.attemptId)).toBeNull();

    const test = await assignments.startQuizFromPage(learner, TEST, now);
    expect(await linkOf(test.quiz.attemptId)).toBe(testId);
    await attempts.submitQuiz(learner, test.quiz.attemptId);

    // Not for learners outside the class, guests, or once the teacher closes the assignment.
    const solo = await assignments.startQuizFromPage(outsider, TEST, now);
    expect(await linkOf(solo.quiz.attemptId)).toBeNull();
    const guest = { kind: "guest" as const, guestToken: "g_" + randomBytes(32).toString("base64url") };
    const guestTest = await assignments.startQuizFromPage(guest, TEST, now);
    expect(await linkOf(guestTest.quiz.attemptId)).toBeNull();
    await assignments.setAssignmentClosed(teacher, { classId, assignmentId: testId, closed: true });
    const closed = await assignments.startQuizFromPage(learner, TEST, new Date());
    expect(await linkOf(closed.quiz.attemptId)).toBeNull();
  });
});
