/**
 * Chronology questions: 3–5 dated events to put in order. Each event is the clause that holds
 * its date, with the date taken out. Dates are normalised to intervals of Gregorian days
 * (time.ts): years, seasons, months and days; an unmarked date before February 1918 is widened
 * by the 13-day Julian lag, so events are only combined when their intervals are disjoint under
 * either calendar and the right order is never ambiguous.
 *
 * A lesson's question uses its own events; when it has fewer than three that can be ordered,
 * events from other lessons of the same module fill it up (each still cited by its evidence
 * sentence, its block anchor and its lesson slug).
 */
import { GENERATOR_VERSION } from "../version";
import type { SentenceInfo } from "./analyse";
import type { Candidate } from "./candidate";
import { cmp, hash64, seededShuffle } from "./hash";
import { contentWords, wordCount } from "./text";
import { findTimes, interval, rangeEnd, type TimeExpr } from "./time";

export interface DatedEvent {
  info: SentenceInfo;
  /** The event as shown (its clause without the date). */
  text: string;
  /** Gregorian day interval the date can denote under either calendar. */
  from: number;
  to: number;
  time: TimeExpr;
  /** Year used for a date written without one (null when the date has its own year). */
  assumedYear: number | null;
}

const CAL_NOTE = String.raw`(?:\s*\((?:Old Style|New Style|Julian calendar|[A-Z][a-z]+ by the Gregorian calendar)\))?`;

const WHICH_WAS = new RegExp(`^${CAL_NOTE},? which was \\d{1,2} [A-Z][a-z]+(?: \\d{4})?${CAL_NOTE}`);

/** Clause boundaries: a new clause after these rarely keeps the sentence's subject. */
const CLAUSE_BREAK =
  /(?:;|:| - |, (?=(?:continuing|provoking|spreading|making|taking|leaving|laying|marking|reproducing|demanding)\b)|, (?=(?:and|but|while|which|when|whereas|yet|although|though|thus|announcing|eliminating|ending|by which|where|only to|before|after|so that|as|leading|increasing|inflicting|having|who|with)\b))/gu;

/** Words before a date that make it a limit or a comparison, not the time of the event. */
const BOUNDARY_BEFORE =
  /\b(until|till|since|from|by|before|after|between|than|not|and|to|unlike in|through|during|throughout|preceded)\s+(?:the (?:end|start|beginning|middle) of\s+)?$/i;

/** The clause holding the date: from the sentence start (or a semicolon) to the next break. */
function dateClause(prompt: string, t: TimeExpr): string | null {
  let start = 0;
  let end = prompt.length;
  for (const m of prompt.matchAll(CLAUSE_BREAK)) {
    const at = m.index ?? 0;
    if (at < t.start) {
      // Only an independent clause (after ";") keeps its own subject.
      if (m[0] !== ";") return /^, (?:but|and|yet)\b/.test(prompt.slice(at, at + 6)) ? prompt : null;
      start = at + 1;
      continue;
    }
    if (at >= t.end) {
      end = at;
      break;
    }
  }
  // "X founded …, but … were shut down by the Reds in 1919": no independent clause holds the
  // date alone, so the whole sentence is the event (when it holds no other date).
  if (start === 0 && end === prompt.length) return prompt;
  let s = prompt.slice(start, end).trim();
  if (end < prompt.length) s = s.replace(/[,;:]$/, "") + ".";
  return s;
}

