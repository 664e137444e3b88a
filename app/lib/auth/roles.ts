/** Mirrors the Prisma `Role` enum without importing the generated client (usable anywhere). */
export const ROLES = ["learner", "teacher", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
