import { startQuizInput, targetOfStart } from "@/app/lib/attempts/schemas";
import { startQuizFromPage } from "@/app/lib/assignments/service";
import { json, withActor } from "@/app/lib/http/with-actor";

/**
 * POST /api/attempts { lessonSlug } or { moduleSlug } (a module test) → 201 { ok, data: { resumed, quiz } } (200 when resuming).
 * The same domain function as startQuizAction; a visitor without a session becomes a guest.
 */
export const POST = withActor({ actor: "allowGuest", body: startQuizInput }, async ({ actor, body }) => {
  const started = await startQuizFromPage(actor, targetOfStart(body));
  return json(started, started.resumed ? 200 : 201);
});
