/**
 * Distractors of the same type as the key, from across the whole guide: people of the same
 * kind, years near the answer, numbers of the same magnitude and format. Never equal to or a
 * variant of the answer, never visible elsewhere in the prompt.
 */
import type { Entity, Gazetteer } from "./gazetteer";
import type { Key } from "./analyse";
import { MONTHS } from "./time";
import { normaliseAnswer, damerauLevenshtein } from "../marking";
import { numberToWords, withThousands } from "../numbers";
import { rng, seededShuffle } from "./hash";
import { contentWords } from "./text";
import { PERIOD_ACTORS, PERSON_ROLE_GROUPS, PLACE_PARENT } from "./typing-data";

/** Canonical names of the places above and below this one in PLACE_PARENT. */
export function relatedPlaces(canonical: string): Set<string> {
  const out = new Set<string>();
  for (let p = PLACE_PARENT[canonical]; p && !out.has(p); p = PLACE_PARENT[p]) out.add(p);
  const below = [canonical];
  while (below.length) {
    const c = below.pop()!;
    for (const [child, parent] of Object.entries(PLACE_PARENT))
      if (parent === c && !out.has(child)) {
        out.add(child);
        below.push(child);
      }
  }
  out.delete(canonical);
  return out;
}

/** Sub-kinds a distractor may have for a key of this kind/sub-kind (null: any). */
function compatibleSubkinds(e: Entity): ((sub: string) => boolean) | null {
  if (e.kind === "person") {
    const group = PERSON_ROLE_GROUPS.find((g) => g.includes(e.subkind));
    if (group) return (sub) => group.includes(sub);
    // A name typed only by a cue ("Voline writes") is a writer or activist of the period.
    return (sub) => sub === "cue" || (PERIOD_ACTORS.includes(sub) && sub !== "assassin" && sub !== "critic");
  }
  // "the storming of the _____" (a building) against "Ukraine" is no choice at all.
  if (e.kind === "place") return (sub) => sub === e.subkind;
  // Abstract terms: a distractor from the same family would fit the blank too ("direct democracy"
  // vs "self-management"); offer only terms of an opposing family, which clearly do not fit.
  // The opposing family must still fit the blank's slot: ways of organising ("consistent
  // federalism" / "vanguard") only against each other, never a repressive measure ("death penalty").
  if (e.kind === "term" && TERM_FAMILIES.includes(e.subkind))
    return (sub) => OPPOSING_TERMS[e.subkind] === sub;
  // Any other term (a calendar, a slogan) only against its own kind: "the more accurate _____ one"
  // (calendar) takes no "direct democracy".
  if (e.kind === "term") return (sub) => sub === e.subkind;
  // "the editors of _____": a publication against publications, a party against parties, an army
  // against armies; one option of another kind would stand out.
  if (e.kind === "organisation" || e.kind === "group") return (sub) => sub === e.subkind;
  return null;
}
/** People the guide shows leading armed forces (for "_____'s forces"). */
const COMMANDERS = new Set([
  "Alexander Kerensky",
  "Leon Trotsky",
  "Trotsky",
  "Nestor Makhno",
  "Kornilov",
  "Denikin",
  "Wrangel",
  "Kolchak",
  "Alexander Antonov",
  "Grigoriev",
  "Maria Nikiforova",
  "Enver Pasha",
]);
const TERM_FAMILIES = ["libertarian", "authoritarian", "repression"];
/** The one family whose terms clearly do not fit a term's blank yet fill the same kind of slot. */
const OPPOSING_TERMS: Record<string, string> = {
  libertarian: "authoritarian",
  authoritarian: "libertarian",
  repression: "authoritarian",
};

export interface DistractorContext {
  gaz: Gazetteer;
  lessonSlug: string;
  moduleLessons: ReadonlySet<string>;
  /** Years mentioned anywhere in the guide (plausible alternatives). */
  guideYears: ReadonlySet<number>;
  /** Canonical names of the places the lesson mentions (captions included). */
  lessonPlaces?: ReadonlySet<string>;
  /** Places the lesson writes as one ("Turkestan/Central Asia"): canonical → the others' spellings. */
  equatedPlaces?: ReadonlyMap<string, readonly string[]>;
  /** Names the guide glosses in brackets ("Golos Truda ("The Voice of Labor")"): canonical → glosses. */
  translations?: ReadonlyMap<string, readonly string[]>;
  /** Years each person is named with in the guide (canonical → years): a person's era. */
  personYears?: ReadonlyMap<string, ReadonlySet<number>>;
  /** The year the question's sentence is set in, when it has one. */
  stemYear?: number | null;
  /** The last year the lesson names up to each sentence (by sentence index): a stem's fallback year. */
  lessonYears?: ReadonlyMap<number, number>;
  /** Names never offered (the guide's publishers: the quiz is not about who wrote it). */
  excluded?: readonly string[];
}

