import { getActor } from "@/app/lib/auth/actor";
import { errorResponse, failureResponse, okResponse, readJsonBody } from "@/app/lib/attempts/http";
import { submitQuizInput } from "@/app/lib/attempts/schemas";
import { submitQuiz } from "@/app/lib/attempts/service";

type Ctx = { params: Promise<{ attemptId: string }> };

/**
 * POST /api/attempts/:id/submit (body {} or none, as application/json) → { ok, data: {
 * alreadySubmitted, result } }. The same domain function as submitQuizAction: grades once,
 * stores score + correctness + review schedule in one transaction; a repeat returns the stored
 * result with alreadySubmitted: true and changes nothing.
 */
export async function POST(request: Request, { params }: Ctx) {
  const body = await readJsonBody(request, submitQuizInput, { attemptId: (await params).attemptId });
  if (!body.ok) return body.response;
  const actor = await getActor();
  if (!actor) return errorResponse(401, "Start a quiz or sign in first.");
  const result = await submitQuiz(actor, body.data.attemptId);
  if (!result.ok) return failureResponse(result);
  return okResponse({ alreadySubmitted: result.alreadySubmitted, result: result.result });
}