/** The clause without its date phrase ("Lenin fled … in July 1917" → "Lenin fled …"). */
function withoutDate(clause: string, t: TimeExpr): string | null {
  const at = clause.indexOf(t.text);
  if (at < 0) return null;
  const before = clause.slice(0, at);
  const after = clause.slice(at + t.text.length);
  if (BOUNDARY_BEFORE.test(before)) return null;
  if (/^\s*(alone|and|to|-|onwards|on)\b/.test(after)) return null;
  // A date inside brackets qualifies a name ("(1937)", "(January 1921)"): not the event's time.
  if (/\(\s*$/.test(before)) return null;
  // "the Revolution of 1917", "the Kronstadt Commune of March 1921": the date belongs to a name.
  if (/\bof\s+$/.test(before)) return null;
  // "such that, in 1918, Stalin ordered …": the date sits between a connective and its clause.
  if (/\bthat,\s*(?:in|on)?\s*$/.test(before)) return null;
  const prep =
    /(?:,\s*)?\b(?:in|on|during|at the (?:start|end) of|the end of|(?:in |by )?early|(?:in )?late)\s+$/i.exec(
      before,
    );
  const calNote = new RegExp(`^${CAL_NOTE}`).exec(after);
  let head = prep ? before.slice(0, prep.index) : before;
  let tail = calNote ? after.slice(calNote[0].length) : after;
  // Sentence-initial date phrase: "In February 1917, starving masses rose up" → "Starving masses rose up".
  if (head.trim() === "") tail = tail.replace(/^\s*,\s*/, "");
  if (/\b(the|a|an|this|its|their)\s*$/i.test(head) && /^\s*\p{L}/u.test(tail)) return null; // "the 1921 famine"
  head = head.replace(/(^|\s)(Even|Only|Already|Soon|Also|Then)\s*$/, "$1");
  let s = (
    head.trimEnd() +
    (head.trim() && /^[,.;]/.test(tail.trimStart()) ? "" : " ") +
    tail.trimStart()
  ).trim();
  if (/\b(than|not|that|of|in|the|to|and|before|after|a|an|from|on)\.$/i.test(s)) return null;
  s = s
    .replace(/\(\s*\)/g, "")
    .replace(/\s+,/g, ",")
    .replace(/,\s*\./g, ".")
    .replace(/\s{2,}/g, " ")
    .replace(/^,\s*/, "");
  s = s.replace(/-this\.$/, ".").replace(/, however,/g, "");
  // A long lead-in phrase goes when the event is long: "In response to …, the Left-SR's assassinated …".
  if (wordCount(s) > 22) {
    const lead =
      /^(?:In response to|In light of|Thanks to|As a result of)[^,]{0,160}, (?=\p{Ll}|the |[A-Z])/u.exec(s);
    if (lead && wordCount(s.slice(lead[0].length)) >= 6) s = s.slice(lead[0].length);
  }
  s = s.replace(/,\s*,/g, ",").replace(/^(?:And|But|Yet|So|Thus)\s+(?:finally,\s*)?/, "");
  s = s.charAt(0).toUpperCase() + s.slice(1);
  if (!/[.!?]["')\]]*$/.test(s)) s += ".";
  // Still dated (months inside names such as "Red October" do not count): would give the answer away.
  if (
    findTimes(s).some((x) => !/^\s*Revolution/.test(s.slice(x.end)) && !/Red\s*$/.test(s.slice(0, x.start)))
  )
    return null;
  if (/\b1[89]\d\d\b/.test(s)) return null;
  // The event must name its actor: no pronoun or pointer as subject.
  if (
    /^(He|She|It|They|This|These|That|Those|Such|His|Her|Its|Their|There|Which|Who|Here|Both|The latter|The former)\b/.test(
      s,
    )
  )
    return null;
  if (/\b(the latter|the former|this time|thereafter|as detailed|above|below)\b/i.test(s)) return null;
  if ((s.split('"').length - 1) % 2 === 1) return null;
  if ((s.match(/\(/g) ?? []).length !== (s.match(/\)/g) ?? []).length) return null;
  // A personal pronoun before any name: its referent is in another sentence.
  const pron = /\b(he|his|him|she|her|they|them)\b/i.exec(s);
  if (pron && !/\s\p{Lu}/u.test(s.slice(0, pron.index))) return null;
  // Retrospect, hypotheses and reported speech are not events ("would see", "Voline cites").
  if (/\bwould\b/.test(s)) return null;
  if (
    /^(?:\S+ ){1,3}(cites|writes|argues|observes|emphasizes|recounts|notes|remarks|says|estimates|speculates)\b/.test(
      s,
    )
  )
    return null;
  // A forecast or a belief has no place in a chronology: its date is when someone thought it.
  if (
    /^(?:\S+ ){1,6}(?:had )?(?:anticipated|predicted|expected|foreseen|foresaw|feared|hoped|believed|warned)\b/.test(
      s,
    )
  )
    return null;
  if (/^(?:An?|The) (?:even )?(?:more )?\w+ example\b/.test(s)) return null;
  if (/^(?:\S+ ){1,3}(?:show|shows|suggest|suggests) that\b/.test(s)) return null;
  if (/\b(such|this|these|those)\b(?! as\b)/i.test(s)) return null;
  const n = wordCount(s);
  if (n < 5 || n > 30) return null;
  return s;
}

/**
 * The dated events of one module's lessons, in reading order. A day or month written without a
 * year takes the module's narrative year: the last year stated earlier in the module that is the
 * time of something (not a limit such as "since 1903" or a range).
 */
/** "the Union", "the army": a head noun whose name is in another sentence. */
const BARE_HEAD =
  /\bthe (?:Federation|Union|Confederation|army|regiment|Party|Committee|Congress|government|movement|regime|group|organi[sz]ation)\b(?! of\b)/;

export function moduleEvents(lessons: ReadonlyArray<readonly SentenceInfo[]>): DatedEvent[] {
  const out: DatedEvent[] = [];
  let narrativeYear: number | null = null;
  for (const sentences of lessons) {
    for (const info of sentences) {
      const yearsHere = info.times.filter(
        (t) =>
          t.year !== null && t.precision !== "range" && !BOUNDARY_BEFORE.test(info.prompt.slice(0, t.start)),
      );
      if (info.blockKind === "paragraph") {
        for (const t of info.times) {
          let assumedYear: number | null = null;
          if (t.year === null) {
            // A bare month needs a calendar note or a preposition that dates an event ("In August, …").
            const before = info.prompt.slice(Math.max(0, t.start - 24), t.start);
            if (t.precision === "month" && !t.style && !/\b(In|in|On|on)\s+$/.test(before)) continue;
            assumedYear = narrativeYear;
            if (assumedYear === null) continue;
          }
          const iv = interval(t, assumedYear, rangeEnd(t));
          // Intervals longer than a year and a half tell little order.
          if (!iv || iv[1] - iv[0] > 550) continue;
          // "On 25 October (Old Style), which was 7 November (New Style), delegates …": one date.
          const prompt = info.prompt.slice(0, t.end) + info.prompt.slice(t.end).replace(WHICH_WAS, "");
          const clause = dateClause(prompt, t);
          if (!clause) continue;
          // One date per event: another date in the clause would make it ambiguous.
          const clauseStart = prompt.indexOf(clause.replace(/\.$/, ""));
          const others = info.times.filter(
            (x) =>
              x !== t &&
              clauseStart >= 0 &&
              x.start >= clauseStart &&
              x.end <= clauseStart + clause.length &&
              prompt.slice(x.start, x.end) === x.text,
          );
          if (others.length) continue;
          // "Anarchists also participated …": the linking "also" goes; the event stays.
          const text = withoutDate(clause, t)?.replace(/ also\b/, "") ?? null;
          if (!text) continue;
          // An item must name what it tells (not "the Union") and hold one event ("…, but both …").
          if (BARE_HEAD.test(text) || /, (?:but|and then|before|after)\b/.test(text)) continue;
          out.push({ info, text, from: iv[0], to: iv[1], time: t, assumedYear });
        }
      }
      if (yearsHere.length) narrativeYear = yearsHere[yearsHere.length - 1]!.year;
    }
  }
  return out;
}

/** Two events that are the same happening told twice (same time, mostly the same words). */
function sameHappening(a: DatedEvent, b: DatedEvent): boolean {
  if (a.text === b.text) return true;
  if (a.to < b.from || b.to < a.from) return false;
  const wa = new Set(contentWords(a.text));
  const wb = contentWords(b.text);
  const shared = wb.filter((w) => wa.has(w)).length;
  return shared >= Math.min(3, Math.min(wa.size, wb.length));
}

/** Events in strictly increasing order with every consecutive pair disjoint. */
function chainable(set: readonly DatedEvent[]): DatedEvent[] | null {
  const sorted = [...set].sort((a, b) => a.from - b.from || a.to - b.to);
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.from <= sorted[i - 1]!.to) return null;
  return sorted;
}

function question(
  chosen: DatedEvent[],
  lessonSlug: string,
  moduleSlug: string,
  crossLesson: boolean,
): Candidate {
  const answer = chosen.map((c) => c.text);
  const evidence = chosen.map((c) => c.info.evidence);
  const id = `q-${hash64([lessonSlug, "ordering", evidence.join("\n"), answer.join("|")].join("\u0000"))}`;
  let shown = seededShuffle(answer, id);
  if (shown.every((s, i) => s === answer[i])) shown = [...shown.slice(1), shown[0]!];
  const own = chosen.filter((c) => c.info.lessonSlug === lessonSlug);
  const q: Candidate["question"] = {
    id,
    lessonSlug,
    moduleSlug,
    type: "ordering",
    prompt: crossLesson
      ? "Put these events in chronological order, earliest first. (Some are told in other lessons of this part of the guide.)"
      : "Put these events from the lesson in chronological order, earliest first.",
    choices: shown,
    answer,
    evidence: evidence.join("\n"),
    evidenceAnchor: chosen[0]!.info.blockId,
    evidenceAnchors: chosen.map((c) => c.info.blockId),
    difficulty: Math.round((0.45 + 0.1 * (chosen.length - 3) + (crossLesson ? 0.05 : 0)) * 100) / 100,
    keyKind: "time",
    generatorVersion: GENERATOR_VERSION,
  };
  if (crossLesson) q.evidenceLessons = chosen.map((c) => c.info.lessonSlug);
  return {
    question: q,
    score: crossLesson ? 0.72 : 0.82,
    // Only the lesson's own sentences count towards its per-sentence load.
    sentences: own.map((c) => c.info.index),
    fact: `order:${chosen.map((c) => `${c.info.lessonSlug}#${c.info.index}`).join(",")}`,
  };
}

/**
 * Ordering candidates for one lesson: from its own events first, then (when it has fewer than
 * three orderable ones) its events plus events from the rest of the module.
 */
export function buildOrdering(
  lessonSlug: string,
  moduleSlug: string,
  events: readonly DatedEvent[],
  max: number,
): Candidate[] {
  const own = events.filter((e) => e.info.lessonSlug === lessonSlug);
  const others = events.filter(
    (e) => e.info.lessonSlug !== lessonSlug && !own.some((o) => sameHappening(o, e)),
  );
  const out: Candidate[] = [];
  const used = new Set<DatedEvent>();
  const seen = new Set<string>();
  const tryAdd = (set: DatedEvent[], cross: boolean) => {
    const chain = chainable(set);
    if (!chain || chain.length < 3) return false;
    const key = chain.map((c) => `${c.info.lessonSlug}#${c.info.index}`).join(",");
    if (seen.has(key)) return false;
    seen.add(key);
    for (const c of chain) used.add(c);
    out.push(question(chain, lessonSlug, moduleSlug, cross));
    return true;
  };
  // 1. The lesson's own events: greedy chains of up to four, preferring events not used yet.
  const ownSorted = [...own].sort((a, b) => a.from - b.from || a.to - b.to || a.info.index - b.info.index);
  for (let startAt = 0; startAt < ownSorted.length && out.length < max; startAt++) {
    const chosen: DatedEvent[] = [];
    for (let i = startAt; i < ownSorted.length && chosen.length < 4; i++) {
      const e = ownSorted[i]!;
      const last = chosen[chosen.length - 1];
      if (last && e.from <= last.to) continue;
      if (chosen.some((c) => sameHappening(c, e))) continue;
      chosen.push(e);
    }
    if (chosen.length >= 3 && chosen.every((c) => used.has(c))) continue;
    tryAdd(chosen, false);
  }
  if (out.length > 0 || own.length === 0) return out;
  // 2. Too few of its own: one or two of the lesson's events plus the module's, all disjoint.
  const pool = seededShuffle(
    [...others].sort((a, b) => cmp(a.info.lessonSlug + a.text, b.info.lessonSlug + b.text)),
    `${lessonSlug}|ordering`,
  );
  const seeds = [...own].sort((a, b) => a.info.index - b.info.index || a.from - b.from);
  // One own event: one question of three; two or more: up to `max` questions of four.
  const crossMax = seeds.length === 1 ? 1 : max;
  const size = seeds.length === 1 ? 3 : 4;
  for (const first of seeds) {
    if (out.length >= crossMax) break;
    const chosen: DatedEvent[] = [first];
    for (const o of own) {
      if (chosen.length >= 2) break;
      if (o !== first && !chosen.some((c) => sameHappening(c, o)) && chainable([...chosen, o]))
        chosen.push(o);
    }
    for (const e of pool) {
      if (chosen.length >= size) break;
      if (used.has(e) && out.length > 0) continue;
      if (chosen.some((c) => sameHappening(c, e))) continue;
      // Keep at least a month between any two events, so the order is a fact worth knowing.
      if (!chainable([...chosen, e]) || chosen.some((c) => Math.abs(c.from - e.from) < 30)) continue;
      chosen.push(e);
    }
    tryAdd(chosen, true);
  }
  return out;
}
