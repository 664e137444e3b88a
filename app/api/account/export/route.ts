import { exportMyData } from "@/app/lib/account/data";
import { withActor } from "@/app/lib/http/with-actor";

export const dynamic = "force-dynamic";

/** "Download my data": the signed-in user's own data as a JSON file. */
export const GET = withActor({ actor: "requireUser" }, async ({ actor }) => {
  const data = await exportMyData(actor);
  const day = data.exportedAt.slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="my-study-data-${day}.json"`,
      "cache-control": "private, no-store",
    },
  });
});
