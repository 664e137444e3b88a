import { getSessionUser } from "@/app/lib/auth/actor";
import { AppError } from "@/app/lib/errors";
import { gradebookCsv } from "@/app/lib/gradebook/service";

type Context = { params: Promise<{ classId: string; assignmentId: string }> };

/** The assignment's gradebook as a CSV download (streamed), for the class's teachers. */
export async function GET(_request: Request, { params }: Context) {
  const { classId, assignmentId } = await params;
  try {
    const { filename, stream } = await gradebookCsv(await getSessionUser(), classId, assignmentId);
    return new Response(stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: error.status });
    throw error;
  }
}
