import "server-only";
/**
 * Assignments: teachers create and close them; learners see what is assigned to them with a
 * status per lesson, and start a quiz that is linked to the assignment.
 */
import type { Actor } from "@/app/lib/auth/actor";
import { AppError } from "@/app/lib/errors";
import * as db from "@/app/lib/db/assignments";
import { scopeOf, CLASS_NOT_FOUND } from "@/app/lib/classes/service";
import { startQuiz } from "@/app/lib/attempts/service";
import type { QuizView } from "@/app/lib/attempts/views";
import { formatAbsolute, formatRelative, localToUtc } from "./due";
import type { CreateAssignmentInput } from "./schemas";
import {
  canStartAttempt,
  lessonOutcome,
  REFUSAL_MESSAGES,
  statusLabel,
  type AssignmentRules,
  type LessonOutcome,
} from "./status";

export function rulesOf(a: db.AssignmentRecord): AssignmentRules {
  return {
    opensAt: a.opensAt,
    dueAt: a.dueAt,
    closedAt: a.closedAt,
    passMark: a.passMark,
    attemptsAllowed: a.attemptsAllowed,
    counting: a.counting,
  };
}

export async function createAssignment(
  actor: Actor | null,
  input: CreateAssignmentInput,
): Promise<db.AssignmentRecord> {
  const scope = scopeOf(actor);
  const dueAt = localToUtc(input.dueAt, input.timezone);
  if (!dueAt)
    throw new AppError("bad_request", "Check the due date.", { fieldErrors: { dueAt: ["Not a date."] } });
  const opensAt = input.opensAt ? localToUtc(input.opensAt, input.timezone) : null;
  if (input.opensAt && !opensAt)
    throw new AppError("bad_request", "Check the open date.", { fieldErrors: { opensAt: ["Not a date."] } });
  if (opensAt && opensAt >= dueAt)
    throw new AppError("bad_request", "The due date must come after the open date.", {
      fieldErrors: { dueAt: ["Must be after the open date."] },
    });
  const result = await db.insertAssignment(scope, input.classId, actor?.kind === "user" ? actor.userId : "", {
    title: input.title,
    kind: input.kind,
    moduleSlug: input.moduleSlug,
    lessonSlugs: input.kind === "lessons" ? (input.lessonSlugs ?? []) : null,
    opensAt,
    dueAt,
    timezone: input.timezone,
    passMark: input.passMark,
    questionsPerQuiz: input.questionsPerQuiz,
    attemptsAllowed: input.attemptsAllowed === "unlimited" ? null : Number(input.attemptsAllowed),
    counting: input.counting,
    reviewedOnly: input.reviewedOnly,
  });
  switch (result.kind) {
    case "created":
      return result.assignment;
    case "no_class":
      throw new AppError("not_found", CLASS_NOT_FOUND);
    case "archived":
      throw new AppError("conflict", "This class is archived; restore it to assign work.");
    case "no_module":
      throw new AppError("bad_request", "There is no such module.", {
        fieldErrors: { moduleSlug: ["Unknown module."] },
      });
    case "unknown_lessons":
      throw new AppError("bad_request", "Those lessons are not in the module.", {
        fieldErrors: { lessonSlugs: [`Not in this module: ${result.slugs.join(", ")}`] },
      });
  }
}

export async function setAssignmentClosed(
  actor: Actor | null,
  input: { classId: string; assignmentId: string; closed: boolean },
): Promise<void> {
  if (!(await db.setAssignmentClosed(scopeOf(actor), input.classId, input.assignmentId, input.closed)))
    throw new AppError("not_found", "There is no such assignment in your classes.");
}

export async function getManagedAssignment(
  actor: Actor | null,
  classId: string,
  assignmentId: string,
): Promise<db.AssignmentRecord> {
  const found = await db.getManagedAssignment(scopeOf(actor), classId, assignmentId);
  if (!found) throw new AppError("not_found", "There is no such assignment in your classes.");
  return found;
}

