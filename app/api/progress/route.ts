import { withActor } from "@/app/lib/http/with-actor";
import { getLessonProgress } from "@/app/lib/progress/lesson-progress";
import type { ProgressResponse } from "@/app/lib/progress/progress-views";

export const dynamic = "force-dynamic";

/**
 * GET /api/progress → { ok, data: { lessons } }: the signed-in user's own per-lesson progress
 * (mastery level, scores, read), for the badges on the static lesson lists. Identity comes only
 * from the session cookie; there is no parameter that could name another user. Signed out: 401.
 */
export const GET = withActor({ actor: "requireUser" }, async ({ actor }): Promise<ProgressResponse> => ({
  lessons: await getLessonProgress(actor.userId),
}));
