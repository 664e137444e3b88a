import "server-only";
/**
 * A learner's module tests: how many they took and their best and last score per module. The
 * scores are kept apart from lesson mastery (which only lesson quizzes decide).
 */
import { getModuleTestAttempts } from "@/app/lib/db/progress";
import { lessonMastery } from "./mastery";

export interface ModuleTestScore {
  attempts: number;
  /** Whole percentages; null before the first submitted test. */
  bestPercent: number | null;
  lastPercent: number | null;
  lastAttemptId: string | null;
}

export const NO_MODULE_TEST: ModuleTestScore = {
  attempts: 0,
  bestPercent: null,
  lastPercent: null,
  lastAttemptId: null,
};

/** Best and last module-test score per module slug (absent: never taken). */
export function moduleTestScores(
  attempts: readonly {
    id: string;
    module: { slug: string };
    score: number;
    total: number;
    submittedAt: Date;
  }[],
): Map<string, ModuleTestScore> {
  const bySlug = new Map<string, (typeof attempts)[number][]>();
  for (const a of attempts) bySlug.set(a.module.slug, [...(bySlug.get(a.module.slug) ?? []), a]);
  return new Map(
    [...bySlug].map(([slug, list]) => {
      const summary = lessonMastery(list);
      const last = [...list].sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime())[0];
      return [
        slug,
        {
          attempts: summary.attempts,
          bestPercent: summary.bestPercent,
          lastPercent: summary.lastPercent,
          lastAttemptId: last?.id ?? null,
        },
      ];
    }),
  );
}

/** The signed-in user's module-test score on one module. */
export async function getModuleTestScore(userId: string, moduleSlug: string): Promise<ModuleTestScore> {
  return moduleTestScores(await getModuleTestAttempts(userId, moduleSlug)).get(moduleSlug) ?? NO_MODULE_TEST;
}
