import { createHash } from "node:crypto";
import type { Guide, Lesson } from "@/app/lib/content/types";
import type { DbClient } from "./client";

/** What one sync did, per kind of row. */
export interface SyncSummary {
  modules: { created: number; updated: number; unchanged: number };
  lessons: { created: number; updated: number; unchanged: number };
  questions: { created: number; updated: number; unchanged: number; retired: number; reactivated: number };
}

/** Hash of what a learner reads in a lesson: a changed hash means the text changed. */
export function lessonContentHash(lesson: Lesson): string {
  const payload = JSON.stringify([lesson.title, lesson.sections, lesson.furtherReading]);
  return createHash("sha256").update(payload).digest("hex").slice(0, 32);
}

/**
 * A generated question as stored: the columns the generator owns (a teacher's edit lives apart,
 * in teacherEdit). Structural, so any question bank the generator produces fits.
 */
export interface GeneratedQuestion {
  id: string;
  type: string;
  prompt: string;
  choices?: string[];
  answer: string | string[] | [string, string][];
  accepted?: string[];
  evidence: string;
  evidenceAnchor: string;
  evidenceAnchors: string[];
  evidenceLessons?: string[];
  keyKind: string;
  /** What the question tests; absent in banks that predate it ("fact"). */
  skill?: string;
  /** "lesson" or "module"; absent means "lesson". */
  scope?: string;
  difficulty: number;
  generatorVersion: string;
}

/** The generated bank to store, lesson by lesson. */
export interface BankToSync {
  lessons: { slug: string; questions: GeneratedQuestion[] }[];
}

function generatedColumns(question: GeneratedQuestion) {
  return {
    type: question.type,
    prompt: question.prompt,
    choices: question.choices,
    answer: question.answer,
    accepted: question.accepted,
    evidence: question.evidence,
    evidenceAnchor: question.evidenceAnchor,
    evidenceAnchors: question.evidenceAnchors,
    evidenceLessons: question.evidenceLessons,
    keyKind: question.keyKind,
    skill: question.skill ?? "fact",
    scope: question.scope ?? "lesson",
    difficulty: question.difficulty,
    generatorVersion: question.generatorVersion,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Idempotent upsert of modules, lessons and the generated question bank, keyed by slug and by
 * content-derived question id. Questions the generator no longer produces are retired, never
 * deleted (attempts and review cards refer to them); a teacher's edit is never overwritten.
 * Running it twice in a row writes nothing the second time.
 */
export async function syncContent(db: DbClient, guide: Guide, bank: BankToSync): Promise<SyncSummary> {
  const summary: SyncSummary = {
    modules: { created: 0, updated: 0, unchanged: 0 },
    lessons: { created: 0, updated: 0, unchanged: 0 },
    questions: { created: 0, updated: 0, unchanged: 0, retired: 0, reactivated: 0 },
  };

  const lessonIds = new Map<string, string>();
  for (const [position, guideModule] of guide.modules.entries()) {
    const moduleData = {
      title: guideModule.title,
      organisation: guideModule.organisation,
      author: guideModule.author,
      sourceUrl: guideModule.sourceUrl,
      position: position + 1,
      wordCount: guideModule.wordCount,
    };
    const existingModule = await db.module.findUnique({ where: { slug: guideModule.slug } });
    let moduleId: string;
    if (!existingModule) {
      moduleId = (await db.module.create({ data: { slug: guideModule.slug, ...moduleData } })).id;
      summary.modules.created++;
    } else {
      moduleId = existingModule.id;
      const changed = (Object.keys(moduleData) as (keyof typeof moduleData)[]).some(
        (key) => !same(existingModule[key], moduleData[key]),
      );
      if (changed) await db.module.update({ where: { id: moduleId }, data: moduleData });
      summary.modules[changed ? "updated" : "unchanged"]++;
    }

    for (const lesson of guideModule.lessons) {
      const lessonData = {
        moduleId,
        position: lesson.order,
        title: lesson.title,
        wordCount: lesson.wordCount,
        readingMinutes: lesson.readingMinutes,
        contentHash: lessonContentHash(lesson),
      };
      const existingLesson = await db.lesson.findUnique({ where: { slug: lesson.slug } });
      if (!existingLesson) {
        const created = await db.lesson.create({ data: { slug: lesson.slug, ...lessonData } });
        lessonIds.set(lesson.slug, created.id);
        summary.lessons.created++;
        continue;
      }
      lessonIds.set(lesson.slug, existingLesson.id);
      const changed = (Object.keys(lessonData) as (keyof typeof lessonData)[]).some(
        (key) => !same(existingLesson[key], lessonData[key]),
      );
      if (changed) await db.lesson.update({ where: { id: existingLesson.id }, data: lessonData });
      summary.lessons[changed ? "updated" : "unchanged"]++;
    }
  }

  const existingQuestions = new Map((await db.question.findMany()).map((row) => [row.id, row]));
  const generatedIds = new Set<string>();
  const toCreate = [];
  for (const lessonBank of bank.lessons) {
    const lessonId = lessonIds.get(lessonBank.slug);
    if (!lessonId)
      throw new Error(`Question bank names lesson "${lessonBank.slug}", which the guide does not have.`);
    for (const question of lessonBank.questions) {
      generatedIds.add(question.id);
      const columns = { lessonId, ...generatedColumns(question) };
      const existing = existingQuestions.get(question.id);
      if (!existing) {
        toCreate.push({ id: question.id, ...columns });
        continue;
      }
      const changed = (Object.keys(columns) as (keyof typeof columns)[]).some(
        (key) => !same(existing[key], columns[key]),
      );
      const reactivate = existing.status === "retired";
      if (changed || reactivate) {
        await db.question.update({ where: { id: question.id }, data: { ...columns, status: "active" } });
      }
      if (reactivate) summary.questions.reactivated++;
      summary.questions[changed ? "updated" : "unchanged"]++;
    }
  }
  if (toCreate.length > 0) {
    await db.question.createMany({ data: toCreate });
    summary.questions.created = toCreate.length;
  }

  const toRetire = [...existingQuestions.values()]
    .filter((row) => row.status === "active" && !generatedIds.has(row.id))
    .map((row) => row.id);
  if (toRetire.length > 0) {
    await db.question.updateMany({ where: { id: { in: toRetire } }, data: { status: "retired" } });
    summary.questions.retired = toRetire.length;
  }
  return summary;
}

export function formatSyncSummary(summary: SyncSummary): string {
  const { modules, lessons, questions } = summary;
  return [
    `modules:   ${modules.created} created, ${modules.updated} updated, ${modules.unchanged} unchanged`,
    `lessons:   ${lessons.created} created, ${lessons.updated} updated, ${lessons.unchanged} unchanged`,
    `questions: ${questions.created} created, ${questions.updated} updated, ${questions.unchanged} unchanged, ` +
      `${questions.retired} retired, ${questions.reactivated} reactivated`,
  ].join("\n");
}
