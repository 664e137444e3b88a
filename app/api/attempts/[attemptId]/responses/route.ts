import { getActor } from "@/app/lib/auth/actor";
import { errorResponse, failureResponse, okResponse, readJsonBody } from "@/app/lib/attempts/http";
import { saveAnswerInput } from "@/app/lib/attempts/schemas";
import type { LearnerAnswer } from "@/app/lib/attempts/questions";
import { saveAnswer } from "@/app/lib/attempts/service";

type Ctx = { params: Promise<{ attemptId: string }> };

/** PUT /api/attempts/:id/responses { questionId, answer } → { ok, data: { saved: true } }. */
export async function PUT(request: Request, { params }: Ctx) {
  const body = await readJsonBody(request, saveAnswerInput, { attemptId: (await params).attemptId });
  if (!body.ok) return body.response;
  const actor = await getActor();
  if (!actor) return errorResponse(401, "Start a quiz or sign in first.");
  const result = await saveAnswer(
    actor,
    body.data.attemptId,
    body.data.questionId,
    body.data.answer as LearnerAnswer,
  );
  if (!result.ok) return failureResponse(result);
  return okResponse({ saved: true });
}