const ACTOR_ROLES = new Set([...PERIOD_ACTORS, "white", "commander", "ruler"]);

/** A person named only in other years (two or more away) belongs to another era than the stem's. */
function sameEra(canonical: string, ctx: DistractorContext): boolean {
  const years = ctx.personYears?.get(canonical);
  if (!ctx.stemYear || !years || years.size === 0) return true;
  return [...years].some((y) => Math.abs(y - ctx.stemYear!) <= 1);
}

/** True when two answers are the same thing or spellings of it (never both offered). */
export function tooSimilar(a: string, b: string): boolean {
  const x = normaliseAnswer(a);
  const y = normaliseAnswer(b);
  if (x === y || x.includes(y) || y.includes(x)) return true;
  const len = Math.max(x.length, y.length);
  return damerauLevenshtein(x, y) <= (len > 8 ? 2 : 1);
}

/** Does the text visibly contain this answer (as a whole word sequence)? */
const visibleRe = new Map<string, RegExp>();
export function visibleIn(text: string, answer: string): boolean {
  // Cheap pre-check (most calls): no case-insensitive substring, no match.
  if (!text.toLowerCase().includes(answer.toLowerCase())) return false;
  let re = visibleRe.get(answer);
  if (!re) {
    re = new RegExp(
      `(^|[^\\p{L}\\p{N}])${answer.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`,
      "iu",
    );
    visibleRe.set(answer, re);
  }
  return re.test(text);
}

function pickSpelling(e: Entity, key: Key): string {
  const keyWords = key.text.split(/\s+/).length;
  const same = e.spellings.filter((s) => s.split(/\s+/).length === keyWords);
  const capitalised = /^\p{Lu}/u.test(key.text);
  const pool = same.length ? same : e.spellings;
  let s = pool[0] ?? e.canonical;
  if (capitalised && /^\p{Ll}/u.test(s)) s = s.charAt(0).toUpperCase() + s.slice(1);
  return s;
}

function roleConstraint(prefix: string): string | null {
  if (/\b(General|Generals|Admiral)\s*$/.test(prefix)) return "white";
  if (/\b(Tsar|Czar)\s*$/.test(prefix)) return "ruler";
  return null;
}

