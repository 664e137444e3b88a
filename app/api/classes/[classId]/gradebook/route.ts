import { classIdInput } from "@/app/lib/classes/schemas";
import { getClassGradebook } from "@/app/lib/gradebook/service";
import { withActor } from "@/app/lib/http/with-actor";

/** GET /api/classes/:id/gradebook → every assignment's gradebook (learners × lessons, totals, averages). */
export const GET = withActor({ actor: "requireUser", params: classIdInput }, ({ actor, params }) =>
  getClassGradebook(actor, params.classId),
);
