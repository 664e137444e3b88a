import "server-only";
import { getGuide } from "@/app/lib/content";
import { countDueReviews } from "@/app/lib/db/review-cards";
import { getLessonProgress } from "./lesson-progress";
import { chooseNextStep } from "./next-step";
import { dueHorizon } from "./scheduling";
import type { NextStep } from "./next-step-views";

/** The signed-in learner's next step (the home page's "continue" card). */
export async function getNextStep(userId: string, now: Date = new Date()): Promise<NextStep> {
  const [progress, dueCount] = await Promise.all([
    getLessonProgress(userId),
    countDueReviews(userId, dueHorizon(now)),
  ]);
  const lessons = getGuide().modules.flatMap((m) =>
    m.lessons.map((l) => ({
      slug: l.slug,
      title: l.title,
      order: l.order,
      moduleTitle: m.title.split(":")[0]!,
      level: progress[l.slug]?.level ?? "not_started",
      read: progress[l.slug]?.read ?? false,
      lastPercent: progress[l.slug]?.lastPercent ?? null,
    })),
  );
  return chooseNextStep(lessons, dueCount);
}
