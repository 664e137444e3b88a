import { getOrCreateActor } from "@/app/lib/auth/actor";
import { failureResponse, okResponse, readJsonBody } from "@/app/lib/attempts/http";
import { startQuizInput } from "@/app/lib/attempts/schemas";
import { startQuiz } from "@/app/lib/attempts/service";

/**
 * POST /api/attempts { lessonSlug } → 201 { ok, data: { resumed, quiz } } (200 when resuming).
 * The same domain function as startQuizAction; a visitor without a session becomes a guest.
 */
export async function POST(request: Request) {
  const body = await readJsonBody(request, startQuizInput);
  if (!body.ok) return body.response;
  const actor = await getOrCreateActor();
  const result = await startQuiz(actor, body.data.lessonSlug);
  if (!result.ok) return failureResponse(result);
  return okResponse({ resumed: result.resumed, quiz: result.quiz }, result.resumed ? 200 : 201);
}
