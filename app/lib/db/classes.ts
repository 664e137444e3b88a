import "server-only";
/**
 * Every Prisma call for classes and their members. Ownership is part of each query: functions
 * that manage a class take a `ClassScope` (decided in app/lib/classes/permissions) and put it in
 * the where-clause, so a class outside the scope reads as missing. Rows only; no decisions.
 */
import type { Prisma } from "@/app/generated/prisma/sqlite/client";
import { prisma } from "@/app/lib/db/prisma";
import type { ClassScope } from "@/app/lib/classes/permissions";
import type { Role } from "@/app/lib/auth/roles";

/** The where-clause for classes the scope may manage (never matches for "nothing"). */
export function managedClassWhere(scope: ClassScope, classId?: string): Prisma.ClassWhereInput {
  const id = classId === undefined ? {} : { id: classId };
  switch (scope.kind) {
    case "any":
      return id;
    case "teaching":
      return {
        ...id,
        OR: [
          { teacherId: scope.userId },
          { members: { some: { userId: scope.userId, role: "teacher", exitedAt: null } } },
        ],
      };
    case "nothing":
      // An empty `in` matches no row on every database (PostgreSQL text refuses a NUL sentinel).
      return { id: { in: [] } };
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

export interface ClassSummary {
  id: string;
  name: string;
  joinCode: string;
  joinEnabled: boolean;
  archivedAt: Date | null;
  createdAt: Date;
  teacher: { id: string; name: string };
  learnerCount: number;
  assignmentCount: number;
}

const summarySelect = {
  id: true,
  name: true,
  joinCode: true,
  joinEnabled: true,
  archivedAt: true,
  createdAt: true,
  teacher: { select: { id: true, name: true } },
  _count: {
    select: { members: { where: { role: "learner", exitedAt: null } }, assignments: true },
  },
} as const satisfies Prisma.ClassSelect;

type SummaryRow = Prisma.ClassGetPayload<{ select: typeof summarySelect }>;
const toSummary = ({ _count, ...row }: SummaryRow): ClassSummary => ({
  ...row,
  learnerCount: _count.members,
  assignmentCount: _count.assignments,
});

/**
 * Creates a class taught by `teacherId`, retrying with a fresh code from `newCode` when a code
 * is already taken (a unique index decides, so two creations can never share one).
 */
export async function insertClass(
  teacherId: string,
  name: string,
  newCode: () => string,
): Promise<ClassSummary> {
  for (let attempt = 0; ; attempt++) {
    try {
      const row = await prisma.class.create({
        data: { name, teacherId, joinCode: newCode() },
        select: summarySelect,
      });
      return toSummary(row);
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 4) throw error;
    }
  }
}

export async function listManagedClasses(scope: ClassScope): Promise<ClassSummary[]> {
  const rows = await prisma.class.findMany({
    where: managedClassWhere(scope),
    orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: summarySelect,
    take: 500,
  });
  return rows.map(toSummary);
}

export async function getManagedClass(scope: ClassScope, classId: string): Promise<ClassSummary | null> {
  const row = await prisma.class.findFirst({
    where: managedClassWhere(scope, classId),
    select: summarySelect,
  });
  return row ? toSummary(row) : null;
}

export interface RosterEntry {
  userId: string;
  name: string;
  email: string;
  role: "learner" | "teacher";
  /** The account's own role (a teacher may reset only learner accounts' passwords). */
  accountRole: Role;
  joinedAt: Date;
  exitedAt: Date | null;
  exit: "left" | "removed" | null;
  /** Latest attempt started in this class's assignments (self-study elsewhere is not shown). */
  lastActivity: Date | null;
}

/** The roster of a class the scope manages (current and former members); null if not theirs. */
export async function getRoster(scope: ClassScope, classId: string): Promise<RosterEntry[] | null> {
  const found = await prisma.class.findFirst({
    where: managedClassWhere(scope, classId),
    select: {
      members: {
        select: {
          role: true,
          joinedAt: true,
          exitedAt: true,
          exit: true,
          user: { select: { id: true, name: true, email: true, role: true } },
        },
        orderBy: [{ joinedAt: "asc" }],
      },
    },
  });
  if (!found) return null;
  const activity = await prisma.attempt.groupBy({
    by: ["userId"],
    where: { assignment: { classId }, userId: { not: null } },
    _max: { startedAt: true },
  });
  const last = new Map(activity.map((a) => [a.userId, a._max.startedAt]));
  return found.members.map((m) => ({
    userId: m.user.id,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    accountRole: m.user.role,
    joinedAt: m.joinedAt,
    exitedAt: m.exitedAt,
    exit: m.exit,
    lastActivity: last.get(m.user.id) ?? null,
  }));
}

export type ClassPatch = { name?: string; archived?: boolean; joinEnabled?: boolean };

/** Updates a class the scope manages; false when it is not theirs (or missing). */
export async function updateManagedClass(
  scope: ClassScope,
  classId: string,
  patch: ClassPatch,
): Promise<boolean> {
  const { count } = await prisma.class.updateMany({
    where: managedClassWhere(scope, classId),
    data: {
      name: patch.name,
      joinEnabled: patch.joinEnabled,
      archivedAt: patch.archived === undefined ? undefined : patch.archived ? new Date() : null,
    },
  });
  return count === 1;
}

/** A new join code for a class the scope manages; null when not theirs. */
export async function replaceJoinCode(
  scope: ClassScope,
  classId: string,
  newCode: () => string,
): Promise<string | null> {
  for (let attempt = 0; ; attempt++) {
    const joinCode = newCode();
    try {
      const { count } = await prisma.class.updateMany({
        where: managedClassWhere(scope, classId),
        data: { joinCode, joinEnabled: true },
      });
      return count === 1 ? joinCode : null;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 4) throw error;
    }
  }
}

