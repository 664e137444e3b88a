import { attemptParams, saveAnswerBody } from "@/app/lib/attempts/schemas";
import { saveAnswer } from "@/app/lib/attempts/service";
import { withActor } from "@/app/lib/http/with-actor";

/** PUT /api/attempts/:id/responses { questionId, answer } → { ok, data: { saved: true } }. */
export const PUT = withActor(
  { actor: "requireActor", params: attemptParams, body: saveAnswerBody },
  async ({ actor, params, body }) => {
    await saveAnswer(actor, params.attemptId, body.questionId, body.answer);
    return { saved: true };
  },
);
