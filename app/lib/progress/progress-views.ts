/**
 * What GET /api/progress returns (types only, safe for client components): the signed-in user's
 * own per-lesson progress, for the badges on the (static) home and module lesson lists.
 */
import type { MasteryLevel } from "./mastery";

export interface LessonProgressView {
  level: MasteryLevel;
  attempts: number;
  bestPercent: number | null;
  lastPercent: number | null;
  read: boolean;
}

/** The `data` of a successful answer (signed out: 401, like every members-only route). */
export interface ProgressResponse {
  lessons: Record<string, LessonProgressView>;
}

/** One submitted quiz on the dashboard (score chart, recent attempts). */
export interface AttemptSummary {
  id: string;
  lessonSlug: string;
  lessonTitle: string;
  score: number;
  total: number;
  percent: number;
  submittedAt: Date;
}
