import { attemptParams } from "@/app/lib/attempts/schemas";
import { getAttemptForOwner } from "@/app/lib/attempts/service";
import { withActor } from "@/app/lib/http/with-actor";

/**
 * GET /api/attempts/:id → the owner's attempt: { status: "in_progress", quiz } (public question
 * shapes and saved answers only) or { status: "submitted", result } (with feedback).
 */
export const GET = withActor({ actor: "requireActor", params: attemptParams }, ({ actor, params }) =>
  getAttemptForOwner(actor, params.attemptId),
);
