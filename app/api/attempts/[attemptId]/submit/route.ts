import { attemptParams, submitQuizBody } from "@/app/lib/attempts/schemas";
import { submitQuiz } from "@/app/lib/attempts/service";
import { withActor } from "@/app/lib/http/with-actor";

/**
 * POST /api/attempts/:id/submit (body {} or none, as application/json) → { ok, data: {
 * alreadySubmitted, result } }. The same domain function as submitQuizAction: grades once,
 * stores score + correctness + review schedule in one transaction; a repeat returns the stored
 * result with alreadySubmitted: true and changes nothing.
 */
export const POST = withActor(
  { actor: "requireActor", params: attemptParams, body: submitQuizBody },
  ({ actor, params }) => submitQuiz(actor, params.attemptId),
);
