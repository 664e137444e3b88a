import { joinCodeInput } from "@/app/lib/classes/schemas";
import { joinClass } from "@/app/lib/classes/service";
import { withActor } from "@/app/lib/http/with-actor";
import { clientAddress } from "@/app/lib/auth/client-address";
import { env } from "@/app/lib/env";

/**
 * POST /api/classes/join {code} → { classId, outcome: joined | rejoined | already_member };
 * wrong codes are throttled (429 with Retry-After).
 */
export const POST = withActor({ actor: "requireUser", body: joinCodeInput }, ({ request, actor, body }) =>
  joinClass(actor, body, clientAddress(request.headers, env.TRUST_PROXY)),
);
