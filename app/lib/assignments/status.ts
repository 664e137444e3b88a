/**
 * What an assignment means for one learner and one lesson: which attempt counts (best or latest,
 * within the attempts allowed and before the assignment was closed), whether it was late, and
 * the status shown to learner and teacher. Pure: every input is a plain value.
 */
import { reachesPercent, scorePercent } from "@/app/lib/progress/scoring";

export type Counting = "best" | "latest";

export interface AssignmentRules {
  /** Null: open from creation. */
  opensAt: Date | null;
  dueAt: Date;
  /** Set once the teacher closes the assignment: later attempts do not count. */
  closedAt: Date | null;
  passMark: number;
  /** Null: unlimited. */
  attemptsAllowed: number | null;
  counting: Counting;
}

export interface AttemptFact {
  id: string;
  status: "in_progress" | "submitted";
  score: number | null;
  total: number;
  startedAt: Date;
  submittedAt: Date | null;
}

export const LESSON_STATUSES = [
  "not_started",
  "in_progress",
  "passed",
  "below_pass_mark",
  "overdue",
] as const;
export type LessonStatus = (typeof LESSON_STATUSES)[number];

export interface CountedScore {
  attemptId: string;
  score: number;
  total: number;
  /** 0–100, rounded to one decimal. */
  percent: number;
  submittedAt: Date;
  late: boolean;
}

export interface LessonOutcome {
  status: LessonStatus;
  /** The counting attempt was submitted after the due date (accepted, marked late). */
  late: boolean;
  counted: CountedScore | null;
  /** Submitted attempts that count towards the limit. */
  attemptsUsed: number;
  /** Null: unlimited. */
  attemptsLeft: number | null;
}

/** score/total as a percentage with one decimal (partial credit included). */
export function percentOf(score: number, total: number): number {
  return scorePercent(score, total, 1);
}

/** Submitted attempts that count, oldest first: before the close, and only the first N allowed. */
export function countingAttempts(rules: AssignmentRules, attempts: readonly AttemptFact[]): AttemptFact[] {
  const submitted = attempts
    .filter(
      (a): a is AttemptFact & { submittedAt: Date; score: number } =>
        a.status === "submitted" && a.submittedAt !== null && a.score !== null,
    )
    .filter((a) => rules.closedAt === null || a.submittedAt <= rules.closedAt)
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  return rules.attemptsAllowed === null ? submitted : submitted.slice(0, rules.attemptsAllowed);
}

/** The attempt that counts: the best percentage (earliest on a tie) or the latest one. */
export function countedScore(rules: AssignmentRules, attempts: readonly AttemptFact[]): CountedScore | null {
  return pickCounted(rules, countingAttempts(rules, attempts));
}

function pickCounted(rules: AssignmentRules, eligible: readonly AttemptFact[]): CountedScore | null {
  if (eligible.length === 0) return null;
  let pick = eligible[eligible.length - 1] as AttemptFact;
  if (rules.counting === "best") {
    pick = eligible.reduce((best, a) =>
      percentOf(a.score ?? 0, a.total) > percentOf(best.score ?? 0, best.total) ? a : best,
    );
  }
  const submittedAt = pick.submittedAt as Date;
  return {
    attemptId: pick.id,
    score: pick.score ?? 0,
    total: pick.total,
    percent: percentOf(pick.score ?? 0, pick.total),
    submittedAt,
    late: submittedAt > rules.dueAt,
  };
}

export function lessonOutcome(
  rules: AssignmentRules,
  attempts: readonly AttemptFact[],
  now: Date,
): LessonOutcome {
  const eligible = countingAttempts(rules, attempts);
  const counted = pickCounted(rules, eligible);
  const attemptsUsed = eligible.length;
  const attemptsLeft =
    rules.attemptsAllowed === null ? null : Math.max(0, rules.attemptsAllowed - attemptsUsed);
  if (counted) {
    return {
      status: reachesPercent(counted.score, counted.total, rules.passMark) ? "passed" : "below_pass_mark",
      late: counted.late,
      counted,
      attemptsUsed,
      attemptsLeft,
    };
  }
  const open = attempts.some((a) => a.status === "in_progress");
  const pastDue = now > rules.dueAt;
  return {
    status: open ? "in_progress" : pastDue ? "overdue" : "not_started",
    late: open && pastDue,
    counted: null,
    attemptsUsed,
    attemptsLeft,
  };
}

export type StartRefusal = "not_open" | "closed" | "no_attempts_left";

/** Whether the learner may start another attempt for this assignment (late is allowed). */
export function canStartAttempt(
  rules: AssignmentRules,
  attempts: readonly AttemptFact[],
  now: Date,
): { ok: true } | { ok: false; reason: StartRefusal } {
  if (rules.closedAt !== null && now >= rules.closedAt) return { ok: false, reason: "closed" };
  if (rules.opensAt !== null && now < rules.opensAt) return { ok: false, reason: "not_open" };
  if (rules.attemptsAllowed !== null && countingAttempts(rules, attempts).length >= rules.attemptsAllowed)
    return { ok: false, reason: "no_attempts_left" };
  return { ok: true };
}

const LABELS: Record<LessonStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  passed: "Passed",
  below_pass_mark: "Below pass mark",
  overdue: "Overdue",
};

/** "Passed", "Below pass mark · late", "Overdue"… */
export function statusLabel(outcome: Pick<LessonOutcome, "status" | "late">): string {
  return outcome.late && outcome.status !== "overdue"
    ? `${LABELS[outcome.status]} · late`
    : LABELS[outcome.status];
}

export const REFUSAL_MESSAGES: Record<StartRefusal, string> = {
  not_open: "This assignment is not open yet.",
  closed: "The teacher has closed this assignment.",
  no_attempts_left: "You have used every attempt this assignment allows.",
};
