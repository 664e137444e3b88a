/**
 * Which questions an attempt gets. Pure: the caller supplies the lesson's usable questions, what
 * the learner has met before and the attempt's seed.
 *
 * - Questions the learner has not met come first, then ones they got wrong, then the rest, so a
 *   retake meets new questions while the bank lasts.
 * - Within a tier, types take turns (round robin in a seeded type order), so a draw mixes
 *   multiple choice, fill-in, true/false, ordering and matching instead of ten of one kind; true
 *   and false statements take turns too.
 * - Questions of understanding (why, who argued, which side, what a term means, the lesson's
 *   answer) make at least 30 % of a draw when the bank has them.
 * - Never two questions on the same evidence sentence: one would give the other away.
 * - Every type the lesson has appears when sentences allow: a pick never takes the only sentence
 *   left to a type the draw lacks (such as the lesson's one matching question).
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
  /**
   * The key, read only for true/false: a draw alternates true and false statements while the
   * lesson has both, so "always True" is no strategy. (The draw runs on the server.)
   */
  answer?: unknown;
}

/** Skills that test understanding rather than recall (mirrors the generator's list). */
const UNDERSTANDING = new Set(["cause", "claim", "position", "attribution", "definition", "main_idea"]);
/** Share of a draw reserved for questions of understanding (3 of 10). */
export const UNDERSTANDING_SHARE = 0.3;

/** Evidence lines of a question (ordering and matching cite several, joined by "\n"). */
function linesOf(c: DrawCandidate): string[] {
  return c.evidence === undefined ? [] : c.evidence.split("\n");
}

/**
 * Whether two evidence lines share a sentence: the same line, or one holding the other (a
 * statement of cause cites its sentence together with the one before, on one line).
 */
function overlap(a: string, b: string): boolean {
  const holds = (long: string, short: string) =>
    long.startsWith(`${short} `) || long.endsWith(` ${short}`) || long.includes(` ${short} `);
  return a === b || holds(a, b) || holds(b, a);
}

export interface DrawHistory {
  /** Question ids the learner has met in earlier attempts of this lesson. */
  seen: ReadonlySet<string>;
  /** Of those, the ones whose latest response was wrong (or unanswered). */
  missed: ReadonlySet<string>;
}

/**
 * True/false statements in turns of false and true, the first as it came (so either may lead);
 * whatever one side has left over follows in order.
 */
function alternateStatements<T extends DrawCandidate>(items: readonly T[]): T[] {
  const isFalse = (c: T) => c.answer === "False";
  const first = items[0];
  if (!first) return [];
  const lead = items.filter((c) => isFalse(c) === isFalse(first));
  const other = items.filter((c) => isFalse(c) !== isFalse(first));
  const out: T[] = [];
  for (let i = 0; i < Math.max(lead.length, other.length); i++) {
    if (lead[i]) out.push(lead[i]!);
    if (other[i]) out.push(other[i]!);
  }
  return out;
}

