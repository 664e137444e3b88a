/**
 * Which questions an attempt gets. Pure: the caller supplies the lesson's usable questions, what
 * the learner has met before and the attempt's seed.
 *
 * - Questions the learner has not met come first, then ones they got wrong, then the rest, so a
 *   retake meets new questions while the bank lasts.
 * - Within a tier, types take turns (round robin in a seeded type order), so a draw mixes
 *   multiple choice, fill-in, true/false, ordering and matching instead of ten of one kind.
 * - Questions of understanding (why, who argued, which side, what a term means, the lesson's
 *   answer) make at least 30 % of a draw when the bank has them.
 * - Never two questions on the same evidence sentence: one would give the other away.
 * - The drawn set is then interleaved by type for display, again seeded.
 */
import { mulberry32, shuffle } from "@/app/lib/random";

export const DEFAULT_QUIZ_LENGTH = 10;

export interface DrawCandidate {
  id: string;
  type: string;
  /**
   * The sentence the question was made from. Two questions on one sentence (a true statement and
   * a blank in it) would give each other away, so a draw takes one per sentence while it can.
   */
  evidence?: string;
  /** What the question tests ("fact", "cause", …); see UNDERSTANDING_SKILLS. */
  skill?: string;
}

/** Skills that test understanding rather than recall (mirrors the generator's list). */
const UNDERSTANDING = new Set(["cause", "claim", "position", "attribution", "definition", "main_idea"]);
/** Share of a draw reserved for questions of understanding (3 of 10). */
export const UNDERSTANDING_SHARE = 0.3;

/** Evidence lines of a question (ordering and matching cite several, joined by "\n"). */
function linesOf(c: DrawCandidate): string[] {
  return c.evidence === undefined ? [] : c.evidence.split("\n");
}

export interface DrawHistory {
  /** Question ids the learner has met in earlier attempts of this lesson. */
  seen: ReadonlySet<string>;
  /** Of those, the ones whose latest response was wrong (or unanswered). */
  missed: ReadonlySet<string>;
}

function roundRobinByType<T extends DrawCandidate>(items: readonly T[], typeOrder: readonly string[]): T[] {
  const buckets = new Map<string, T[]>();
  for (const item of items) {
    const list = buckets.get(item.type) ?? [];
    list.push(item);
    buckets.set(item.type, list);
  }
  const order = [
    ...typeOrder.filter((t) => buckets.has(t)),
    ...[...buckets.keys()].filter((t) => !typeOrder.includes(t)),
  ];
  const out: T[] = [];
  let added = true;
  while (added) {
    added = false;
    for (const type of order) {
      const next = buckets.get(type)?.shift();
      if (next) {
        out.push(next);
        added = true;
      }
    }
  }
  return out;
}

/** The ordered question ids for a new attempt: at most min(count, candidates) of them. */
export function drawQuestionIds(
  candidates: readonly DrawCandidate[],
  history: DrawHistory,
  seed: number,
  count: number = DEFAULT_QUIZ_LENGTH,
): string[] {
  const rand = mulberry32(seed);
  // Sort first so the draw depends only on the set of candidates, not the order the DB returned.
  const pool = [...candidates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const typeOrder = shuffle([...new Set(pool.map((c) => c.type))].sort(), rand);
  const tier = (c: DrawCandidate) => (!history.seen.has(c.id) ? 0 : history.missed.has(c.id) ? 1 : 2);
  // Unseen first, then missed, then the rest; shuffled within each tier, types taking turns.
  const ordered: DrawCandidate[] = [];
  for (const t of [0, 1, 2]) {
    const inTier = shuffle(
      pool.filter((c) => tier(c) === t),
      rand,
    );
    ordered.push(...roundRobinByType(inTier, typeOrder));
  }

  const picked: DrawCandidate[] = [];
  const usedEvidence = new Set<string>();
  const fits = (c: DrawCandidate) => !picked.includes(c) && !linesOf(c).some((l) => usedEvidence.has(l));
  const pick = (c: DrawCandidate) => {
    picked.push(c);
    for (const l of linesOf(c)) usedEvidence.add(l);
  };
  const understanding = (c: DrawCandidate) => c.skill !== undefined && UNDERSTANDING.has(c.skill);
  const reserved = Math.ceil(UNDERSTANDING_SHARE * Math.min(count, pool.length));
  for (const c of ordered) {
    if (picked.length >= reserved) break;
    if (understanding(c) && fits(c)) pick(c);
  }
  for (const c of ordered) {
    if (picked.length >= count) break;
    if (fits(c)) pick(c);
  }
  return roundRobinByType(shuffle(picked, rand), shuffle(typeOrder, rand)).map((c) => c.id);
}
