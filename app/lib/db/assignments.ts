import "server-only";
/**
 * Every Prisma call for assignments. Teachers' reads and writes carry the class scope in the
 * query (see managedClassWhere); learners' reads are limited to classes they currently learn in.
 * Rows only: statuses and scores are worked out in app/lib/assignments.
 */
import type { Prisma } from "@/app/generated/prisma/sqlite/client";
import { prisma } from "@/app/lib/db/prisma";
import { managedClassWhere } from "@/app/lib/db/classes";
import type { ClassScope } from "@/app/lib/classes/permissions";

export type AssignmentKind = "module" | "lessons" | "test";

/**
 * One thing a learner does for an assignment, and one gradebook column: a lesson's quiz, or the
 * module test (for kind "test").
 */
export interface AssignmentPart {
  kind: "lesson" | "test";
  /** The lesson's id, or the module's for the test (attempts carry one or the other). */
  id: string;
  /** The lesson's slug, or the module's for the test. */
  slug: string;
  /** Unique among an assignment's parts: the lesson slug, or "test:<module slug>". */
  key: string;
  title: string;
}

export interface AssignmentRecord {
  id: string;
  classId: string;
  className: string;
  title: string;
  kind: AssignmentKind;
  module: { slug: string; title: string };
  /** The lessons assigned, in module order (none for a module test). */
  lessons: { id: string; slug: string; title: string; position: number }[];
  /** What the learner does: each lesson's quiz, or the module test. */
  parts: AssignmentPart[];
  opensAt: Date | null;
  dueAt: Date;
  timezone: string;
  passMark: number;
  questionsPerQuiz: number;
  attemptsAllowed: number | null;
  counting: "best" | "latest";
  reviewedOnly: boolean;
  closedAt: Date | null;
  createdAt: Date;
}

const assignmentSelect = {
  id: true,
  classId: true,
  title: true,
  kind: true,
  lessonSlugs: true,
  opensAt: true,
  dueAt: true,
  timezone: true,
  passMark: true,
  questionsPerQuiz: true,
  attemptsAllowed: true,
  counting: true,
  reviewedOnly: true,
  closedAt: true,
  createdAt: true,
  class: { select: { name: true } },
  module: {
    select: {
      id: true,
      slug: true,
      title: true,
      lessons: {
        select: { id: true, slug: true, title: true, position: true },
        orderBy: { position: "asc" },
      },
    },
  },
} as const satisfies Prisma.AssignmentSelect;

type AssignmentRow = Prisma.AssignmentGetPayload<{ select: typeof assignmentSelect }>;

function slugList(value: unknown): string[] | null {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : null;
}

function toRecord(row: AssignmentRow): AssignmentRecord {
  const chosen = slugList(row.lessonSlugs);
  const { lessons: all, ...module } = row.module;
  const lessons = row.kind === "test" ? [] : chosen ? all.filter((l) => chosen.includes(l.slug)) : all;
  const parts: AssignmentPart[] =
    row.kind === "test"
      ? [
          {
            kind: "test",
            id: module.id,
            slug: module.slug,
            key: `test:${module.slug}`,
            title: `Module test: ${module.title.split(":")[0]}`,
          },
        ]
      : lessons.map((l) => ({ kind: "lesson", id: l.id, slug: l.slug, key: l.slug, title: l.title }));
  return {
    id: row.id,
    classId: row.classId,
    className: row.class.name,
    title: row.title,
    kind: row.kind,
    module: { slug: module.slug, title: module.title },
    lessons,
    parts,
    opensAt: row.opensAt,
    dueAt: row.dueAt,
    timezone: row.timezone,
    passMark: row.passMark,
    questionsPerQuiz: row.questionsPerQuiz,
    attemptsAllowed: row.attemptsAllowed,
    counting: row.counting,
    reviewedOnly: row.reviewedOnly,
    closedAt: row.closedAt,
    createdAt: row.createdAt,
  };
}

export interface NewAssignment {
  title: string;
  kind: AssignmentKind;
  moduleSlug: string;
  /** For kind "lessons": the chosen lesson slugs. */
  lessonSlugs: string[] | null;
  opensAt: Date | null;
  dueAt: Date;
  timezone: string;
  passMark: number;
  questionsPerQuiz: number;
  attemptsAllowed: number | null;
  counting: "best" | "latest";
  reviewedOnly: boolean;
}

export type InsertAssignmentResult =
  | { kind: "created"; assignment: AssignmentRecord }
  | { kind: "no_class" }
  | { kind: "archived" }
  | { kind: "no_module" }
  | { kind: "unknown_lessons"; slugs: string[] };

