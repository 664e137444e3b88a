import "server-only";
/**
 * Assignments: teachers create and close them; learners see what is assigned to them with a
 * status per lesson, and start a quiz that is linked to the assignment.
 */
import type { Actor } from "@/app/lib/auth/actor";
import { AppError } from "@/app/lib/errors";
import * as db from "@/app/lib/db/assignments";
import { scopeOf, CLASS_NOT_FOUND } from "@/app/lib/classes/service";
import { startQuiz, type QuizAssignment, type TargetRef } from "@/app/lib/attempts/service";
import type { QuizView } from "@/app/lib/attempts/views";
import type { AssignedPartFact } from "@/app/lib/progress/next-step";
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

/** One row under an assignment: a lesson's quiz, or the module test. */
export interface AssignedLessonView {
  kind: "lesson" | "test";
  /** The lesson's slug, or the module's for the test. */
  slug: string;
  title: string;
  /** The page of the lesson or module. */
  href: string;
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
  const lessons = a.parts.map((l): AssignedLessonView => {
    const mine = attempts.filter((t) => t.assignmentId === a.id && t.partId === l.id);
    const outcome = lessonOutcome(rules, mine, now);
    const start = canStartAttempt(rules, mine, now);
    return {
      kind: l.kind,
      slug: l.slug,
      title: l.title,
      href: l.kind === "test" ? `/modules/${l.slug}` : `/lessons/${l.slug}`,
      outcome,
      label: statusLabel(outcome),
      canStart: start.ok,
      refusal: start.ok ? null : REFUSAL_MESSAGES[start.reason],
    };
  });
  return {
    id: a.id,
    title: a.title || (a.parts.length === 1 ? (a.parts[0]?.title ?? a.module.title) : a.module.title),
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

/** Every part of the learner's assignments, due soonest first, with whether it is done and startable. */
export async function listAssignedParts(userId: string, now: Date = new Date()): Promise<AssignedPartFact[]> {
  const { assignments, attempts } = await db.listLearnerAssignments(userId);
  return assignments.flatMap((a) => {
    const rules = rulesOf(a);
    return a.parts.map((p): AssignedPartFact => {
      const mine = attempts.filter((t) => t.assignmentId === a.id && t.partId === p.id);
      return {
        assignmentTitle: assignmentTitle(a),
        target: { kind: p.kind === "test" ? "module" : "lesson", slug: p.slug, title: p.title },
        dueAt: a.dueAt,
        done: lessonOutcome(rules, mine, now).counted !== null,
        canStart: canStartAttempt(rules, mine, now).ok,
      };
    });
  });
}

/** The part of an assignment a lesson quiz or module test is, if any. */
function partFor(assignment: db.AssignmentRecord, target: TargetRef): db.AssignmentPart | undefined {
  const kind = target.kind === "module" ? "test" : "lesson";
  return assignment.parts.find((p) => p.kind === kind && p.slug === target.slug);
}

function linkOf(assignment: db.AssignmentRecord): QuizAssignment {
  return {
    assignmentId: assignment.id,
    reviewedOnly: assignment.reviewedOnly,
    questionsPerQuiz: assignment.questionsPerQuiz,
  };
}

/**
 * Starts (or resumes) the learner's quiz for one part of an assignment of theirs (a lesson's
 * quiz or the module test): the attempt is linked to the assignment and drawn with its
 * settings. Refused before it opens, once closed, and when the attempts allowed are used up.
 */
export async function startAssignedLesson(
  actor: Actor | null,
  input: { assignmentId: string } & ({ lessonSlug: string } | { moduleSlug: string }),
  now: Date = new Date(),
): Promise<{ resumed: boolean; quiz: QuizView }> {
  if (actor?.kind !== "user") throw new AppError("unauthorized", "Please sign in to continue.");
  const found = await db.getLearnerAssignment(actor.userId, input.assignmentId);
  if (!found) throw new AppError("not_found", "There is no such assignment for you.");
  const target: TargetRef =
    "moduleSlug" in input
      ? { kind: "module", slug: input.moduleSlug }
      : { kind: "lesson", slug: input.lessonSlug };
  const part = partFor(found.assignment, target);
  if (!part) throw new AppError("not_found", "That is not part of this assignment.");
  const mine = found.attempts.filter((t) => t.partId === part.id);
  const resuming = mine.some((t) => t.status === "in_progress");
  const allowed = canStartAttempt(rulesOf(found.assignment), mine, now);
  if (!allowed.ok && !(resuming && allowed.reason === "no_attempts_left"))
    throw new AppError("conflict", REFUSAL_MESSAGES[allowed.reason]);
  return startQuiz({ kind: "user", userId: actor.userId }, target, linkOf(found.assignment));
}

/**
 * The learner's open assignment a quiz on this target would count for, if any: one of their
 * current classes' assignments covering the lesson (or the module test) that still takes an
 * attempt. One already in progress wins (it is resumed), then the soonest due that is not past
 * due, then the most recently due.
 */
export async function countingAssignmentFor(
  userId: string,
  target: TargetRef,
  now: Date = new Date(),
): Promise<QuizAssignment | null> {
  const { assignments, attempts } = await db.listLearnerAssignments(userId);
  const open = assignments.flatMap((a) => {
    const part = partFor(a, target);
    if (!part) return [];
    const mine = attempts.filter((t) => t.assignmentId === a.id && t.partId === part.id);
    const inProgress = mine.some((t) => t.status === "in_progress");
    return canStartAttempt(rulesOf(a), mine, now).ok || inProgress ? [{ a, inProgress }] : [];
  });
  const rank = ({ a, inProgress }: (typeof open)[number]) => (inProgress ? 0 : a.dueAt >= now ? 1 : 2);
  open.sort(
    (x, y) =>
      rank(x) - rank(y) ||
      (rank(x) === 2 ? y.a.dueAt.getTime() - x.a.dueAt.getTime() : x.a.dueAt.getTime() - y.a.dueAt.getTime()),
  );
  const pick = open[0];
  return pick ? linkOf(pick.a) : null;
}

/**
 * Start (or resume) a lesson quiz or module test from its own page. For a signed-in learner with
 * an open assignment covering it, the attempt counts for that assignment (the server decides,
 * whatever page the start came from); otherwise it is self-study. Guests are never linked.
 */
export async function startQuizFromPage(
  actor: Actor,
  target: TargetRef,
  now: Date = new Date(),
): Promise<{ resumed: boolean; quiz: QuizView }> {
  const assignment = actor.kind === "user" ? await countingAssignmentFor(actor.userId, target, now) : null;
  return startQuiz(actor, target, assignment);
}

/** An assignment's name: the teacher's title, else "Module test: …" for a module test, else the module's. */
export function assignmentTitle(a: Pick<db.AssignmentRecord, "title" | "kind" | "parts" | "module">): string {
  if (a.title) return a.title;
  return (a.kind === "test" ? a.parts[0]?.title : undefined) ?? a.module.title;
}

/** The modules (with lessons) a teacher can assign. */
export const listAssignableModules = db.listModulesWithLessons;
