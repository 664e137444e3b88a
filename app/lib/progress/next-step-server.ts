import "server-only";
import { listAssignedParts } from "@/app/lib/assignments/service";
import { getGuide } from "@/app/lib/content";
import { getLatestOpenAttempt, getScoredAttempts } from "@/app/lib/db/progress";
import { countDueReviews } from "@/app/lib/db/review-cards";
import { getLessonProgress } from "./lesson-progress";
import { chooseNextStep, type AssignedPartFact, type OpenAttemptFact } from "./next-step";
import { dueHorizon } from "./scheduling";
import type { NextStep } from "./next-step-views";

/** What the "continue" card weighs besides lesson progress: the open attempt and the assignments. */
export async function getContinueFacts(
  userId: string,
  now: Date,
): Promise<{ openAttempt: OpenAttemptFact | null; assigned: AssignedPartFact[] }> {
  const [openAttempt, assigned] = await Promise.all([
    getLatestOpenAttempt(userId),
    listAssignedParts(userId, now),
  ]);
  return { openAttempt, assigned };
}

/** The signed-in learner's next step (the home page's "continue" card). */
export async function getNextStep(userId: string, now: Date = new Date()): Promise<NextStep> {
  const [progress, dueCount, latest, facts] = await Promise.all([
    getLessonProgress(userId),
    countDueReviews(userId, dueHorizon(now)),
    getScoredAttempts(userId, 1),
    getContinueFacts(userId, now),
  ]);
  const lessons = getGuide().modules.flatMap((m) =>
    m.lessons.map((l) => ({
      slug: l.slug,
      title: l.title,
      order: l.order,
      moduleSlug: m.slug,
      moduleTitle: m.title.split(":")[0]!,
      level: progress[l.slug]?.level ?? "not_started",
      read: progress[l.slug]?.read ?? false,
      lastPercent: progress[l.slug]?.lastPercent ?? null,
    })),
  );
  return chooseNextStep({ lessons, dueCount, lastLessonSlug: latest[0]?.lesson.slug ?? null, now, ...facts });
}
