import "server-only";
/**
 * The dashboard's view model: the guide's structure (modules and lessons, from content) joined
 * with one user's progress (from the data layer) and, when opted in, their streak.
 */
import { getGuide } from "@/app/lib/content";
import { getActivityTimes, getModuleTestAttempts, getScoredAttempts } from "@/app/lib/db/progress";
import { moduleTestScores, NO_MODULE_TEST, type ModuleTestScore } from "./module-tests";
import { getReadLessonSlugs } from "@/app/lib/db/lesson-reads";
import { countDueReviews, countReviewCards, nextDueAfter } from "@/app/lib/db/review-cards";
import { getUserProfile } from "@/app/lib/db/users";
import { masteryByLesson, moduleProgress, percentOf, type LessonMastery, type MasteryLevel } from "./mastery";
import { chooseNextStep } from "./next-step";
import { getContinueFacts } from "./next-step-server";
import type { NextStep } from "./next-step-views";
import type { AttemptSummary } from "./progress-views";
import { dueHorizon } from "./scheduling";
import { computeStreak, safeTimeZone, type StreakSummary } from "./streak";

export interface DashboardLesson {
  slug: string;
  order: number;
  title: string;
  level: MasteryLevel;
  attempts: number;
  bestPercent: number | null;
  lastPercent: number | null;
  read: boolean;
}

export interface DashboardModule {
  slug: string;
  title: string;
  mastered: number;
  total: number;
  /** Lessons with at least one submitted attempt. */
  attempted: number;
  lessons: DashboardLesson[];
  /** The learner's module tests of this module: best and last score. */
  test: ModuleTestScore;
}

export interface DashboardView {
  name: string;
  timeZone: string;
  modules: DashboardModule[];
  history: AttemptSummary[];
  recent: AttemptSummary[];
  dueCount: number;
  cardCount: number;
  nextDueAt: Date | null;
  /** Present only when the learner opted in to streaks. */
  streak: StreakSummary | null;
  /** True until the learner starts a first quiz or module test. */
  isNew: boolean;
  /** Due reviews and what to continue: an open quiz, an assignment, or the next lesson. */
  nextStep: NextStep;
  /** Where a new learner should start. */
  firstLesson: { slug: string; title: string } | null;
}

const STREAK_LOOKBACK_DAYS = 400;
/** The score chart shows at most this many of the latest quizzes. */
const HISTORY_LIMIT = 200;
const RECENT_LIMIT = 10;

export async function getDashboardView(
  userId: string,
  now: Date = new Date(),
): Promise<DashboardView | null> {
  const horizon = dueHorizon(now);
  const [profile, attempts, read, dueCount, cardCount, nextDueAt, tests, facts] = await Promise.all([
    getUserProfile(userId),
    getScoredAttempts(userId),
    getReadLessonSlugs(userId),
    countDueReviews(userId, horizon),
    countReviewCards(userId),
    nextDueAfter(userId, horizon),
    getModuleTestAttempts(userId),
    getContinueFacts(userId, now),
  ]);
  const testScores = moduleTestScores(tests);
  if (!profile) return null;
  const mastery = masteryByLesson(attempts);
  // attempts come newest first.
  const latest: AttemptSummary[] = attempts.slice(0, HISTORY_LIMIT).map((a) => ({
    id: a.id,
    lessonSlug: a.lesson.slug,
    lessonTitle: a.lesson.title,
    score: a.score,
    total: a.total,
    percent: percentOf(a.score, a.total),
    submittedAt: a.submittedAt,
  }));
  const timeZone = safeTimeZone(profile.timezone);

  let streak: StreakSummary | null = null;
  if (profile.streakOptIn) {
    const since = new Date(now.getTime() - STREAK_LOOKBACK_DAYS * 86_400_000);
    streak = computeStreak(await getActivityTimes(userId, since), timeZone, now);
  }

  const guide = getGuide();
  const empty: LessonMastery = {
    level: "not_started",
    attempts: 0,
    bestPercent: null,
    lastPercent: null,
    lastAttemptAt: null,
  };
  const modules: DashboardModule[] = guide.modules.map((m) => {
    const lessons = m.lessons.map((lesson) => {
      const lessonMastery = mastery.get(lesson.slug) ?? empty;
      return {
        slug: lesson.slug,
        order: lesson.order,
        title: lesson.title,
        level: lessonMastery.level,
        attempts: lessonMastery.attempts,
        bestPercent: lessonMastery.bestPercent,
        lastPercent: lessonMastery.lastPercent,
        read: read.has(lesson.slug),
      };
    });
    const levels = new Map(lessons.map((l) => [l.slug, l.level]));
    const progress = moduleProgress(
      lessons.map((l) => l.slug),
      levels,
    );
    return {
      slug: m.slug,
      title: m.title,
      ...progress,
      attempted: lessons.filter((l) => l.attempts > 0).length,
      lessons,
      test: testScores.get(m.slug) ?? NO_MODULE_TEST,
    };
  });

  const first = guide.modules[0]?.lessons[0];
  return {
    name: profile.name,
    timeZone,
    modules,
    history: [...latest].reverse(),
    recent: latest.slice(0, RECENT_LIMIT),
    dueCount,
    cardCount,
    nextDueAt,
    streak,
    isNew: latest.length === 0 && tests.length === 0 && facts.openAttempt === null,
    nextStep: chooseNextStep({
      lessons: modules.flatMap((m) =>
        m.lessons.map((l) => ({ ...l, moduleSlug: m.slug, moduleTitle: m.title.split(":")[0]! })),
      ),
      dueCount,
      // attempts come newest first.
      lastLessonSlug: attempts[0]?.lesson.slug ?? null,
      now,
      ...facts,
    }),
    firstLesson: first ? { slug: first.slug, title: first.title } : null,
  };
}
