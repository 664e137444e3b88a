/**
 * Chronology questions: 3–5 dated events from the lesson, to put in order. Each event is its
 * sentence with the date taken out. Events are only combined when their date intervals are
 * disjoint under both calendars (see time.ts), so the right order is never ambiguous.
 */
import { GENERATOR_VERSION } from "../version";
import type { SentenceInfo } from "./analyse";
import type { Candidate } from "./candidate";
import { hash64, seededShuffle } from "./hash";
import { findTimes, interval, rangeEnd, type TimeExpr } from "./time";
import { wordCount } from "./text";

interface DatedEvent {
  info: SentenceInfo;
  text: string;
  from: number;
  to: number;
  time: TimeExpr;
}

const CAL_NOTE = String.raw`(?:\s*\((?:Old Style|New Style|Julian calendar|[A-Z][a-z]+ by the Gregorian calendar)\))?`;

const CLAUSE_BREAK = /(?:;|:| - |, (?=(?:and|but|while|which|when|whereas|yet|although|though|thus|announcing|eliminating|ending|by which|where|only to|before|after)\b))/g;

/** The first clause when the date sits in it (it carries the subject), else the whole sentence. */
function dateClause(prompt: string, t: TimeExpr): string {
  for (const m of prompt.matchAll(CLAUSE_BREAK)) {
    const at = m.index ?? 0;
    if (at >= t.end) return prompt.slice(0, at).trimEnd() + ".";
    break;
  }
  return prompt;
}

/** The sentence without its date phrase ("Lenin fled … in July 1917" → "Lenin fled …"). */
function withoutDate(prompt: string, t: TimeExpr): string | null {
  const before = prompt.slice(0, t.start);
  const after = prompt.slice(t.end);
  // Boundary words ("until July 1918", "by 1921", "since February") date a limit, not the event.
  if (/\b(until|till|since|from|by|before|after|between|than|not|and|to)\s+$/i.test(before)) return null;
  if (/^\s*(alone|and|to|-)\b/.test(after)) return null;
  const prep = /(?:,\s*)?\b(?:in|on|during|of|at the (?:start|end) of|the end of|(?:in )?early|(?:in )?late)\s+$/i.exec(before);
  const calNote = new RegExp(`^${CAL_NOTE}`).exec(after);
  let head = prep ? before.slice(0, prep.index) : before;
  let tail = calNote ? after.slice(calNote[0].length) : after;
  // Sentence-initial date phrase: "In February 1917, starving masses rose up" → "Starving masses rose up".
  if (head.trim() === "") tail = tail.replace(/^\s*,\s*/, "");
  if (/\b(the|a|an)\s*$/i.test(head) && /^\s*\p{L}/u.test(tail)) return null; // "the 1921 famine": date is part of a noun
  // A bare adverb left behind ("Even in November 1917, …" → "Even, …").
  head = head.replace(/(^|\s)(Even|Only|Already|Soon|Also)\s*$/, "$1");
  let s = (head.trimEnd() + (head.trim() && /^[,.;]/.test(tail.trimStart()) ? "" : " ") + tail.trimStart()).trim();
  if (/\b(than|not|that|of|in|the|to|and|before|after|a|an)\.$/i.test(s)) return null;
  s = s.replace(/\(\s*\)/g, "").replace(/\s+,/g, ",").replace(/,\s*\./g, ".").replace(/\s{2,}/g, " ");
  s = s.charAt(0).toUpperCase() + s.slice(1);
  // Still dated (months inside names such as "Red October" do not count): would give the answer away.
  if (findTimes(s).some((x) => !/^\s*Revolution/.test(s.slice(x.end)) && !/Red\s*$/.test(s.slice(0, x.start)))) return null;
  if (wordCount(s) < 5 || wordCount(s) > 32) return null;
  return s;
}

function events(sentences: readonly SentenceInfo[]): DatedEvent[] {
  const out: DatedEvent[] = [];
  for (const info of sentences) {
    if (!info.standalone) continue;
    // One event per sentence: the first date whose clause holds no other date.
    let picked: { t: TimeExpr; text: string; iv: [number, number] } | null = null;
    for (const t of info.times) {
      // A bare month ("before October") is no date; a bare day ("March 2") takes the block's year.
      if (t.year === null && !(t.precision === "day" && info.contextYear !== null)) continue;
      const iv = interval(t, t.year === null ? info.contextYear : null, rangeEnd(t));
      // Intervals longer than a year tell no order.
      if (!iv || iv[1] - iv[0] > 400) continue;
      const clause = dateClause(info.prompt, t);
      if (clause === info.prompt && info.times.length > 1) continue;
      const text = withoutDate(clause, t);
      if (!text) continue;
      picked = { t, text, iv };
      break;
    }
    if (!picked) continue;
    const { t, text, iv } = picked;
    out.push({ info, text, from: iv[0], to: iv[1], time: t });
  }
  return out.sort((a, b) => a.from - b.from || a.to - b.to || a.info.index - b.info.index);
}

export function buildOrdering(sentences: readonly SentenceInfo[]): Candidate[] {
  const evs = events(sentences);
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (let startAt = 0; startAt < evs.length; startAt++) {
    for (const size of [4, 3, 5]) {
      const chosen: DatedEvent[] = [];
      for (let i = startAt; i < evs.length && chosen.length < size; i++) {
        const e = evs[i]!;
        const last = chosen[chosen.length - 1];
        if (last && e.from <= last.to) continue; // overlapping: order would be ambiguous
        if (chosen.some((c) => c.text === e.text)) continue;
        chosen.push(e);
      }
      if (chosen.length < 3) continue;
      const key = chosen.map((c) => c.info.index).join(",");
      if (seen.has(key)) continue;
      seen.add(key);
      const answer = chosen.map((c) => c.text);
      const slug = chosen[0]!.info.lessonSlug;
      const evidence = chosen.map((c) => c.info.evidence);
      const id = `q-${hash64([slug, "ordering", evidence.join("\n"), answer.join("|")].join("\u0000"))}`;
      let shown = seededShuffle(answer, id);
      if (shown.every((s, i) => s === answer[i])) shown = [...shown.slice(1), shown[0]!];
      out.push({
        question: {
          id,
          lessonSlug: slug,
          moduleSlug: chosen[0]!.info.moduleSlug,
          type: "ordering",
          prompt: "Put these events from the lesson in chronological order, earliest first.",
          choices: shown,
          answer,
          evidence: evidence.join("\n"),
          evidenceAnchor: chosen[0]!.info.blockId,
          evidenceAnchors: chosen.map((c) => c.info.blockId),
          difficulty: Math.round((0.45 + 0.1 * (chosen.length - 3)) * 100) / 100,
          keyKind: "time",
          generatorVersion: GENERATOR_VERSION,
        },
        score: 0.8,
        sentences: chosen.map((c) => c.info.index),
        fact: `order:${key}`,
      });
      break;
    }
  }
  return out;
}
