import "server-only";
/**
 * Classes for pages, server actions and the JSON API alike: each function takes the actor,
 * decides with the permission rules, and lets the data layer enforce the scope in its query.
 * Expected failures are AppErrors (404 for anything not the actor's to see).
 */
import type { Actor, UserActor } from "@/app/lib/auth/actor";
import { AppError } from "@/app/lib/errors";
import * as db from "@/app/lib/db/classes";
import { listClassAssignments, type AssignmentRecord } from "@/app/lib/db/assignments";
import { newJoinCode, normalizeJoinCode } from "./join-code";
import { canCreateClass, manageScope, teacherSignup, type ClassScope } from "./permissions";
import { toViewer } from "./viewer";
import { admitJoinCode } from "@/app/lib/auth/throttle";
import { throttleMessage } from "@/app/lib/auth/throttle-message";

export const CLASS_NOT_FOUND = "There is no such class, or it is not yours.";

function signedIn(actor: Actor | null): Extract<Actor, { kind: "user" }> {
  if (actor?.kind !== "user") throw new AppError("unauthorized", "Please sign in to continue.");
  return actor;
}

/** The scope of classes the actor manages (signed-in users only). */
export function scopeOf(actor: Actor | null): ClassScope {
  return manageScope(toViewer(signedIn(actor)));
}

export function mayCreateClass(actor: Actor | null): boolean {
  return canCreateClass(toViewer(actor), teacherSignup());
}

export async function createClass(actor: Actor | null, input: { name: string }): Promise<db.ClassSummary> {
  const user = signedIn(actor);
  if (!mayCreateClass(user))
    throw new AppError("forbidden", "Only teachers can create classes on this site.");
  return db.insertClass(user.userId, input.name, () => newJoinCode());
}

export async function listTeaching(actor: Actor | null): Promise<db.ClassSummary[]> {
  return db.listManagedClasses(scopeOf(actor));
}

export interface ClassOverview {
  summary: db.ClassSummary;
  roster: db.RosterEntry[];
  assignments: AssignmentRecord[];
}

export async function getClassOverview(actor: Actor | null, classId: string): Promise<ClassOverview> {
  const scope = scopeOf(actor);
  const [summary, roster, assignments] = await Promise.all([
    db.getManagedClass(scope, classId),
    db.getRoster(scope, classId),
    listClassAssignments(scope, classId),
  ]);
  if (!summary || !roster) throw new AppError("not_found", CLASS_NOT_FOUND);
  return { summary, roster, assignments };
}

async function patch(actor: Actor | null, classId: string, change: db.ClassPatch): Promise<void> {
  if (!(await db.updateManagedClass(scopeOf(actor), classId, change)))
    throw new AppError("not_found", CLASS_NOT_FOUND);
}

export const renameClass = (actor: Actor | null, input: { classId: string; name: string }) =>
  patch(actor, input.classId, { name: input.name });
export const setArchived = (actor: Actor | null, input: { classId: string; archived: boolean }) =>
  patch(actor, input.classId, { archived: input.archived });
export const setJoinEnabled = (actor: Actor | null, input: { classId: string; enabled: boolean }) =>
  patch(actor, input.classId, { joinEnabled: input.enabled });

export async function regenerateJoinCode(actor: Actor | null, input: { classId: string }): Promise<string> {
  const code = await db.replaceJoinCode(scopeOf(actor), input.classId, () => newJoinCode());
  if (!code) throw new AppError("not_found", CLASS_NOT_FOUND);
  return code;
}

export async function removeLearner(actor: Actor | null, input: { classId: string; userId: string }) {
  if (!(await db.removeLearner(scopeOf(actor), input.classId, input.userId)))
    throw new AppError("not_found", "That learner is not in this class.");
}

export async function addCoTeacher(actor: Actor | null, input: { classId: string; email: string }) {
  const result = await db.addCoTeacher(scopeOf(actor), input.classId, input.email.toLowerCase());
  if (result === "no_class") throw new AppError("not_found", CLASS_NOT_FOUND);
  if (result === "no_user")
    throw new AppError("bad_request", "No account uses that email; ask them to sign up first.", {
      fieldErrors: { email: ["No account uses that email."] },
    });
  if (result === "owner") throw new AppError("conflict", "That person already teaches this class.");
}

export async function leaveClass(actor: Actor | null, input: { classId: string }) {
  const user = signedIn(actor);
  if (!(await db.leaveClass(user.userId, input.classId)))
    throw new AppError("not_found", "You are not a learner in that class.");
}

/**
 * Looks a join code up, counted against guessing (per client address, and per account when
 * signed in); a code that names a class is not counted. Throws too_many_requests while throttled.
 */
async function lookUpCode<T>(
  who: { userId: string | null; address: string },
  find: () => Promise<T | null>,
): Promise<T | null> {
  const admitted = await admitJoinCode(who);
  if (!admitted.ok)
    throw new AppError("too_many_requests", throttleMessage(admitted.retryAfterSeconds), {
      retryAfterSeconds: admitted.retryAfterSeconds,
    });
  const found = await find();
  if (found) await admitted.codeWasRight();
  return found;
}

/**
 * What the join page shows for a code, before anyone joins: null for an unknown code. Counted
 * like a join, since it tells whether a code exists.
 */
export async function previewJoin(
  actor: Actor | null,
  code: string,
  address: string,
): Promise<db.JoinTarget | null> {
  const normal = normalizeJoinCode(code);
  if (!normal) return null;
  const userId = actor?.kind === "user" ? actor.userId : null;
  return lookUpCode({ userId, address }, () => db.findClassByJoinCode(normal, userId));
}

export const UNKNOWN_CODE = "That class code does not exist. Check it with your teacher.";

/**
 * Joins the class with this code as a learner. Wrong codes are throttled per client address
 * and per account (429 with the wait); a right one never counts against either.
 */
export async function joinClass(
  actor: Actor | null,
  input: { code: string },
  address: string,
): Promise<{ classId: string; outcome: db.JoinOutcome }> {
  if (actor?.kind !== "user") throw new AppError("unauthorized", "Sign up or sign in to join a class.");
  const code = normalizeJoinCode(input.code);
  if (!code)
    throw new AppError("bad_request", UNKNOWN_CODE, {
      fieldErrors: { code: ["Class codes have 8 letters and digits."] },
    });
  const userId = actor.userId;
  const result = await lookUpCode({ userId, address }, () => db.joinByCode(userId, code));
  if (!result) throw new AppError("not_found", UNKNOWN_CODE, { fieldErrors: { code: [UNKNOWN_CODE] } });
  if (result.outcome === "closed")
    throw new AppError("conflict", "This class is not accepting new learners.");
  if (result.outcome === "teaches") throw new AppError("conflict", "You teach this class.");
  return { classId: result.classId, outcome: result.outcome };
}

/**
 * The join that rides along with a sign-up or sign-in from a join link: the same checks and
 * throttling as `joinClass`, but an expected refusal (unknown code, closed class, throttled)
 * does not stop the sign-in; the join page the user lands on says why. True when they are in.
 */
export async function joinOnArrival(actor: UserActor, code: string, address: string): Promise<boolean> {
  try {
    await joinClass(actor, { code }, address);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code !== "internal") return false;
    throw error;
  }
}

export async function myClasses(actor: Actor | null): Promise<db.MembershipSummary[]> {
  return actor?.kind === "user" ? db.listMemberships(actor.userId) : [];
}
