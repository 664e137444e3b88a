import { z } from "zod";
import { classIdInput } from "@/app/lib/classes/schemas";
import { getClassItemAnalysis } from "@/app/lib/gradebook/service";
import { withActor } from "@/app/lib/http/with-actor";
import { invalidInput } from "@/app/lib/errors";

const query = z.object({
  lesson: z
    .string()
    .max(120)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Not a lesson.")
    .optional(),
});

/**
 * GET /api/classes/:id/item-analysis[?lesson=<slug>] → per question: answers, facility,
 * discrimination, distractor counts and flags, over this class's assignment attempts; every
 * lesson the class was assigned unless one is named.
 */
export const GET = withActor({ actor: "requireUser", params: classIdInput }, ({ actor, params, request }) => {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw invalidInput(parsed.error);
  const { lesson } = parsed.data;
  return getClassItemAnalysis(actor, params.classId, lesson ?? null);
});