function entityDistractors(
  key: Key,
  blanked: string,
  prefix: string,
  ctx: DistractorContext,
  seed: string,
): string[] | null {
  const e = key.entity;
  if (!e) return null;
  const required = roleConstraint(prefix);
  const compatible = compatibleSubkinds(e);
  const shownStems = new Set(contentWords(blanked.replace("_____", " ")).map((w) => w.slice(0, 5)));
  const related = e.kind === "place" ? relatedPlaces(e.canonical) : null;
  // "against _____'s forces": only people who led forces of their own.
  const commanders =
    e.kind === "person" &&
    /^'s (?:\p{Ll}+ )?(?:forces|army|armies|troops|men|battalions|regiments|units)\b/u.test(
      blanked.slice(blanked.indexOf("_____") + 5),
    );
  const candidates = ctx.gaz
    .ofKind(e.kind)
    .filter((c) => c.id !== e.id && (!required || c.subkind === required))
    .filter((c) =>
      commanders
        ? COMMANDERS.has(c.canonical)
        : (!compatible || compatible(c.subkind)) && !related?.has(c.canonical),
    )
    // A person or body the module never mentions is no choice at all for a learner of this module
    // (the other text's bodies stand out as the ones the lesson never spoke of), nor a person of
    // another era (Kornilov and Kolchak for the commander of 1921).
    .filter(
      (c) =>
        !["person", "organisation", "group"].includes(e.kind) ||
        [...c.lessons.keys()].some((l) => ctx.moduleLessons.has(l)),
    )
    // (Thinkers and scholars are cited across eras: only the actors of the events are dated.)
    .filter((c) => e.kind !== "person" || !ACTOR_ROLES.has(e.subkind) || sameEra(c.canonical, ctx))
    // Nor is the country every lesson is about ("Russia") an option for a place in it.
    .filter((c) => e.kind !== "place" || c.lessons.size < 10)
    .map((c) => {
      let score = 0;
      if (c.subkind === e.subkind) score += 4;
      // A city against its sister cities (Petrograd vs Moscow, Kronstadt), not a far-off capital.
      if (e.kind === "place" && PLACE_PARENT[e.canonical] !== undefined)
        score += PLACE_PARENT[c.canonical] === PLACE_PARENT[e.canonical] ? 3 : -3;
      if (c.lessons.has(ctx.lessonSlug)) score += 2;
      else if ([...c.lessons.keys()].some((l) => ctx.moduleLessons.has(l))) score += 1;
      score += Math.min(2, Math.log10(1 + c.count));
      if (c.source === "cue") score -= 1;
      return { c, score, text: pickSpelling(c, key) };
    })
    .filter(({ c, text }) => {
      if (c.spellings.some((s) => visibleIn(blanked, s))) return false;
      if (ctx.excluded?.some((n) => visibleIn(text, n))) return false;
      // Nor by another form of its name: "Bolsheviks" is no option beside "the ruling Bolshevik Party".
      const words = contentWords(text).map((w) => w.slice(0, 5));
      if (words.length && words.every((w) => shownStems.has(w))) return false;
      // An event against events of its kind ("participation in _____": a war, not "Bloody Sunday").
      const head = (t: string) =>
        /\b(Revolution|War|Commune|Affair|Rebellion|Terror|Sunday|Day)\b/.exec(t)?.[1];
      if (e.kind === "event" && head(key.text) && head(text) !== head(key.text)) return false;
      // A person's name in the key's form: "Anatoli Jelezniakov" among "Makhno, Voline" stands out.
      if (e.kind === "person" && text.split(/\s+/).length !== key.text.split(/\s+/).length) return false;
      // "the syndicalist _____ ("Alarm") confederation": an option already ending in the head noun
      // that follows the blank ("… Confederation") does not fit it.
      const next = /^[^\p{L}(]*(?:\([^)]*\)\s*)?(\p{L}+)/u.exec(
        blanked.slice(blanked.indexOf("_____") + 5),
      )?.[1];
      if (next && new RegExp(`\\b${next}$`, "i").test(text)) return false;
      if (e.spellings.some((s) => tooSimilar(s, text))) return false;
      // Plural keys get plural distractors and vice versa ("the _____ seized power").
      if (e.kind === "group" && /s$/.test(key.text) !== /s$/.test(text)) return false;
      return true;
    })
    .sort((a, b) => b.score - a.score || (a.text < b.text ? -1 : 1));
  // A little seeded variety among near-equal candidates.
  const top = candidates.slice(0, 6);
  if (top.length < 3) return null;
  const bestScore = top[0]!.score;
  const near = top.filter((t) => t.score >= bestScore - 1.5);
  const chosen = (near.length >= 3 ? seededShuffle(near, seed) : top).slice(0, 3).map((t) => t.text);
  return dedupe(chosen, key.text);
}

function dedupe(list: string[], answer: string): string[] | null {
  const out: string[] = [];
  for (const d of list) {
    if (tooSimilar(d, answer) || out.some((o) => tooSimilar(o, d))) continue;
    out.push(d);
  }
  return out.length >= 3 ? out.slice(0, 3) : null;
}

