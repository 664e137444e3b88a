import { createAssignmentBody } from "@/app/lib/assignments/schemas";
import { createAssignment } from "@/app/lib/assignments/service";
import { classIdInput } from "@/app/lib/classes/schemas";
import { created, withActor } from "@/app/lib/http/with-actor";

/**
 * POST /api/classes/:id/assignments → 201 the assignment. The body is the assignment form as
 * JSON (without classId): dates as "YYYY-MM-DDTHH:mm" wall-clock times in `timezone`.
 */
export const POST = withActor(
  { actor: "requireUser", params: classIdInput, body: createAssignmentBody },
  async ({ actor, params, body }) =>
    created(await createAssignment(actor, { ...body, classId: params.classId })),
);
