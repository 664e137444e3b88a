import { classIdInput } from "@/app/lib/classes/schemas";
import { getClassOverview } from "@/app/lib/classes/service";
import { withActor } from "@/app/lib/http/with-actor";

/** GET /api/classes/:id → the class, its roster and assignments (its teachers and admins only; else 404). */
export const GET = withActor({ actor: "requireUser", params: classIdInput }, ({ actor, params }) =>
  getClassOverview(actor, params.classId),
);