function roundRobinByType<T extends DrawCandidate>(items: readonly T[], typeOrder: readonly string[]): T[] {
  const buckets = new Map<string, T[]>();
  for (const item of items) {
    const list = buckets.get(item.type) ?? [];
    list.push(item);
    buckets.set(item.type, list);
  }
  const statements = buckets.get("true_false");
  if (statements) buckets.set("true_false", alternateStatements(statements));
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

type Tier = 0 | 1 | 2;

/** 0: never met, 1: met and last answered wrong, 2: the rest. */
function tierOf(c: DrawCandidate, history: DrawHistory): Tier {
  return !history.seen.has(c.id) ? 0 : history.missed.has(c.id) ? 1 : 2;
}

/** Unseen first, then missed, then the rest; shuffled within each tier, types taking turns. */
function preferenceOrder<T extends DrawCandidate>(
  pool: readonly T[],
  history: DrawHistory,
  typeOrder: readonly string[],
  rand: () => number,
): T[] {
  const ordered: T[] = [];
  for (const t of [0, 1, 2] as const) {
    const inTier = shuffle(
      pool.filter((c) => tierOf(c, history) === t),
      rand,
    );
    ordered.push(...roundRobinByType(inTier, typeOrder));
  }
  return ordered;
}

const byId = (a: DrawCandidate, b: DrawCandidate) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const isUnderstanding = (c: DrawCandidate) => c.skill !== undefined && UNDERSTANDING.has(c.skill);

/** The picks of one draw, enforcing one question per evidence sentence. */
function picker<T extends DrawCandidate>() {
  const picked: T[] = [];
  const usedEvidence: string[] = [];
  return {
    picked,
    fits: (c: T) => !picked.includes(c) && !linesOf(c).some((l) => usedEvidence.some((u) => overlap(u, l))),
    pick: (c: T) => {
      picked.push(c);
      usedEvidence.push(...linesOf(c));
    },
  };
}

/** Whether two questions cite a common evidence sentence. */
function collide(a: DrawCandidate, b: DrawCandidate): boolean {
  const lines = linesOf(a);
  return linesOf(b).some((l) => lines.some((m) => overlap(m, l)));
}

/** The worst tier a draw of `count` reaches: the smallest tier that, with the better ones, fills it. */
function reachedTier(pool: readonly DrawCandidate[], history: DrawHistory, count: number): Tier {
  let total = 0;
  for (const t of [0, 1] as const) {
    total += pool.filter((c) => tierOf(c, history) === t).length;
    if (total >= count) return t;
  }
  return 2;
}

/**
 * Kinds a lesson has one or two of: an understanding pick leaves them their sentence. Other kinds
 * yield to the understanding share (a lesson has several questions of each, on other sentences).
 */
const RARE_TYPES: ReadonlySet<string> = new Set(["ordering", "matching"]);

/** Search steps allowed to cover the missing types (a lesson has a handful of them). */
const COVER_BUDGET = 20_000;

/**
 * One question per type, from lists in preference order, pairwise on different sentences:
 * the first set found that covers the most types, trying preferred questions first.
 */
function coverTypes<T extends DrawCandidate>(options: readonly (readonly T[])[], room: number): T[] {
  let best: T[] = [];
  let steps = 0;
  const most = Math.min(room, options.length);
  const search = (i: number, chosen: T[]): boolean => {
    if (chosen.length > best.length) best = chosen;
    if (best.length >= most) return true;
    if (i >= options.length || chosen.length + options.length - i <= best.length) return false;
    for (const c of options[i] ?? []) {
      if (++steps > COVER_BUDGET) return true;
      if (!chosen.some((d) => collide(c, d)) && search(i + 1, [...chosen, c])) return true;
    }
    return search(i + 1, chosen);
  };
  search(0, []);
  return best;
}

/**
 * The ordered question ids for a new attempt: at most min(count, candidates) of them.
 *
 * Picks in three passes over the preference order: the understanding share, then one question of
 * every type still missing (among the tiers the draw reaches, as many types as sentences allow),
 * then the rest. An understanding pick may not take the last sentence a missing chronology or
 * matching question could use unless that question is in a worse tier: variety yields to
 * unseen-first, and the understanding share counts what the bank gives beside those kinds.
 */
export function drawQuestionIds(
  candidates: readonly DrawCandidate[],
  history: DrawHistory,
  seed: number,
  count: number = DEFAULT_QUIZ_LENGTH,
): string[] {
  const rand = mulberry32(seed);
  // Sort first so the draw depends only on the set of candidates, not the order the DB returned.
  const pool = [...candidates].sort(byId);
  const typeOrder = shuffle([...new Set(pool.map((c) => c.type))].sort(), rand);
  const ordered = preferenceOrder(pool, history, typeOrder, rand);
  const cutoff = reachedTier(pool, history, count);
  const inReach = ordered.filter((c) => tierOf(c, history) <= cutoff);

  const { picked, fits, pick } = picker<DrawCandidate>();
  /** Types the draw reaches, lacks so far and could still take. */
  const missingTypes = () => {
    const have = new Set(picked.map((c) => c.type));
    return new Set(inReach.filter((c) => !have.has(c.type) && fits(c)).map((c) => c.type));
  };
  const open = (type: string) => inReach.filter((c) => c.type === type && fits(c));
  const bestTier = (type: string) => Math.min(...open(type).map((d) => tierOf(d, history)));
  /**
   * Picking c leaves as many of the other missing types coverable together as before, not
   * counting types whose questions all sit in a worse tier than c's.
   */
  const spares = (c: DrawCandidate) => {
    const others = [...missingTypes()].filter(
      (t) => RARE_TYPES.has(t) && t !== c.type && tierOf(c, history) >= bestTier(t),
    );
    const before = coverTypes(others.map(open), others.length).length;
    const after = coverTypes(
      others.map((t) => open(t).filter((d) => !collide(c, d))),
      others.length,
    ).length;
    return after >= before;
  };

  const reserved = Math.ceil(UNDERSTANDING_SHARE * Math.min(count, pool.length));
  for (const c of ordered) {
    if (picked.length >= reserved) break;
    if (isUnderstanding(c) && fits(c) && spares(c)) pick(c);
  }
  const missing = typeOrder.filter((type) => missingTypes().has(type));
  for (const c of coverTypes(missing.map(open), count - picked.length)) pick(c);
  for (const c of ordered) {
    if (picked.length >= count) break;
    if (fits(c)) pick(c);
  }
  return roundRobinByType(shuffle(picked, rand), shuffle(typeOrder, rand)).map((c) => c.id);
}

export const MODULE_TEST_LENGTH = 20;

export interface ModuleTestCandidate extends DrawCandidate {
  /** "module": it needs more than one lesson (module tests only); "lesson": one lesson's. */
  scope: "lesson" | "module";
  /** Position of the question's lesson in the module (orders the test; spreads the draw). */
  lessonPosition: number;
}

/**
 * The ordered question ids of a module test: every module-scope question that fits first (the
 * cross-lesson chronology and comparisons only a module test asks), then lesson questions
 * spread evenly over the lessons, one lesson after another in a seeded order each round. The
 * lesson quiz's rules hold across the whole test: one question per evidence sentence, unseen
 * before missed before the rest, at least 30 % understanding when the bank has it (a lesson takes
 * a question of understanding while the test is short of them), and types mixed (a lesson takes
 * its least used type so far). Lesson questions come in lesson order, module-scope ones last.
 */
export function drawModuleTestIds(
  candidates: readonly ModuleTestCandidate[],
  history: DrawHistory,
  seed: number,
  count: number = MODULE_TEST_LENGTH,
): string[] {
  const rand = mulberry32(seed);
  const pool = [...candidates].sort(byId);
  const typeOrder = shuffle([...new Set(pool.map((c) => c.type))].sort(), rand);
  const { picked, fits, pick } = picker<ModuleTestCandidate>();

  for (const c of preferenceOrder(
    pool.filter((c) => c.scope === "module"),
    history,
    typeOrder,
    rand,
  )) {
    if (picked.length >= count) break;
    if (fits(c)) pick(c);
  }

  const lessons = new Map<number, ModuleTestCandidate[]>();
  for (const c of pool.filter((q) => q.scope === "lesson")) {
    const list = lessons.get(c.lessonPosition) ?? [];
    list.push(c);
    lessons.set(c.lessonPosition, list);
  }
  const queues = new Map(
    [...lessons].map(([position, list]) => [position, preferenceOrder(list, history, typeOrder, rand)]),
  );
  const positions = [...queues.keys()].sort((a, b) => a - b);
  const reserved = Math.ceil(UNDERSTANDING_SHARE * Math.min(count, pool.length));
  const typeUse = new Map<string, number>();
  for (const c of picked) typeUse.set(c.type, (typeUse.get(c.type) ?? 0) + 1);

  /** The lesson's next question: its best tier that fits, understanding if short, else the least used type. */
  function next(queue: readonly ModuleTestCandidate[]): ModuleTestCandidate | undefined {
    const open = queue.filter(fits);
    if (open.length === 0) return undefined;
    const best = Math.min(...open.map((c) => tierOf(c, history)));
    let choices = open.filter((c) => tierOf(c, history) === best);
    if (picked.filter(isUnderstanding).length < reserved) {
      const understanding = open.filter(isUnderstanding);
      const top = Math.min(...understanding.map((c) => tierOf(c, history)));
      if (understanding.length > 0) choices = understanding.filter((c) => tierOf(c, history) === top);
    }
    const least = Math.min(...choices.map((c) => typeUse.get(c.type) ?? 0));
    return choices.find((c) => (typeUse.get(c.type) ?? 0) === least);
  }

  let progress = true;
  while (picked.length < count && progress) {
    progress = false;
    for (const position of shuffle([...positions], rand)) {
      if (picked.length >= count) break;
      const c = next(queues.get(position) ?? []);
      if (!c) continue;
      pick(c);
      typeUse.set(c.type, (typeUse.get(c.type) ?? 0) + 1);
      progress = true;
    }
  }

  const order = new Map(picked.map((c, i) => [c.id, i] as const));
  const rank = (c: ModuleTestCandidate) =>
    c.scope === "module" ? Number.MAX_SAFE_INTEGER : c.lessonPosition;
  return [...picked]
    .sort((a, b) => rank(a) - rank(b) || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
    .map((c) => c.id);
}