export interface AssignedLessonView {
  slug: string;
  title: string;
  outcome: LessonOutcome;
  label: string;
  canStart: boolean;
  refusal: string | null;
}

export interface AssignedView {
  id: string;
  title: string;
  className: string;
  module: { slug: string; title: string };
  dueAt: string;
  dueAbsolute: string;
  dueRelative: string;
  opensAt: string | null;
  closed: boolean;
  passMark: number;
  attemptsAllowed: number | null;
  counting: "best" | "latest";
  lessons: AssignedLessonView[];
  done: number;
}

/** Everything assigned to the signed-in learner, due soonest first, each lesson with its status. */
export async function listAssignedToMe(actor: Actor | null, now: Date = new Date()): Promise<AssignedView[]> {
  if (actor?.kind !== "user") return [];
  const { assignments, attempts } = await db.listLearnerAssignments(actor.userId);
  return assignments.map((a) => toAssignedView(a, attempts, actor.timezone, now));
}

function toAssignedView(
  a: db.AssignmentRecord,
  attempts: db.LearnerAttemptRow[],
  timezone: string,
  now: Date,
): AssignedView {
  const rules = rulesOf(a);
  const lessons = a.lessons.map((l): AssignedLessonView => {
    const mine = attempts.filter((t) => t.assignmentId === a.id && t.lessonId === l.id);
    const outcome = lessonOutcome(rules, mine, now);
    const start = canStartAttempt(rules, mine, now);
    return {
      slug: l.slug,
      title: l.title,
      outcome,
      label: statusLabel(outcome),
      canStart: start.ok,
      refusal: start.ok ? null : REFUSAL_MESSAGES[start.reason],
    };
  });
  return {
    id: a.id,
    title: a.title || (a.lessons.length === 1 ? (a.lessons[0]?.title ?? a.module.title) : a.module.title),
    className: a.className,
    module: a.module,
    dueAt: a.dueAt.toISOString(),
    dueAbsolute: formatAbsolute(a.dueAt, timezone),
    dueRelative: formatRelative(a.dueAt, now),
    opensAt: a.opensAt?.toISOString() ?? null,
    closed: a.closedAt !== null,
    passMark: a.passMark,
    attemptsAllowed: a.attemptsAllowed,
    counting: a.counting,
    lessons,
    done: lessons.filter((l) => l.outcome.counted).length,
  };
}

/**
 * Starts (or resumes) the learner's quiz for one lesson of an assignment of theirs: the
 * attempt is linked to the assignment and drawn with its settings. Refused before it opens,
 * once closed, and when the attempts allowed are used up.
 */
export async function startAssignedLesson(
  actor: Actor | null,
  input: { assignmentId: string; lessonSlug: string },
  now: Date = new Date(),
): Promise<{ resumed: boolean; quiz: QuizView }> {
  if (actor?.kind !== "user") throw new AppError("unauthorized", "Please sign in to continue.");
  const found = await db.getLearnerAssignment(actor.userId, input.assignmentId);
  if (!found) throw new AppError("not_found", "There is no such assignment for you.");
  const lesson = found.assignment.lessons.find((l) => l.slug === input.lessonSlug);
  if (!lesson) throw new AppError("not_found", "That lesson is not part of this assignment.");
  const mine = found.attempts.filter((t) => t.lessonId === lesson.id);
  const resuming = mine.some((t) => t.status === "in_progress");
  const allowed = canStartAttempt(rulesOf(found.assignment), mine, now);
  if (!allowed.ok && !(resuming && allowed.reason === "no_attempts_left"))
    throw new AppError("conflict", REFUSAL_MESSAGES[allowed.reason]);
  return startQuiz({ kind: "user", userId: actor.userId }, lesson.slug, {
    assignmentId: found.assignment.id,
    reviewedOnly: found.assignment.reviewedOnly,
    questionsPerQuiz: found.assignment.questionsPerQuiz,
  });
}

/** The modules (with lessons) a teacher can assign. */
export const listAssignableModules = db.listModulesWithLessons;
