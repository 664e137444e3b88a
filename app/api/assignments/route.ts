import { listAssignedToMe } from "@/app/lib/assignments/service";
import { withActor } from "@/app/lib/http/with-actor";

/** GET /api/assignments → what is assigned to you, with a status per lesson; [] for a guest. */
export const GET = withActor({ actor: "public" }, ({ actor }) => listAssignedToMe(actor));
