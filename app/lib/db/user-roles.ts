import "server-only";
/** Every Prisma call of the admin's user list: rows only (who may call them is decided in app/lib/auth/admin.ts). */
import { prisma } from "@/app/lib/db/prisma";
import type { Role } from "@/app/lib/auth/roles";

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  createdAt: Date;
}

export async function listUsers(query: string, take: number): Promise<UserRow[]> {
  return prisma.user.findMany({
    where: query ? { OR: [{ email: { contains: query } }, { name: { contains: query } }] } : {},
    select: { id: true, name: true, email: true, role: true, createdAt: true },
    orderBy: [{ role: "desc" }, { email: "asc" }],
    take,
  });
}

export async function setRole(userId: string, role: Role): Promise<boolean> {
  const { count } = await prisma.user.updateMany({ where: { id: userId }, data: { role } });
  return count === 1;
}
