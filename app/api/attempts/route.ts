import { startQuizInput } from "@/app/lib/attempts/schemas";
import { startQuiz } from "@/app/lib/attempts/service";
import { json, withActor } from "@/app/lib/http/route";

/**
 * POST /api/attempts { lessonSlug } → 201 { ok, data: { resumed, quiz } } (200 when resuming).
 * The same domain function as startQuizAction; a visitor without a session becomes a guest.
 */
export const POST = withActor({ actor: "allowGuest", body: startQuizInput }, async ({ actor, body }) => {
  const started = await startQuiz(actor, body.lessonSlug);
  return json(started, started.resumed ? 200 : 201);
});
