import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDatabase } from "@/app/lib/db/test-database";
import { getGuide } from "@/app/lib/content";
import { generateQuestionBank } from "@/app/lib/quiz";
import type { QuestionBank } from "@/app/lib/quiz/types";
import { createDbClient, type DbClient } from "@/app/lib/db/client";
import { syncContent } from "@/app/lib/db/content-sync";

const temp = tempDatabase("content-sync");
let db: DbClient;
const guide = getGuide();
const bank = generateQuestionBank(guide);
const questionCount = bank.lessons.reduce((sum, l) => sum + l.questions.length, 0);

beforeAll(async () => {
  await temp.ready;
  db = createDbClient();
});
afterAll(async () => {
  await db?.$disconnect();
  await temp.cleanup();
});

describe("content sync", () => {
  it("creates every module, lesson and question on an empty database", async () => {
    const summary = await syncContent(db, guide, bank);
    expect(summary.modules.created).toBe(2);
    expect(summary.lessons.created).toBe(21);
    expect(summary.questions.created).toBe(questionCount);
    expect(await db.question.count({ where: { status: "active" } })).toBe(questionCount);
    const kronstadt = await db.lesson.findUnique({ where: { slug: "what-happened-at-kronstadt-in-1921" } });
    expect(kronstadt?.position).toBe(12);
    // Each row keeps the skill and scope the generator gave its question.
    const generated = bank.lessons.flatMap((l) => l.questions);
    const rows = await db.question.findMany({ select: { id: true, skill: true, scope: true } });
    const stored = new Map(rows.map((r) => [r.id, r] as const));
    for (const q of generated) {
      expect(stored.get(q.id)?.skill, q.id).toBe(q.skill);
      expect(stored.get(q.id)?.scope, q.id).toBe(q.scope);
    }
    expect(new Set(rows.map((r) => r.skill)).size).toBeGreaterThan(4);
  });

  it("changes nothing when run a second time", async () => {
    const before = await db.question.findMany({
      orderBy: { id: "asc" },
      select: { id: true, updatedAt: true },
    });
    const summary = await syncContent(db, guide, bank);
    expect(summary.modules).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(summary.lessons).toEqual({ created: 0, updated: 0, unchanged: 21 });
    expect(summary.questions).toEqual({
      created: 0,
      updated: 0,
      unchanged: questionCount,
      retired: 0,
      reactivated: 0,
    });
    const after = await db.question.findMany({
      orderBy: { id: "asc" },
      select: { id: true, updatedAt: true },
    });
    expect(after).toEqual(before);
  });

  it("retires questions the generator no longer produces and brings them back when it does again", async () => {
    const [firstLesson, ...rest] = bank.lessons;
    const dropped = firstLesson!.questions.slice(0, 2);
    const smaller: QuestionBank = {
      ...bank,
      lessons: [{ ...firstLesson!, questions: firstLesson!.questions.slice(2) }, ...rest],
    };
    const retiring = await syncContent(db, guide, smaller);
    expect(retiring.questions.retired).toBe(2);
    const rows = await db.question.findMany({ where: { id: { in: dropped.map((q) => q.id) } } });
    expect(rows.map((r) => r.status)).toEqual(["retired", "retired"]);

    const restoring = await syncContent(db, guide, bank);
    expect(restoring.questions.reactivated).toBe(2);
    expect(await db.question.count({ where: { status: "active" } })).toBe(questionCount);
  });

  it("keeps a teacher's edit when the generator's wording changes", async () => {
    const question = bank.lessons[3]!.questions[0]!;
    await db.question.update({
      where: { id: question.id },
      data: { teacherEdit: { prompt: "Edited by a teacher" }, review: "edited" },
    });
    const reworded: QuestionBank = {
      ...bank,
      lessons: bank.lessons.map((l, i) =>
        i === 3
          ? {
              ...l,
              questions: l.questions.map((q, j) => (j === 0 ? { ...q, prompt: q.prompt + " (v2)" } : q)),
            }
          : l,
      ),
    };
    const summary = await syncContent(db, guide, reworded);
    expect(summary.questions.updated).toBe(1);
    const row = await db.question.findUniqueOrThrow({ where: { id: question.id } });
    expect(row.prompt.endsWith("(v2)")).toBe(true);
    expect(row.teacherEdit).toEqual({ prompt: "Edited by a teacher" });
    expect(row.review).toBe("edited");
  });

  it("refuses a bank that names a lesson the guide does not have", async () => {
    const bad: QuestionBank = { ...bank, lessons: [{ ...bank.lessons[0]!, slug: "no-such-lesson" }] };
    await expect(syncContent(db, guide, bad)).rejects.toThrow(/no-such-lesson/);
  });
});
