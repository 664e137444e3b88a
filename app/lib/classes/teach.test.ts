/**
 * Integration tests for the teacher side on a real temporary database: classes, joining,
 * assignments linked to quizzes, the gradebook and its CSV, item analysis, the review queue,
 * and an authorisation matrix over every teacher-side domain function.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { tempDatabase } from "@/app/lib/db/test-database";
import type * as PrismaModule from "@/app/lib/db/prisma";
import type * as ClassesService from "@/app/lib/classes/service";
import type * as AssignmentsService from "@/app/lib/assignments/service";
import type * as GradebookService from "@/app/lib/gradebook/service";
import type * as ReviewQueue from "@/app/lib/quiz/review-queue";
import type * as AttemptsService from "@/app/lib/attempts/service";
import type { Actor } from "@/app/lib/auth/actor";
import type { Role } from "@/app/lib/auth/roles";

vi.mock("server-only", () => ({}));

const db = tempDatabase("teach");
let prisma: (typeof PrismaModule)["prisma"];
let classes: typeof ClassesService;
let assignments: typeof AssignmentsService;
let gradebook: typeof GradebookService;
let review: typeof ReviewQueue;
let attempts: typeof AttemptsService;

const LESSONS = ["teach-one", "teach-two"];
const people: Record<string, Actor | null> = {};
let classId = "";
let joinCode = "";
let assignmentId = "";
const ADDRESS = "198.51.100.7";

async function user(email: string, name: string, role: Role = "learner"): Promise<Actor> {
  const row = await prisma.user.create({ data: { email, name, role } });
  return { kind: "user", userId: row.id, role, timezone: "Europe/London", name };
}

beforeAll(async () => {
  await db.ready;
  ({ prisma } = await import("@/app/lib/db/prisma"));
  classes = await import("@/app/lib/classes/service");
  assignments = await import("@/app/lib/assignments/service");
  gradebook = await import("@/app/lib/gradebook/service");
  review = await import("@/app/lib/quiz/review-queue");
  attempts = await import("@/app/lib/attempts/service");
  const mod = await prisma.module.create({
    data: {
      slug: "teach-module",
      title: "Teach",
      organisation: "O",
      sourceUrl: "https://e.org",
      position: 1,
      wordCount: 1,
    },
  });
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
    for (let q = 0; q < 4; q++) {
      await prisma.question.create({
        data: {
          id: `${slug}-q${q}`,
          lessonId: lesson.id,
          type: "multiple_choice",
          prompt: `Who ${q}?`,
          choices: ["Makhno", "Lenin", "Trotsky"],
          answer: "Makhno",
          evidence: `Evidence ${q}.`,
          evidenceAnchor: "p-1",
          evidenceAnchors: ["p-1"],
          keyKind: "person",
          difficulty: 0.5,
          generatorVersion: "t",
        },
      });
    }
  }
  people.anonymous = null;
  people.guest = { kind: "guest", guestToken: "g_" + "c".repeat(43) };
  people.teacher = await user("teacher@e.org", "Tess Teacher");
  people.otherTeacher = await user("other@e.org", "Otto Other", "teacher");
  people.learner = await user("learner@e.org", "Lena Learner");
  people.member = await user("member@e.org", "Mia Member");
  people.member2 = await user("member2@e.org", "Max Member");
  people.admin = await user("admin@e.org", "Ada Admin", "admin");
});
afterAll(() => db.cleanup());

describe("classes and joining", () => {
  it("anyone signed in creates a class and teaches it; the code is 8 characters", async () => {
    const created = await classes.createClass(people.teacher!, { name: "History 9B" });
    classId = created.id;
    joinCode = created.joinCode;
    expect(joinCode).toMatch(/^[A-Z0-9]{8}$/);
    expect((await classes.listTeaching(people.teacher!)).map((c) => c.name)).toEqual(["History 9B"]);
    expect(await classes.listTeaching(people.otherTeacher!)).toEqual([]);
  });

  it("learners join by code (typed loosely), once", async () => {
    const typed = `${joinCode.slice(0, 4).toLowerCase()}-${joinCode.slice(4)}`;
    expect(await classes.joinClass(people.member!, { code: typed }, ADDRESS)).toEqual({
      classId,
      outcome: "joined",
    });
    expect((await classes.joinClass(people.member!, { code: joinCode }, ADDRESS)).outcome).toBe(
      "already_member",
    );
    await classes.joinClass(people.member2!, { code: joinCode }, ADDRESS);
    await expect(classes.joinClass(people.teacher!, { code: joinCode }, ADDRESS)).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(classes.joinClass(people.guest!, { code: joinCode }, ADDRESS)).rejects.toMatchObject({
      code: "unauthorized",
    });
    await expect(classes.joinClass(people.learner!, { code: "ACDEFGHJ" }, ADDRESS)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("a disabled code lets nobody join; a regenerated code replaces the old one", async () => {
    await classes.setJoinEnabled(people.teacher!, { classId, enabled: false });
    await expect(classes.joinClass(people.learner!, { code: joinCode }, ADDRESS)).rejects.toMatchObject({
      code: "conflict",
    });
    const fresh = await classes.regenerateJoinCode(people.teacher!, { classId });
    expect(fresh).not.toBe(joinCode);
    await expect(classes.joinClass(people.learner!, { code: joinCode }, ADDRESS)).rejects.toMatchObject({
      code: "not_found",
    });
    joinCode = fresh;
    expect((await classes.previewJoin(null, fresh, ADDRESS))?.joinEnabled).toBe(true);
  });
});

describe("assignments, quizzes and the gradebook", () => {
  it("validates and stores an assignment due on the teacher's Friday", async () => {
    await expect(
      assignments.createAssignment(people.teacher!, {
        classId,
        title: "",
        kind: "lessons",
        moduleSlug: "teach-module",
        lessonSlugs: ["not-a-lesson"],
        dueAt: "2030-04-05T23:59",
        timezone: "Europe/London",
        passMark: 70,
        questionsPerQuiz: 3,
        attemptsAllowed: "3",
        counting: "best",
        reviewedOnly: false,
      }),
    ).rejects.toMatchObject({ code: "bad_request" });
    const created = await assignments.createAssignment(people.teacher!, {
      classId,
      title: "Week 1",
      kind: "module",
      moduleSlug: "teach-module",
      dueAt: "2030-04-05T23:59",
      timezone: "Europe/London",
      passMark: 70,
      questionsPerQuiz: 3,
      attemptsAllowed: "3",
      counting: "best",
      reviewedOnly: false,
    });
    assignmentId = created.id;
    expect(created.dueAt.toISOString()).toBe("2030-04-05T22:59:00.000Z");
    expect(created.lessons.map((l) => l.slug)).toEqual(LESSONS);
  });

  it("the learner sees it assigned, starts a linked quiz and the gradebook shows the score", async () => {
    const mine = await assignments.listAssignedToMe(people.member!, new Date("2030-04-01T00:00:00Z"));
    expect(mine).toHaveLength(1);
    expect(mine[0]?.lessons.map((l) => l.label)).toEqual(["Not started", "Not started"]);
    expect(mine[0]?.dueAbsolute).toMatch(/Fri.*5 Apr 2030.*23:59/);
    expect(await assignments.listAssignedToMe(people.learner!)).toEqual([]);

    const started = await assignments.startAssignedLesson(people.member!, {
      assignmentId,
      lessonSlug: LESSONS[0]!,
    });
    expect(started.quiz.questions).toHaveLength(3);
    const owner = { kind: "user" as const, userId: (people.member as { userId: string }).userId };
    const [q1, q2] = started.quiz.questions;
    await attempts.saveAnswer(owner, started.quiz.attemptId, q1!.id, "Makhno");
    await attempts.saveAnswer(owner, started.quiz.attemptId, q2!.id, "Lenin");
    await attempts.submitQuiz(owner, started.quiz.attemptId);
    const row = await prisma.attempt.findUniqueOrThrow({ where: { id: started.quiz.attemptId } });
    expect(row.assignmentId).toBe(assignmentId);

    const { gradebook: book } = await gradebook.getGradebook(people.teacher!, classId, assignmentId);
    const mia = book.rows.find((r) => r.learner.name === "Mia Member");
    expect(mia?.cells[0]?.counted?.percent).toBe(33.3);
    expect(mia?.cells[0]?.status).toBe("below_pass_mark");
    expect(book.averages[0]?.averagePercent).toBe(33.3);

    const work = await gradebook.getLearnerWork(people.teacher!, classId, assignmentId, owner.userId);
    expect(work.attempts[0]?.items.map((i) => i.correct)).toEqual([true, false, false]);
    expect(work.attempts[0]?.items[0]?.evidence).toMatch(/^Evidence/);
  });

  it("self-study attempts never reach the teacher", async () => {
    const owner = { kind: "user" as const, userId: (people.member2 as { userId: string }).userId };
    const solo = await attempts.startQuiz(owner, { kind: "lesson", slug: LESSONS[1]! });
    await attempts.submitQuiz(owner, solo.quiz.attemptId);
    const { gradebook: book } = await gradebook.getGradebook(people.teacher!, classId, assignmentId);
    expect(book.rows.find((r) => r.learner.name === "Max Member")?.completed).toBe(0);
  });

  it("CSV: one row per learner, RFC 4180, formulas neutralised", async () => {
    await prisma.user.update({
      where: { id: (people.member2 as { userId: string }).userId },
      data: { name: '=HYPERLINK("http://x","Max")' },
    });
    const { stream } = await gradebook.gradebookCsv(people.teacher!, classId, assignmentId);
    const text = await new Response(stream).text();
    const lines = text.split("\r\n");
    expect(lines[0]).toContain("Name,Email,Membership,Lesson 1 (%),Lesson 1 status");
    expect(lines).toHaveLength(4); // header, two learners, trailing empty
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""Max"")"`);
    expect(text).toContain("Mia Member,member@e.org,current,33.3,Below pass mark");
  });

  it("a removed learner's history stays, marked", async () => {
    const mia = (people.member as { userId: string }).userId;
    await classes.removeLearner(people.teacher!, { classId, userId: mia });
    const { gradebook: book } = await gradebook.getGradebook(people.teacher!, classId, assignmentId);
    expect(book.rows.find((r) => r.learner.userId === mia)?.learner.exit).toBe("removed");
    expect(book.averages[0]?.averagePercent).toBeNull();
    expect(await assignments.listAssignedToMe(people.member!)).toEqual([]);
    // back with the current code; their history is still theirs
    expect((await classes.joinClass(people.member!, { code: joinCode }, ADDRESS)).outcome).toBe("rejoined");
  });

  it("attempts beyond the limit are refused; closing stops new attempts", async () => {
    await assignments.setAssignmentClosed(people.teacher!, { classId, assignmentId, closed: true });
    await expect(
      assignments.startAssignedLesson(people.member!, { assignmentId, lessonSlug: LESSONS[0]! }),
    ).rejects.toMatchObject({ code: "conflict" });
    await assignments.setAssignmentClosed(people.teacher!, { classId, assignmentId, closed: false });
  });
});

describe("a learner who deletes their account", () => {
  it("leaves a nameless 'deleted learner' row in the gradebook and the CSVs; their work goes", async () => {
    const { hashPassword } = await import("@/app/lib/auth/password");
    const { deleteMyAccount } = await import("@/app/lib/account/data");
    const row = await prisma.user.create({
      data: { email: "dee@e.org", name: "Dee Parting", passwordHash: await hashPassword("my own password") },
    });
    const dee: Actor = { kind: "user", userId: row.id, role: "learner", timezone: "UTC", name: "Dee" };
    await classes.joinClass(dee, { code: joinCode }, ADDRESS);
    await assignments.startAssignedLesson(dee, { assignmentId, lessonSlug: LESSONS[1]! });
    const before = await gradebook.getGradebook(people.teacher!, classId, assignmentId);
    expect(before.gradebook.rows.some((r) => r.learner.name === "Dee Parting")).toBe(true);

    await deleteMyAccount({ ...dee, kind: "user" }, "my own password");

    const { gradebook: book } = await gradebook.getGradebook(people.teacher!, classId, assignmentId);
    const gone = book.rows.filter((r) => r.learner.exit === "deleted");
    expect(gone).toHaveLength(1);
    expect(gone[0]).toMatchObject({ learner: { name: "Deleted learner", email: "" }, cells: [] });
    expect(JSON.stringify(book)).not.toMatch(/Dee|dee@e\.org/);
    expect(await prisma.attempt.count({ where: { userId: row.id } })).toBe(0);
    // Averages count current learners only, as before.
    expect(book.averages).toEqual(before.gradebook.averages);

    const csv = await new Response(
      (await gradebook.gradebookCsv(people.teacher!, classId, assignmentId)).stream,
    ).text();
    expect(csv).toContain("Deleted learner,,deleted,,,,,,");
    const classCsv = await new Response(
      (await gradebook.classGradebookCsv(people.teacher!, classId)).stream,
    ).text();
    expect(classCsv).toContain("Deleted learner,,deleted,,");
    expect(
      (await gradebook.getClassGradebook(people.teacher!, classId)).assignments[0]?.gradebook.rows,
    ).toContainEqual(
      expect.objectContaining({ learner: expect.objectContaining({ exit: "deleted" }) as unknown }),
    );
    // Another teacher sees nothing of it.
    await expect(gradebook.getGradebook(people.otherTeacher!, classId, assignmentId)).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("review queue and item analysis", () => {
  it("an edit keeps the id, must keep the key among the choices, and is what the next quiz shows", async () => {
    const questionId = `${LESSONS[1]}-q0`;
    await expect(
      review.reviewQuestion(people.teacher!, {
        decision: "edit",
        lessonSlug: LESSONS[1]!,
        questionId,
        prompt: "Who led the insurgent army?",
        choices: ["Makhno", "Lenin"],
        answer: "Kropotkin",
      }),
    ).rejects.toMatchObject({ code: "bad_request" });
    await review.reviewQuestion(people.teacher!, {
      decision: "edit",
      lessonSlug: LESSONS[1]!,
      questionId,
      prompt: "Who led the insurgent army?",
      choices: ["Makhno", "Lenin"],
      answer: "Makhno",
    });
    for (let q = 1; q < 4; q++)
      await review.reviewQuestion(people.teacher!, {
        decision: "reject",
        lessonSlug: LESSONS[1]!,
        questionId: `${LESSONS[1]}-q${q}`,
      });
    const queue = await review.getReviewQueue(people.teacher!, LESSONS[1]!);
    const edited = queue.items.find((i) => i.id === questionId);
    expect(edited).toMatchObject({ review: "edited", reviewedBy: "Tess Teacher", generatedPrompt: "Who 0?" });
    const started = await assignments.startAssignedLesson(people.member!, {
      assignmentId,
      lessonSlug: LESSONS[1]!,
    });
    expect(started.quiz.questions.map((q) => [q.id, q.prompt])).toEqual([
      [questionId, "Who led the insurgent army?"],
    ]);
  });

  it("item analysis counts the class's answers only", async () => {
    const view = await gradebook.getItemAnalysis(people.teacher!, classId, LESSONS[0]!);
    expect(view.attempts).toBe(1);
    const answered = view.items.filter((i) => i.answers > 0);
    expect(answered).toHaveLength(3);
    expect(answered.map((i) => i.right).sort()).toEqual([0, 0, 1]);
  });
});

describe("printable quizzes", () => {
  it("print the same seeded paper with its key, never a rejected question", async () => {
    const { printableLesson } = await import("@/app/lib/quiz/printable");
    const first = await printableLesson(people.teacher!, LESSONS[1]!);
    expect(first.items.map((i) => i.question.id)).toEqual([`${LESSONS[1]}-q0`]);
    expect(first.items[0]?.expected).toBe("Makhno");
    expect(first.items[0]?.question.prompt).toBe("Who led the insurgent army?");
    const again = await printableLesson(people.teacher!, LESSONS[0]!);
    expect((await printableLesson(people.teacher!, LESSONS[0]!)).items).toEqual(again.items);
  });
});

describe("promoting and demoting", () => {
  it("only an admin changes roles, never their own", async () => {
    const admin = await import("@/app/lib/auth/admin");
    const target = (people.learner as { userId: string }).userId;
    await expect(
      admin.adminSetRole(people.teacher!, { userId: target, role: "teacher" }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(admin.adminListUsers(people.otherTeacher!)).rejects.toMatchObject({ code: "not_found" });
    await admin.adminSetRole(people.admin!, { userId: target, role: "teacher" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target } })).role).toBe("teacher");
    await admin.adminSetRole(people.admin!, { userId: target, role: "learner" });
    const self = (people.admin as { userId: string }).userId;
    await expect(admin.adminSetRole(people.admin!, { userId: self, role: "learner" })).rejects.toMatchObject({
      code: "conflict",
    });
    expect((await admin.adminListUsers(people.admin!, "Lena")).map((u) => u.name)).toEqual(["Lena Learner"]);
  });
});

describe("authorisation matrix", () => {
  type Who = "anonymous" | "guest" | "learner" | "member" | "teacher" | "otherTeacher" | "admin";
  const WHO: Who[] = ["anonymous", "guest", "learner", "member", "teacher", "otherTeacher", "admin"];
  const MANAGERS = new Set<Who>(["teacher", "admin"]);
  const REVIEWERS = new Set<Who>(["teacher", "otherTeacher", "admin"]);

  /** Each teacher-side operation; resolves when allowed, rejects with an AppError otherwise. */
  const OPERATIONS: [string, Set<Who>, (actor: Actor | null) => Promise<unknown>][] = [
    ["class overview", MANAGERS, (a) => classes.getClassOverview(a, classId)],
    ["rename class", MANAGERS, (a) => classes.renameClass(a, { classId, name: "History 9B" })],
    ["regenerate code", MANAGERS, (a) => classes.regenerateJoinCode(a, { classId })],
    ["disable code", MANAGERS, (a) => classes.setJoinEnabled(a, { classId, enabled: true })],
    ["list assignments via gradebook", MANAGERS, (a) => gradebook.getGradebook(a, classId, assignmentId)],
    ["gradebook CSV", MANAGERS, (a) => gradebook.gradebookCsv(a, classId, assignmentId)],
    [
      "a learner's attempts",
      MANAGERS,
      (a) => gradebook.getLearnerWork(a, classId, assignmentId, (people.member as { userId: string }).userId),
    ],
    ["item analysis of the class", MANAGERS, (a) => gradebook.getItemAnalysis(a, classId, LESSONS[0]!)],
    [
      "item analysis of everyone",
      new Set<Who>(["admin"]),
      (a) => gradebook.getItemAnalysis(a, null, LESSONS[0]!),
    ],
    [
      "create assignment",
      MANAGERS,
      (a) =>
        assignments.createAssignment(a, {
          classId,
          title: "Matrix",
          kind: "module",
          moduleSlug: "teach-module",
          dueAt: "2030-05-01T12:00",
          timezone: "UTC",
          passMark: 50,
          questionsPerQuiz: 2,
          attemptsAllowed: "unlimited",
          counting: "latest",
          reviewedOnly: false,
        }),
    ],
    [
      "close assignment",
      MANAGERS,
      (a) => assignments.setAssignmentClosed(a, { classId, assignmentId, closed: false }),
    ],
    ["review queue", REVIEWERS, (a) => review.getReviewQueue(a, LESSONS[0]!)],
    [
      "approve a question",
      REVIEWERS,
      (a) =>
        review.reviewQuestion(a, {
          decision: "approve",
          lessonSlug: LESSONS[0]!,
          questionId: `${LESSONS[0]}-q0`,
        }),
    ],
    [
      "printable lesson quiz",
      REVIEWERS,
      (a) => import("@/app/lib/quiz/printable").then((m) => m.printableLesson(a, LESSONS[0]!)),
    ],
    [
      "start an assigned quiz",
      new Set<Who>(["member"]),
      (a) => assignments.startAssignedLesson(a, { assignmentId, lessonSlug: LESSONS[0]! }),
    ],
  ];

  for (const [name, allowed, run] of OPERATIONS) {
    it.each(WHO)(`${name}: %s`, async (who) => {
      const outcome = run(people[who] ?? null);
      if (allowed.has(who)) await expect(outcome.then(() => "allowed")).resolves.toBe("allowed");
      else {
        const expected =
          who === "anonymous" || who === "guest" ? ["unauthorized", "not_found"] : ["not_found"];
        const error = await outcome.then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toMatchObject({ name: "AppError" });
        expect(expected).toContain((error as { code: string }).code);
      }
    });
  }
});
