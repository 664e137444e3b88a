import type { Actor } from "@/app/lib/auth/actor";
import type { Viewer } from "./permissions";

/** The permission rules' view of whoever is acting. */
export function toViewer(actor: Actor | null): Viewer {
  if (!actor) return { kind: "anonymous" };
  if (actor.kind === "guest") return { kind: "guest" };
  return { kind: "user", userId: actor.userId, role: actor.role };
}
