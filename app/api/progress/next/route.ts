import { withActor } from "@/app/lib/http/with-actor";
import { getNextStep } from "@/app/lib/progress/next-step-server";

export const dynamic = "force-dynamic";

/** GET /api/progress/next → the signed-in learner's next step: due reviews and the lesson to continue. */
export const GET = withActor({ actor: "requireUser" }, ({ actor }) => getNextStep(actor.userId));
