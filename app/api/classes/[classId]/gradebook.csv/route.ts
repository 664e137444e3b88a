import { z } from "zod";
import { classIdInput, idSchema } from "@/app/lib/classes/schemas";
import { classGradebookCsv, gradebookCsv } from "@/app/lib/gradebook/service";
import { withActor } from "@/app/lib/http/with-actor";

const csvQuery = z.object({ assignment: idSchema.optional() });

/**
 * GET /api/classes/:id/gradebook.csv → the class's gradebook as CSV (one row per learner, each
 * assignment's total); `?assignment=<id>` → that assignment's lessons, streamed.
 */
export const GET = withActor(
  { actor: "requireUser", params: classIdInput, query: csvQuery },
  async ({ actor, params, query }) => {
    const { assignment } = query;
    const { filename, stream } = assignment
      ? await gradebookCsv(actor, params.classId, assignment)
      : await classGradebookCsv(actor, params.classId);
    return new Response(stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
      },
    });
  },
);
