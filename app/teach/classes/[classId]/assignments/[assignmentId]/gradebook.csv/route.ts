import { z } from "zod";
import { idSchema } from "@/app/lib/classes/schemas";
import { gradebookCsv } from "@/app/lib/gradebook/service";
import { withActor } from "@/app/lib/http/with-actor";

const params = z.object({ classId: idSchema, assignmentId: idSchema });

/** The gradebook page's CSV download: the assignment's gradebook, streamed. */
export const GET = withActor({ actor: "requireUser", params }, async ({ actor, params }) => {
  const { filename, stream } = await gradebookCsv(actor, params.classId, params.assignmentId);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
