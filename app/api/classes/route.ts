import { createClassInput } from "@/app/lib/classes/schemas";
import { createClass, listTeaching } from "@/app/lib/classes/service";
import { created, withActor } from "@/app/lib/http/with-actor";

/** GET /api/classes → the classes you teach. */
export const GET = withActor({ actor: "requireUser" }, ({ actor }) => listTeaching(actor));

/** POST /api/classes {name} → 201 the new class (with its join code); you teach it. */
export const POST = withActor({ actor: "requireUser", body: createClassInput }, async ({ actor, body }) =>
  created(await createClass(actor, body)),
);
