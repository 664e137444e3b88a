import "server-only";
/**
 * Admins promote and demote accounts (teacher, admin, learner). Everyone else gets 404. An admin
 * cannot change their own role, so a site never loses its last admin by a slip.
 */
import { z } from "zod";
import type { Actor } from "@/app/lib/auth/actor";
import { AppError } from "@/app/lib/errors";
import { listUsers, setRole, type UserRow } from "@/app/lib/db/user-roles";
import { ROLES } from "./roles";

export const setRoleInput = z.strictObject({
  userId: z
    .string()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, "Not an id."),
  role: z.enum(ROLES),
});

function requireAdmin(actor: Actor | null): string {
  if (actor?.kind !== "user" || actor.role !== "admin")
    throw new AppError("not_found", "There is no such page.");
  return actor.userId;
}

export async function adminListUsers(actor: Actor | null, query = ""): Promise<UserRow[]> {
  requireAdmin(actor);
  return listUsers(query.trim().slice(0, 100), 200);
}

export async function adminSetRole(actor: Actor | null, input: z.output<typeof setRoleInput>): Promise<void> {
  const adminId = requireAdmin(actor);
  if (input.userId === adminId) throw new AppError("conflict", "You cannot change your own role.");
  if (!(await setRole(input.userId, input.role)))
    throw new AppError("not_found", "There is no such account.");
}