export interface JoinTarget {
  id: string;
  name: string;
  teacherName: string;
  joinEnabled: boolean;
  archived: boolean;
  /** The viewer's current place in the class, when a user id was given. */
  viewer: "learner" | "teacher" | null;
}

export async function findClassByJoinCode(
  joinCode: string,
  userId: string | null = null,
): Promise<JoinTarget | null> {
  const row = await prisma.class.findUnique({
    where: { joinCode },
    select: {
      id: true,
      name: true,
      joinEnabled: true,
      archivedAt: true,
      teacherId: true,
      teacher: { select: { name: true } },
      members: {
        // No user: an id no row has ("" rather than a NUL, which PostgreSQL text refuses).
        where: { userId: userId ?? "", exitedAt: null },
        select: { role: true },
      },
    },
  });
  if (!row) return null;
  const member = row.members[0]?.role ?? null;
  return {
    id: row.id,
    name: row.name,
    teacherName: row.teacher.name,
    joinEnabled: row.joinEnabled,
    archived: row.archivedAt !== null,
    viewer: userId !== null && row.teacherId === userId ? "teacher" : member,
  };
}

export type JoinOutcome = "joined" | "rejoined" | "already_member" | "teaches" | "closed";

/**
 * Adds `userId` to the class with this code as a learner, in one transaction: the code must still
 * be enabled and the class not archived; a former member comes back with their history.
 */
export async function joinByCode(
  userId: string,
  joinCode: string,
): Promise<{ outcome: JoinOutcome; classId: string } | null> {
  return prisma.$transaction(async (tx) => {
    const target = await tx.class.findUnique({
      where: { joinCode },
      select: { id: true, teacherId: true, joinEnabled: true, archivedAt: true },
    });
    if (!target) return null;
    const classId = target.id;
    if (!target.joinEnabled || target.archivedAt) return { outcome: "closed" as const, classId };
    if (target.teacherId === userId) return { outcome: "teaches" as const, classId };
    const existing = await tx.classMember.findUnique({
      where: { classId_userId: { classId, userId } },
      select: { exitedAt: true, role: true },
    });
    if (existing && existing.role === "teacher") return { outcome: "teaches" as const, classId };
    if (existing && existing.exitedAt === null) return { outcome: "already_member" as const, classId };
    if (existing) {
      await tx.classMember.update({
        where: { classId_userId: { classId, userId } },
        data: { exitedAt: null, exit: null },
      });
      return { outcome: "rejoined" as const, classId };
    }
    await tx.classMember.create({ data: { classId, userId, role: "learner" } });
    return { outcome: "joined" as const, classId };
  });
}

/** Marks a learner of a class the scope manages as removed; false if not found. */
export async function removeLearner(scope: ClassScope, classId: string, userId: string): Promise<boolean> {
  const { count } = await prisma.classMember.updateMany({
    where: { classId, userId, role: "learner", exitedAt: null, class: managedClassWhere(scope, classId) },
    data: { exitedAt: new Date(), exit: "removed" },
  });
  return count === 1;
}

/** The learner leaves a class they are in; false if they are not a current learner of it. */
export async function leaveClass(userId: string, classId: string): Promise<boolean> {
  const { count } = await prisma.classMember.updateMany({
    where: { classId, userId, role: "learner", exitedAt: null },
    data: { exitedAt: new Date(), exit: "left" },
  });
  return count === 1;
}

/** Adds an existing account (by email) as a co-teacher of a class the scope manages. */
export async function addCoTeacher(
  scope: ClassScope,
  classId: string,
  email: string,
): Promise<"added" | "no_class" | "no_user" | "owner"> {
  return prisma.$transaction(async (tx) => {
    const cls = await tx.class.findFirst({
      where: managedClassWhere(scope, classId),
      select: { teacherId: true },
    });
    if (!cls) return "no_class" as const;
    const user = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (!user) return "no_user" as const;
    if (user.id === cls.teacherId) return "owner" as const;
    await tx.classMember.upsert({
      where: { classId_userId: { classId, userId: user.id } },
      create: { classId, userId: user.id, role: "teacher" },
      update: { role: "teacher", exitedAt: null, exit: null },
    });
    return "added" as const;
  });
}

export interface MembershipSummary {
  classId: string;
  name: string;
  teacherName: string;
  joinedAt: Date;
}

/** Classes the user currently learns in (not archived). */
export async function listMemberships(userId: string): Promise<MembershipSummary[]> {
  const rows = await prisma.classMember.findMany({
    where: { userId, role: "learner", exitedAt: null, class: { archivedAt: null } },
    select: {
      joinedAt: true,
      class: { select: { id: true, name: true, teacher: { select: { name: true } } } },
    },
    orderBy: { joinedAt: "asc" },
  });
  return rows.map((r) => ({
    classId: r.class.id,
    name: r.class.name,
    teacherName: r.class.teacher.name,
    joinedAt: r.joinedAt,
  }));
}

/** Whether the user teaches (or co-teaches) any class that is not archived. */
export async function teachesAnyClass(userId: string): Promise<boolean> {
  const found = await prisma.class.findFirst({
    where: { archivedAt: null, ...managedClassWhere({ kind: "teaching", userId }) },
    select: { id: true },
  });
  return found !== null;
}
