import { getActor } from "@/app/lib/auth/actor";
import { errorResponse, okResponse } from "@/app/lib/attempts/http";
import { attemptIdSchema } from "@/app/lib/attempts/schemas";
import { getAttemptForOwner } from "@/app/lib/attempts/service";

type Ctx = { params: Promise<{ attemptId: string }> };

/**
 * GET /api/attempts/:id → the owner's attempt: { status: "in_progress", quiz } (public question
 * shapes and saved answers only) or { status: "submitted", result } (with feedback).
 */
export async function GET(_request: Request, { params }: Ctx) {
  const id = attemptIdSchema.safeParse((await params).attemptId);
  if (!id.success) return errorResponse(400, "Not an attempt id.");
  const actor = await getActor();
  if (!actor) return errorResponse(401, "Start a quiz or sign in first.");
  const found = await getAttemptForOwner(actor, id.data);
  if (!found) return errorResponse(404, "That attempt does not exist or is not yours.");
  return okResponse(found);
}
