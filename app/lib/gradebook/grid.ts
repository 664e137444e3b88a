/**
 * The gradebook of one assignment: learners × lessons, each cell the lesson's outcome for that
 * learner (counting score, status, late mark), a total per learner and class averages per
 * lesson. Pure: the data layer hands over rows, this decides what they mean.
 */
import {
  lessonOutcome,
  type AssignmentRules,
  type AttemptFact,
  type LessonOutcome,
} from "@/app/lib/assignments/status";

export interface GradebookLearner {
  userId: string;
  name: string;
  email: string;
  /**
   * "left" or "removed": history kept and shown, excluded from class averages. "deleted": the
   * learner deleted their account; the row keeps their place, with no name, email or work.
   */
  exit: "left" | "removed" | "deleted" | null;
}

export const DELETED_LEARNER = "Deleted learner";

/** The row of a learner who deleted their account (`id` is their DeletedClassMember row). */
export function deletedLearner(id: string): GradebookLearner {
  return { userId: `deleted-${id}`, name: DELETED_LEARNER, email: "", exit: "deleted" };
}

/** A column: a lesson's quiz, or the module test (slug "test:<module>"). */
export interface GradebookLesson {
  slug: string;
  title: string;
  kind?: "lesson" | "test";
}

export type GradebookAttempt = AttemptFact & { userId: string; lessonSlug: string };

export interface GradebookRow {
  learner: GradebookLearner;
  /** One per lesson; none for a deleted learner (their work went with the account). */
  cells: LessonOutcome[];
  /** Mean of counting percentages over every lesson, a lesson without one counting 0. */
  totalPercent: number;
  completed: number;
  passed: number;
  late: number;
}

export interface LessonAverage {
  slug: string;
  /** Mean counting percentage of current learners who have one; null when none has. */
  averagePercent: number | null;
  submitted: number;
  passed: number;
}

export interface Gradebook {
  lessons: GradebookLesson[];
  rows: GradebookRow[];
  averages: LessonAverage[];
  /** Mean of current learners' totals; null without learners. */
  classAverage: number | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const mean = (xs: number[]) => (xs.length ? round1(xs.reduce((s, x) => s + x, 0) / xs.length) : null);

export function buildGradebook(input: {
  rules: AssignmentRules;
  lessons: GradebookLesson[];
  learners: GradebookLearner[];
  attempts: GradebookAttempt[];
  now: Date;
}): Gradebook {
  const { rules, lessons, now } = input;
  const byCell = new Map<string, AttemptFact[]>();
  for (const a of input.attempts) {
    const key = `${a.userId}\u0000${a.lessonSlug}`;
    const list = byCell.get(key);
    if (list) list.push(a);
    else byCell.set(key, [a]);
  }
  const rows = input.learners.map((learner): GradebookRow => {
    if (learner.exit === "deleted")
      return { learner, cells: [], totalPercent: 0, completed: 0, passed: 0, late: 0 };
    const cells = lessons.map((l) =>
      lessonOutcome(rules, byCell.get(`${learner.userId}\u0000${l.slug}`) ?? [], now),
    );
    const sum = cells.reduce((s, c) => s + (c.counted?.percent ?? 0), 0);
    return {
      learner,
      cells,
      totalPercent: lessons.length ? round1(sum / lessons.length) : 0,
      completed: cells.filter((c) => c.counted).length,
      passed: cells.filter((c) => c.status === "passed").length,
      late: cells.filter((c) => c.late).length,
    };
  });
  const current = rows.filter((r) => r.learner.exit === null);
  const averages = lessons.map((l, i): LessonAverage => {
    const counted = current.map((r) => r.cells[i]?.counted).filter((c) => c != null);
    return {
      slug: l.slug,
      averagePercent: mean(counted.map((c) => c.percent)),
      submitted: counted.length,
      passed: current.filter((r) => r.cells[i]?.status === "passed").length,
    };
  });
  return { lessons, rows, averages, classAverage: mean(current.map((r) => r.totalPercent)) };
}

export type SortKey = { by: "name" } | { by: "total" } | { by: "lesson"; index: number };

/** Rows sorted by name, total or one lesson's counting percentage (missing scores last). */
export function sortRows(rows: readonly GradebookRow[], key: SortKey, dir: "asc" | "desc"): GradebookRow[] {
  const sign = dir === "asc" ? 1 : -1;
  const byName = (a: GradebookRow, b: GradebookRow) =>
    a.learner.name.localeCompare(b.learner.name, "en") || a.learner.email.localeCompare(b.learner.email);
  const value = (r: GradebookRow): number | null =>
    key.by === "total"
      ? r.totalPercent
      : key.by === "lesson"
        ? (r.cells[key.index]?.counted?.percent ?? null)
        : null;
  return [...rows].sort((a, b) => {
    if (key.by === "name") return sign * byName(a, b);
    const va = value(a);
    const vb = value(b);
    if (va === null && vb === null) return byName(a, b);
    if (va === null) return 1;
    if (vb === null) return -1;
    return sign * (va - vb) || byName(a, b);
  });
}