/** Creates an assignment in a class the scope manages; the checks and the insert share a transaction. */
export async function insertAssignment(
  scope: ClassScope,
  classId: string,
  createdById: string,
  data: NewAssignment,
): Promise<InsertAssignmentResult> {
  return prisma.$transaction(async (tx) => {
    const cls = await tx.class.findFirst({
      where: managedClassWhere(scope, classId),
      select: { id: true, archivedAt: true },
    });
    if (!cls) return { kind: "no_class" } as const;
    if (cls.archivedAt) return { kind: "archived" } as const;
    const found = await tx.module.findUnique({
      where: { slug: data.moduleSlug },
      select: { id: true, lessons: { select: { slug: true } } },
    });
    if (!found) return { kind: "no_module" } as const;
    if (data.lessonSlugs) {
      const known = new Set(found.lessons.map((l) => l.slug));
      const unknown = data.lessonSlugs.filter((s) => !known.has(s));
      if (unknown.length) return { kind: "unknown_lessons", slugs: unknown } as const;
    }
    const row = await tx.assignment.create({
      data: {
        classId,
        moduleId: found.id,
        createdById,
        title: data.title,
        kind: data.kind,
        lessonSlugs: data.lessonSlugs ?? undefined,
        opensAt: data.opensAt,
        dueAt: data.dueAt,
        timezone: data.timezone,
        passMark: data.passMark,
        questionsPerQuiz: data.questionsPerQuiz,
        attemptsAllowed: data.attemptsAllowed,
        counting: data.counting,
        reviewedOnly: data.reviewedOnly,
      },
      select: assignmentSelect,
    });
    return { kind: "created", assignment: toRecord(row) } as const;
  });
}

export async function listClassAssignments(scope: ClassScope, classId: string): Promise<AssignmentRecord[]> {
  const rows = await prisma.assignment.findMany({
    where: { classId, class: managedClassWhere(scope, classId) },
    select: assignmentSelect,
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
  });
  return rows.map(toRecord);
}

export async function getManagedAssignment(
  scope: ClassScope,
  classId: string,
  assignmentId: string,
): Promise<AssignmentRecord | null> {
  const row = await prisma.assignment.findFirst({
    where: { id: assignmentId, classId, class: managedClassWhere(scope, classId) },
    select: assignmentSelect,
  });
  return row ? toRecord(row) : null;
}

/** Closes (or reopens) an assignment of a class the scope manages; false if not theirs. */
export async function setAssignmentClosed(
  scope: ClassScope,
  classId: string,
  assignmentId: string,
  closed: boolean,
): Promise<boolean> {
  const { count } = await prisma.assignment.updateMany({
    where: { id: assignmentId, classId, class: managedClassWhere(scope, classId) },
    data: { closedAt: closed ? new Date() : null },
  });
  return count === 1;
}

export interface LearnerAttemptRow {
  id: string;
  assignmentId: string;
  /** The lesson quizzed, or the module tested (an AssignmentPart's id). */
  partId: string;
  status: "in_progress" | "submitted";
  score: number | null;
  total: number;
  startedAt: Date;
  submittedAt: Date | null;
}

/** A learner's own attempts made for these assignments. */
async function attemptsFor(userId: string, assignmentIds: string[]): Promise<LearnerAttemptRow[]> {
  if (assignmentIds.length === 0) return [];
  const rows = await prisma.attempt.findMany({
    where: { userId, assignmentId: { in: assignmentIds }, kind: { in: ["quiz", "test"] } },
    select: {
      id: true,
      assignmentId: true,
      lessonId: true,
      moduleId: true,
      status: true,
      score: true,
      total: true,
      startedAt: true,
      submittedAt: true,
    },
  });
  return rows.flatMap(({ lessonId, moduleId, ...r }) => {
    const partId = lessonId ?? moduleId;
    return r.assignmentId && partId ? [{ ...r, assignmentId: r.assignmentId, partId }] : [];
  });
}

const learnerOf = (userId: string): Prisma.ClassWhereInput => ({
  archivedAt: null,
  members: { some: { userId, role: "learner", exitedAt: null } },
});

/** Assignments of every class the user currently learns in, with their own attempts (two queries). */
export async function listLearnerAssignments(
  userId: string,
): Promise<{ assignments: AssignmentRecord[]; attempts: LearnerAttemptRow[] }> {
  const rows = await prisma.assignment.findMany({
    where: { class: learnerOf(userId) },
    select: assignmentSelect,
    orderBy: [{ dueAt: "asc" }],
    take: 200,
  });
  const assignments = rows.map(toRecord);
  return {
    assignments,
    attempts: await attemptsFor(
      userId,
      assignments.map((a) => a.id),
    ),
  };
}

/** One assignment of a class the user currently learns in, with their attempts; null otherwise. */
export async function getLearnerAssignment(
  userId: string,
  assignmentId: string,
): Promise<{ assignment: AssignmentRecord; attempts: LearnerAttemptRow[] } | null> {
  const row = await prisma.assignment.findFirst({
    where: { id: assignmentId, class: learnerOf(userId) },
    select: assignmentSelect,
  });
  if (!row) return null;
  return { assignment: toRecord(row), attempts: await attemptsFor(userId, [row.id]) };
}

/** The modules a teacher can assign, with their lessons. */
export async function listModulesWithLessons(): Promise<
  { slug: string; title: string; lessons: { slug: string; title: string }[] }[]
> {
  return prisma.module.findMany({
    orderBy: { position: "asc" },
    select: {
      slug: true,
      title: true,
      lessons: { select: { slug: true, title: true }, orderBy: { position: "asc" } },
    },
  });
}