function timeDistractors(
  key: Key,
  blanked: string,
  prefix: string,
  ctx: DistractorContext,
  seed: string,
): string[] | null {
  const t = key.time;
  if (!t || t.precision === "range") return null;
  const r = rng(seed);
  // A bound: "By 1922, repression lessened" stays true for any later year, "after X" for any
  // earlier one. Offer only dates on the side that makes the statement false.
  const side = /\b(?:by|before)\s*$/i.test(prefix) ? -1 : /\b(?:after|since)\s*$/i.test(prefix) ? 1 : 0;
  const offsetsSets =
    side < 0
      ? [[-1, -2, -3]]
      : side > 0
        ? [[1, 2, 3]]
        : [
            [-1, 1, 2],
            [-2, -1, 1],
            [1, 2, 3],
            [-3, -2, -1],
            [-1, 1, 3],
            [-2, 1, 2],
          ];
  const offsets = offsetsSets[Math.floor(r() * offsetsSets.length)]!;
  const out: string[] = [];
  const ok = (s: string) => !visibleIn(blanked, s) && s !== key.text && !out.includes(s);
  if (t.precision === "year" || t.precision === "season") {
    const y = t.year!;
    for (const o of offsets) {
      const s = key.text.replace(String(y), String(y + o));
      if (ok(s)) out.push(s);
    }
    for (const o of [4, -4, 5, -5])
      if (out.length < 3 && o * side >= 0) {
        const s = key.text.replace(String(y), String(y + o));
        if (ok(s)) out.push(s);
      }
  } else if (t.month !== null) {
    const m = t.month;
    // Before February 1918 Russia ran 13 days behind: "October 1917" (Old Style) is "November 1917"
    // (New Style), so a neighbouring month, or a day within a fortnight, is also defensible.
    const twoCalendars = t.year === null || t.year < 1918 || (t.year === 1918 && m <= 2);
    const monthOffsets = seededShuffle(
      twoCalendars ? [-3, -2, 2, 3, 4, -4, 5] : [-3, -2, -1, 1, 2, 3, 4, -4],
      seed,
    ).filter((o) => o * side >= 0 && (side === 0 || (m + o >= 1 && m + o <= 12)));
    for (const o of monthOffsets) {
      if (out.length >= 3) break;
      const nm = ((m - 1 + o + 12) % 12) + 1;
      let s = key.text.replace(MONTHS[m - 1]!, MONTHS[nm - 1]!);
      // For day dates vary the day too, so the answer is not the odd one out.
      if (t.day !== null && r() < 0.5) {
        const nd = Math.max(1, Math.min(28, t.day + (r() < 0.5 ? -1 : 1) * (2 + Math.floor(r() * 9))));
        s = s.replace(new RegExp(`\\b${t.day}\\b`), String(nd));
      }
      if (ok(s)) out.push(s);
    }
  }
  void ctx;
  return out.length >= 3 ? out.slice(0, 3) : null;
}

function formatLike(template: string, value: number): string {
  const pct = /%$/.test(template);
  const scale = /\b(thousand|million)$/.exec(template)?.[1];
  if (/^\p{L}/u.test(template)) {
    const w = numberToWords(value) ?? String(value);
    return /^\p{Lu}/u.test(template) ? w.charAt(0).toUpperCase() + w.slice(1) : w;
  }
  const digits = /,/.test(template) ? withThousands(value) : String(value);
  return `${digits}${pct ? "%" : ""}${scale ? ` ${scale}` : ""}`;
}

function roundSig(v: number, sig: number): number {
  if (v === 0) return 0;
  const p = Math.pow(10, Math.floor(Math.log10(Math.abs(v))) - sig + 1);
  return Math.round(v / p) * p;
}

function numberDistractors(key: Key, blanked: string, seed: string): string[] | null {
  if (key.value === null) return null;
  const template = key.text;
  const scaleWord = /\b(thousand|million)$/.exec(template)?.[1];
  // Work in the written unit ("5 million" → 5; "18,000" → 18000).
  const base =
    scaleWord && /^\d/.test(template) ? key.value / (scaleWord === "million" ? 1e6 : 1e3) : key.value;
  const digitsOnly = String(Math.round(base)).replace(/0+$/, "");
  const sig = Math.max(1, Math.min(2, digitsOnly.length));
  let cands: number[];
  if (/%$/.test(template)) cands = [base - 10, base + 10, base - 20, base - 25, base + 5, base - 15];
  else if (base < 20) cands = [base + 1, base - 1, base + 2, base - 2, base + 3, base + 5, base * 2];
  else cands = [0.5, 0.6, 0.75, 1.25, 1.5, 2, 2.5, 3].map((f) => roundSig(base * f, sig));
  const seen = new Set<number>([base]);
  const pool: string[] = [];
  for (const c of cands) {
    if (c <= 0 || seen.has(c) || (/%$/.test(template) && c >= 100)) continue;
    seen.add(c);
    const s = formatLike(template, c);
    if (!visibleIn(blanked, s)) pool.push(s);
  }
  const r = rng(seed);
  // Mix smaller and larger so the answer is not always the middle value.
  const smaller = pool.filter((s) => parseFloat(s.replace(/,/g, "")) < base || /^\p{L}/u.test(s));
  void smaller;
  const chosen = seededShuffle(pool, seed).slice(0, 3);
  void r;
  return chosen.length >= 3 ? chosen : null;
}

/**
 * Three distractors for a key in a blanked sentence, or null when no plausible set exists.
 * `prefix` is the prompt text before the blank (for role words like "General").
 */
export function distractorsFor(
  key: Key,
  blanked: string,
  prefix: string,
  ctx: DistractorContext,
  seed: string,
): string[] | null {
  if (key.kind === "time") return timeDistractors(key, blanked, prefix, ctx, seed);
  if (key.kind === "number") return numberDistractors(key, blanked, seed);
  return entityDistractors(key, blanked, prefix, ctx, seed);
}
