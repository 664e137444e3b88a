import { joinCodeInput } from "@/app/lib/classes/schemas";
import { joinClass } from "@/app/lib/classes/service";
import { withActor } from "@/app/lib/http/route";

/** POST /api/classes/join {code} → { classId, outcome: joined | rejoined | already_member }. */
export const POST = withActor({ actor: "requireUser", body: joinCodeInput }, ({ actor, body }) =>
  joinClass(actor, body),
);
