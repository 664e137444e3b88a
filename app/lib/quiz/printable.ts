import "server-only";
/**
 * Printable quizzes for classrooms without devices: a fixed, seeded draw (the same paper every
 * time until the bank changes) of a lesson's questions, or a few from each lesson of a module,
 * with the answer key for a separate page. Rejected questions are never printed. Teachers only:
 * the paper carries the key.
 */
import type { Actor } from "@/app/lib/auth/actor";
import { AppError } from "@/app/lib/errors";
import { getGuide } from "@/app/lib/content";
import { lessonQuestionsForReview } from "@/app/lib/db/gradebook";
import { drawQuestionIds } from "@/app/lib/attempts/draw";
import { parseQuestionRow, type QuizQuestion } from "@/app/lib/attempts/questions";
import { markAnswer, toPublicQuestion, type PublicQuestion } from "@/app/lib/quiz/public-question";
import type { Expected } from "@/app/lib/attempts/views";
import { assertReviewer } from "./review-queue";

const PRINT_SEED = 1917;

export interface PrintItem {
  lesson: { slug: string; title: string };
  question: PublicQuestion;
  expected: Expected;
  evidence: string;
}

export interface PrintableQuiz {
  title: string;
  items: PrintItem[];
}

async function lessonItems(slug: string, count: number): Promise<PrintItem[]> {
  const bank = await lessonQuestionsForReview(slug);
  if (!bank) return [];
  const usable = bank.questions
    .filter((row) => row.status === "active" && row.review !== "rejected")
    .map((row) => parseQuestionRow(row))
    .filter((q): q is QuizQuestion => q !== null);
  const ids = drawQuestionIds(usable, { seen: new Set(), missed: new Set() }, PRINT_SEED, count);
  const byId = new Map(usable.map((q) => [q.id, q]));
  return ids.flatMap((id) => {
    const q = byId.get(id);
    if (!q) return [];
    return [
      {
        lesson: { slug: bank.lesson.slug, title: bank.lesson.title },
        question: toPublicQuestion(q, PRINT_SEED),
        expected: markAnswer(q, null).expected,
        evidence: q.evidence,
      },
    ];
  });
}

export async function printableLesson(actor: Actor | null, lessonSlug: string): Promise<PrintableQuiz> {
  await assertReviewer(actor);
  const items = await lessonItems(lessonSlug, 10);
  if (items.length === 0) throw new AppError("not_found", "There is no such lesson, or it has no questions.");
  return { title: items[0]!.lesson.title, items };
}

export async function printableModule(actor: Actor | null, moduleSlug: string): Promise<PrintableQuiz> {
  await assertReviewer(actor);
  const mod = getGuide().modules.find((m) => m.slug === moduleSlug);
  if (!mod) throw new AppError("not_found", "There is no such module.");
  const perLesson = mod.lessons.length > 10 ? 2 : 4;
  const items: PrintItem[] = [];
  for (const lesson of mod.lessons) items.push(...(await lessonItems(lesson.slug, perLesson)));
  return { title: mod.title, items };
}
