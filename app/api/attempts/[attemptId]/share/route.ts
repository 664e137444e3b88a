import { attemptParams, submitQuizBody } from "@/app/lib/attempts/schemas";
import { getShareStatus, shareResult, stopSharingResult } from "@/app/lib/attempts/share";
import { created, withActor } from "@/app/lib/http/with-actor";

/**
 * The owner's link to a submitted result (the same domain functions as the result page's
 * server actions); making or stopping someone else's attempt's link is a 404.
 * - GET → { shared, since } (never shared, for an attempt that is not the caller's)
 * - POST (body {} or none) → 201 { shared, since, path }: a new link, replacing any earlier one
 * - DELETE → { shared: false, since: null }: the link stops opening
 */
export const GET = withActor({ actor: "requireActor", params: attemptParams }, ({ actor, params }) =>
  getShareStatus(actor, params.attemptId),
);

export const POST = withActor(
  { actor: "requireActor", params: attemptParams, body: submitQuizBody },
  async ({ actor, params }) => created(await shareResult(actor, params.attemptId)),
);

export const DELETE = withActor({ actor: "requireActor", params: attemptParams }, ({ actor, params }) =>
  stopSharingResult(actor, params.attemptId),
);
