/**
 * Who may do what with classes. Decided here, enforced by the data layer inside the query that
 * reads the rows (see `ClassScope`), so "not yours" and "does not exist" look the same: 404.
 *
 * - Anyone signed in may create a class and then teaches it, unless TEACHER_SIGNUP=closed, in
 *   which case only teachers and admins may.
 * - The class's teacher and its co-teachers manage it; an admin manages every class.
 * - A current learner of the class sees its assignments and their own work, nothing else.
 * - Everyone else (other teachers, other learners, guests, anonymous visitors) sees nothing.
 * - A temporary password may be set by an admin for anyone but themselves, and by a teacher for
 *   a learner account currently in a class they manage (never a teacher's or admin's account,
 *   which would let a teacher sign in as them).
 * - The shared question bank may be reviewed by teachers and admins, and by anyone who teaches
 *   a class.
 */
import type { Role } from "@/app/lib/auth/roles";

export type Viewer = { kind: "anonymous" } | { kind: "guest" } | { kind: "user"; userId: string; role: Role };

export type ClassRelation = "owner" | "co_teacher" | "learner" | "former_learner" | "none";
export type ClassAccess = "manage" | "member" | "none";

export type TeacherSignup = "open" | "closed";

export function teacherSignup(env: Record<string, string | undefined> = process.env): TeacherSignup {
  return env.TEACHER_SIGNUP?.trim().toLowerCase() === "closed" ? "closed" : "open";
}

export function canCreateClass(viewer: Viewer, signup: TeacherSignup): boolean {
  if (viewer.kind !== "user") return false;
  return signup === "open" || viewer.role === "teacher" || viewer.role === "admin";
}

export function classAccess(viewer: Viewer, relation: ClassRelation): ClassAccess {
  if (viewer.kind !== "user") return "none";
  if (viewer.role === "admin") return "manage";
  if (relation === "owner" || relation === "co_teacher") return "manage";
  if (relation === "learner") return "member";
  return "none";
}

/** Which classes a query may return to someone who wants to manage them. */
export type ClassScope = { kind: "any" } | { kind: "teaching"; userId: string } | { kind: "nothing" };

export function manageScope(viewer: Viewer): ClassScope {
  if (viewer.kind !== "user") return { kind: "nothing" };
  return viewer.role === "admin" ? { kind: "any" } : { kind: "teaching", userId: viewer.userId };
}

/** The "Teach" link: teachers and admins, and anyone who teaches (or co-teaches) a class. */
export function showsTeachArea(role: Role, classesTaught: number): boolean {
  return role === "teacher" || role === "admin" || classesTaught > 0;
}

export function canReviewQuestions(viewer: Viewer, teachesAClass: boolean): boolean {
  if (viewer.kind !== "user") return false;
  return viewer.role === "teacher" || viewer.role === "admin" || teachesAClass;
}

/** Item analysis over every learner (not just a class) is for admins. */
export function canSeeGlobalItemAnalysis(viewer: Viewer): boolean {
  return viewer.kind === "user" && viewer.role === "admin";
}

/** Whose password the viewer may replace with a temporary one (see the rules above). */
export type PasswordResetScope =
  { kind: "anyone_but"; userId: string } | { kind: "learners_of"; scope: ClassScope } | { kind: "nobody" };

export function passwordResetScope(viewer: Viewer): PasswordResetScope {
  if (viewer.kind !== "user") return { kind: "nobody" };
  if (viewer.role === "admin") return { kind: "anyone_but", userId: viewer.userId };
  return { kind: "learners_of", scope: manageScope(viewer) };
}
