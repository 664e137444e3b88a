import { NextResponse } from "next/server";
import { getSessionUser } from "@/app/lib/auth/actor";
import { getLessonProgress } from "@/app/lib/progress/lesson-progress";
import type { ProgressResponse } from "@/app/lib/progress/progress-views";

export const dynamic = "force-dynamic";

const headers = { "Cache-Control": "private, no-store", Vary: "Cookie" };

/**
 * The signed-in user's own per-lesson progress (mastery level, scores, read), for the badges on
 * the static lesson lists. Identity comes only from the session cookie; there is no parameter
 * that could name another user. Signed out: 401 with `{ signedIn: false }`.
 */
export async function GET() {
  const user = await getSessionUser();
  if (!user)
    return NextResponse.json({ signedIn: false } satisfies ProgressResponse, { status: 401, headers });
  const lessons = await getLessonProgress(user.userId);
  return NextResponse.json({ signedIn: true, lessons } satisfies ProgressResponse, { headers });
}
