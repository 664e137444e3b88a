/**
 * Questions of understanding, built from the shape of the lesson's own sentences:
 *
 * - cause and effect: "X because (of) Y", "X led to Y", "As a result of X, Y", "X in order to Y",
 *   "X can explain Y" → "According to the lesson, why …?" / "What did X lead to?";
 * - who said it: a quotation with its speaker ("As Maximov writes, "…"", a block quotation ending
 *   in its citation) → "Whose words are these …?";
 * - positions of the sides: a group or body as subject with a verb of stance or action →
 *   "According to the lesson, which group …?";
 * - definitions: appositives and "known as" glosses → "According to the lesson, what was X?".
 *
 * Keys are clauses or names cut from the text; distractors are clauses of the same kind (first
 * what the sentence itself rejects: "While X, …", "not X but Y", "rather than X"), or names of
 * the same role. Everything is a function of the text: no question is written by hand.
 */
import type { Lesson } from "@/app/lib/content/types";
import type { FactKind, QuestionSkill } from "../types";
import { GENERATOR_VERSION } from "../version";
import type { Key, SentenceInfo } from "./analyse";
import type { Candidate } from "./candidate";
import { TF_PREFIX, questionId } from "./choice-builders";
import { distractorsFor, tooSimilar, visibleIn, type DistractorContext } from "./distractors";
import type { Entity, Gazetteer } from "./gazetteer";
import { cmp, hash64, seededShuffle } from "./hash";
import { tagLemmas } from "./nlp";
import { cleanForPrompt, contentWords, inSpans, quoteSpans, wordCount } from "./text";
import { rolePairs } from "./matching";
import { PERIOD_ACTORS, PERSON_ROLE_GROUPS, SIDE } from "./typing-data";

export type ClauseForm = "np" | "clause" | "purpose";

/** A cause, result or purpose cut from a sentence, or an alternative the sentence rejects. */
export interface Clause {
  text: string;
  form: ClauseForm;
  role: "cause" | "effect" | "purpose" | "rejected";
  info: SentenceInfo;
  /** What it explains or follows from (to avoid offering a second true reason as a distractor). */
  other: string;
}

/** Question-worthy pairs found in one sentence. */
interface CausalFinding {
  info: SentenceInfo;
  /** "why" questions: the effect clause (asked about) and its cause (the key). */
  why?: { effect: string; cause: Clause };
  /** "result" questions: the cause noun phrase (asked about) and the effect (the key). */
  result?: { cause: string; effect: Clause; verb: "lead to" | "result" | "when" };
  rejected: Clause[];
}

const POINTS_OUT =
  /\b(this|these|those|such|here|there|the latter|the former|above|below|then|also|too|again|as well|the same|him|her|them|he|she|they|it|its|his|their)\b/i;
const POINTS_OUT_KEY = /\b(this|these|those|such|here|the latter|the former|above|below|the same)\b/i;
const CUT =
  /(?:;|:| - | – |, (?:which|while|whereas|but|thus|so|and thus|and so|leading|resulting|as|where|when|although|though|even|gathering|taking|making)\b|, and (?=\p{Ll}+ (?:\p{Ll}+ )?(?:\p{Ll}+ed|was|were|had|did|is|are)\b)|, and (?:they|he|she|it|then)\b| which,|\()/u;
/** Comma-enclosed asides inside a clause ("the SR Party, which represented …, had become"). */
const ASIDE =
  /, (?:which|who|whom|whose|in the process of|so named|so called|known as|having|once|still|at least|at first|in turn) [^,;"()]{2,90},/g;

function withoutAsides(s: string): string {
  return s.replace(ASIDE, "");
}

/** The clause nearest a mid-sentence marker: "…, when the Left-SRs attempted an uprising due to …". */
function lastClause(prefix: string): string {
  const parts = prefix.split(/, (?:when|as|while|whereas|and|but|which|so|since) |; /);
  const tail = parts[parts.length - 1]!.trim();
  return wordCount(tail) >= 4 ? tail : prefix;
}
const MAX_KEY_WORDS = 18;
const MAX_PROMPT_WORDS = 35;

function lcFirst(s: string): string {
  // Keep proper nouns and acronyms capitalised ("Lenin", "SR"): only a plain first word drops it.
  return /^(The|A|An|In|On|At|By|For|With|After|Before|During|Many|Most|Some|Both|All|Each|Increasingly|Following)\b/.test(
    s,
  )
    ? s.charAt(0).toLowerCase() + s.slice(1)
    : s;
}

function clean(s: string): string {
  return (
    s
      // "(SR)", "(from Dvinsk)": a bracketed gloss inside a clause is dropped, not cut at.
      .replace(/\s*\([^()]{1,40}\)/g, "")
      .replace(/\s+/g, " ")
      .replace(/^[\s,;:]+|[\s,;:.]+$/g, "")
      .trim()
  );
}

/** Cut a clause at its first clause boundary; null when still too long or left dangling. */
function cutClause(raw: string, max = MAX_KEY_WORDS): string | null {
  let s = clean(raw);
  const m = CUT.exec(s);
  if (m && m.index > 0) s = clean(s.slice(0, m.index));
  if (wordCount(s) > max || wordCount(s) < 2) return null;
  if ((s.split('"').length - 1) % 2 === 1) return null;
  if ((s.match(/\(/g) ?? []).length !== (s.match(/\)/g) ?? []).length) return null;
  if (/\b(?:the|a|an|of|to|and|or|that|with|by|for|in|on|from)$/i.test(s)) return null;
  return s;
}

/** "its dictatorial methods" → "dictatorial methods": the owner is named in the question. */
function dropLeadingPossessive(np: string): string {
  return np.replace(/^(?:its|their|his|her) /i, "");
}

function capFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const AUX = new Set([
  "was",
  "were",
  "is",
  "are",
  "has",
  "have",
  "could",
  "would",
  "should",
  "might",
  "can",
  "will",
  "must",
  "did",
  "does",
  "do",
]);

/**
 * "the October Revolution was successful" → "was the October Revolution successful";
 * "the Red Terror drove workers into opposition" → "did the Red Terror drive workers into
 * opposition". Null when the clause has no clear subject + verb at its start.
 */
export function invertForQuestion(clause: string): string | null {
  const toks = tagLemmas(clause);
  let pos = 0;
  const offsets: number[] = [];
  for (const t of toks) {
    const at = clause.indexOf(t.text, pos);
    if (at < 0) return null;
    offsets.push(at);
    pos = at + t.text.length;
  }
  // The finite verb: not an infinitive ("the ability … to resist …") or a participle after "the".
  const v = toks.findIndex(
    (t, i) => (t.pos === "VERB" || t.pos === "AUX") && !/^(?:to|the|a|an)$/i.test(toks[i - 1]?.text ?? ""),
  );
  if (v < 1 || v > 12) return null;
  // A subject is a noun phrase: no punctuation, relative pronoun or verb-like word inside it.
  if (toks.slice(0, v).some((t) => t.pos === "PUNCT" && t.text !== "-" && t.text !== "'s")) return null;
  if (toks.slice(0, v).some((t) => /^(who|which|that|when|while|if)$/i.test(t.text))) return null;
  if (!toks.slice(0, v).some((t) => t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "NUM")) return null;
  const subject = lcFirst(clause.slice(0, offsets[v]).trim());
  const verb = toks[v]!;
  const rest = clause.slice(offsets[v]! + verb.text.length).trim();
  const lower = verb.text.toLowerCase();
  if (verb.pos === "AUX" && AUX.has(lower) && !(lower === "had" || lower === "has" || lower === "have")) {
    return `${lower} ${subject}${rest ? " " + rest : ""}`;
  }
  if (lower === "had" || lower === "has") {
    if (/^to\b/.test(rest)) return `${lower === "had" ? "did" : "does"} ${subject} have ${rest}`;
    // "had become", "had been": the perfect inverts its auxiliary.
    const next = tagLemmas(rest)[0];
    if (next && (next.pos === "VERB" || next.pos === "AUX" || /^(?:not|already|long|never)$/.test(next.text)))
      return `${lower} ${subject} ${rest}`;
  }
  if (verb.pos !== "VERB" && !(verb.pos === "AUX" && /^(had|has|did|does)$/.test(lower))) return null;
  const lemma = verb.lemma.toLowerCase();
  if (!/^\p{Ll}+$/u.test(lemma)) return null;
  if (lower === lemma) return null; // base form or unknown tense
  const aux = /s$/.test(lower) && !/ed$/.test(lower) ? "does" : "did";
  return `${aux} ${subject} ${lemma}${rest ? " " + rest : ""}`;
}

/** "According to the lesson, why …?" for an effect clause. */
function whyPrompt(effect: string): string | null {
  // "By 1922, the rate … lessened" → "why did the rate … lessen by 1922?"
  const lead = /^((?:In|By|After|Before|During|From|Until|Following) [^,]{2,40}), (.+)$/.exec(effect);
  const main = (lead ? lead[2]! : effect).replace(/ (?:simply|only|merely)$/, "");
  const inv = invertForQuestion(main);
  if (!inv) return null;
  return `According to the lesson, why ${inv}${lead ? " " + lcFirst(lead[1]!) : ""}?`;
}

const NP_CAUSE = /,? (because of|due to|thanks to|owing to|on account of) /;
const LEAD_CAUSE =
  /^(Because of|Due to|Thanks to|In response to|As a result of|Owing to) ([^,]{4,120}), (.+)$/;
const RESULT_VERB =
  /^(.{6,120}?) (led to|resulted in|brought about|gave rise to|paved the way for|provoked|caused) (.+)$/;
const EXPLAINS =
  /^(?:That )?(.{10,160}?) (?:can |may |would |does |largely )?(?:explains?|accounts? for) (.+)$/;
const REACTION = /^(.{6,120}?) (?:was|constituted) an? (?:reaction|response) to (.+)$/;
/** "Lenin's popularity followed in large part from the vision he set forth": the source explains it. */
const FOLLOWS_FROM =
  /^(.{6,120}?) (?:followed|stemmed|resulted|arose|derived) (?:in (?:large|great) part |largely |mainly |directly )?from (.+)$/;

function rejectedIn(info: SentenceInfo, other: string): Clause[] {
  const p = info.prompt;
  const out: Clause[] = [];
  const add = (raw: string | undefined, form: ClauseForm) => {
    if (!raw) return;
    // "1921 did see drought and a resulting poor harvest": what it saw is the alternative.
    const saw = /^.{2,40}? (?:did see|saw|had seen|did have|experienced|witnessed) (.+)$/.exec(raw);
    const text = cutClause(saw ? saw[1]! : raw);
    if (!text || POINTS_OUT_KEY.test(text)) return;
    out.push({ text, form: saw ? "np" : form, role: "rejected", info, other });
  };
  const whileLead = /^(?:While|Although|Though|Whereas) ([^,]{6,140}), /.exec(p);
  if (whileLead) add(whileLead[1], "clause");
  for (const m of p.matchAll(
    /\bnot (?:only |simply |merely |just )?((?:by |because of |due to |to )?[^,;]{4,80}?),? but (?:rather |also )?/g,
  ))
    add(m[1], "np");
  for (const m of p.matchAll(/\b(?:rather than|instead of) ([^,;.]{4,80})/g)) add(m[1], "np");
  return out;
}

const causalCache = new WeakMap<SentenceInfo, CausalFinding | null>();

/** Cached per analysed sentence: causes feed questions and distractor pools of both modules. */
export function findCausal(info: SentenceInfo): CausalFinding | null {
  if (causalCache.has(info)) return causalCache.get(info) ?? null;
  const f = findCausalChecked(info);
  causalCache.set(info, f);
  return f;
}

function findCausalChecked(info: SentenceInfo): CausalFinding | null {
  const f = findCausalRaw(info);
  if (!f) return null;
  const key = f.why?.cause.text ?? f.result?.effect.text ?? "";
  const asked = f.why?.effect ?? f.result?.cause ?? "";
  // Both halves must read alone: no pointer to another sentence, no quotation, no hearsay lead.
  if (POINTS_OUT_KEY.test(key) || POINTS_OUT_KEY.test(asked)) return null;
  if (/"/.test(asked) || /^According to\b/i.test(asked)) return null;
  if (f.why?.cause.form === "purpose" && /\b(?:it|them)\b/i.test(key)) return null;
  return f;
}

function findCausalRaw(info: SentenceInfo): CausalFinding | null {
  if (info.blockKind !== "paragraph") return null;
  // Pronoun starts and the like have been resolved where they could be; what is left points out.
  if (info.reasons.some((r) => /pronoun|deictic|refers outside|question|quotation|counterfactual/.test(r)))
    return null;
  const p = withoutAsides(info.prompt.replace(/[.!]$/, ""));
  if ((p.split('"').length - 1) % 2 === 1) return null;
  const rej = (other: string) => rejectedIn(info, other);
  // "The Reds took relatives of the sailors hostage. In response, the Kronstadters took up arms …":
  // the previous sentence is the reason (the first deed of a compound predicate is asked about).
  // The question cites both sentences.
  if (info.responseTo) {
    const effect = cutClause(p.split(/ and (?=\p{Ll}+ed\b)/u)[0]!, 20);
    const both = { ...info, evidence: `${info.responseTo.evidence} ${info.evidence}` };
    if (effect && !/^(?:he|she|it|they)\b/i.test(effect))
      return {
        info: both,
        why: {
          effect,
          cause: { text: info.responseTo.clause, form: "clause", role: "cause", info: both, other: effect },
        },
        rejected: rej(effect),
      };
  }
  // "The Greens, so named thanks to their hideouts, …" → why were they so named?
  const named =
    /^(?:The )?(\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+){0,2}), so (named|called) (?:thanks to|because of|after|for) ([^,]{4,80}),/u.exec(
      info.prompt,
    );
  if (named) {
    const cause = cutClause(dropLeadingPossessive(named[3]!));
    if (cause) {
      const plural = /s$/.test(named[1]!);
      return {
        info,
        why: {
          effect: `${plural ? "were" : "was"} the ${named[1]!} so ${named[2]!}`,
          cause: { text: cause, form: "np", role: "cause", info, other: named[1]! },
        },
        rejected: [],
      };
    }
  }
  // "With the Petrograd Soviet in control of military deployments, the ability … was almost
  // non-existent": the circumstance is the reason ("the Petrograd Soviet was in control of …").
  const withLead =
    /^With ((?:the )?\p{Lu}[\p{L}'-]*(?: \p{Lu}[\p{L}'-]*)*) ((?:in|under|at|on|behind) [^,]{4,80}), (.+)$/u.exec(
      p,
    );
  if (withLead) {
    const effect = cutClause(withLead[3]!, 26);
    const plural = /s$/.test(withLead[1]!);
    const cause = cutClause(`${withLead[1]!} ${plural ? "were" : "was"} ${withLead[2]!}`);
    if (effect && cause && !/^(?:he|she|it|they)\b/i.test(effect))
      return {
        info,
        why: { effect, cause: { text: lcFirst(cause), form: "clause", role: "cause", info, other: effect } },
        rejected: rej(effect),
      };
  }
  const leading = /^(.{10,160}?), (?:leading to|resulting in) (.+)$/.exec(p);
  if (leading) {
    const clause = cutClause(lastClause(leading[1]!), 22);
    const effect = cutClause(dropLeadingPossessive(leading[2]!));
    if (clause && effect && !POINTS_OUT_KEY.test(clause) && !/^(?:he|she|it|they)\b/i.test(clause))
      return {
        info,
        result: {
          cause: lcFirst(clause),
          effect: { text: effect, form: "np", role: "effect", info, other: clause },
          verb: "when",
        },
        rejected: rej(clause),
      };
  }
  // "In response to X, Y" / "As a result of X, Y".
  const lead = LEAD_CAUSE.exec(p);
  if (lead) {
    const cause = cutClause(dropLeadingPossessive(lead[2]!));
    const effect = cutClause(lead[3]!, 26);
    if (!cause || !effect) return null;
    if (lead[1] === "As a result of" && !POINTS_OUT.test(lead[2]!)) {
      return {
        info,
        result: {
          cause: lcFirst(lead[2]!),
          effect: { text: capFirst(effect), form: "clause", role: "effect", info, other: lead[2]! },
          verb: "result",
        },
        rejected: rej(lead[2]!),
      };
    }
    return {
      info,
      why: { effect, cause: { text: cause, form: "np", role: "cause", info, other: effect } },
      rejected: rej(effect),
    };
  }
  const reaction = REACTION.exec(p);
  if (reaction) {
    const cause = cutClause(reaction[2]!);
    const subj = clean(reaction[1]!);
    if (!cause || wordCount(subj) > 16 || POINTS_OUT.test(subj)) return null;
    return {
      info,
      result: undefined,
      why: {
        effect: `${subj} was a reaction`,
        cause: { text: cause, form: "np", role: "cause", info, other: subj },
      },
      rejected: rej(subj),
    };
  }
  const follows = FOLLOWS_FROM.exec(p);
  if (follows) {
    const source = cutClause(follows[2]!);
    const what = cutClause(lcFirst(clean(follows[1]!)), 14);
    if (source && what && !POINTS_OUT_KEY.test(what) && !POINTS_OUT.test(what))
      return {
        info,
        why: {
          effect: `explains ${what}`,
          cause: { text: source, form: "np", role: "cause", info, other: what },
        },
        rejected: rej(what),
      };
  }
  const explains = EXPLAINS.exec(p);
  if (explains && !/^While\b/.test(p)) {
    // handled below through the while-clause form
  }
  const whileExplains =
    /^(?:While|Although|Though) [^,]{6,140}, (?:that )?(.{10,160}?) (?:can |may |largely )?(?:explains?|accounts? for) (.+)$/.exec(
      p,
    );
  const ex = whileExplains ?? explains;
  if (ex) {
    const cause = cutClause(ex[1]!, 22);
    const what = cutClause(ex[2]!, 14);
    if (cause && what && !POINTS_OUT_KEY.test(what))
      return {
        info,
        why: {
          effect: `explains ${what}`,
          cause: { text: cause, form: "clause", role: "cause", info, other: what },
        },
        rejected: rej(what),
      };
  }
  const np = NP_CAUSE.exec(p);
  if (np && np.index > 0) {
    const effect = cutClause(lastClause(p.slice(0, np.index)), 26);
    const cause = cutClause(dropLeadingPossessive(p.slice(np.index + np[0].length)));
    if (effect && cause)
      return {
        info,
        why: { effect, cause: { text: cause, form: "np", role: "cause", info, other: effect } },
        rejected: rej(effect),
      };
  }
  const because = /^(.{10,200}?),? because (?!of\b)(.+)$/.exec(p) ?? /^Because ([^,]{6,140}), (.+)$/.exec(p);
  if (because) {
    const lead = /^Because/.test(p);
    const effect = cutClause(lead ? because[2]! : lastClause(because[1]!), 26);
    const cause = cutClause(lead ? because[1]! : because[2]!);
    if (effect && cause && !/^(?:he|she|it|they)\b/i.test(effect))
      return {
        info,
        why: { effect, cause: { text: cause, form: "clause", role: "cause", info, other: effect } },
        rejected: rej(effect),
      };
  }
  const purpose = /^(.{10,200}?),? (?:in order to|so as to|so that) (.+)$/.exec(p);
  if (purpose) {
    const effect = cutClause(lastClause(purpose[1]!), 26);
    const aim = cutClause(purpose[2]!);
    if (effect && aim)
      return {
        info,
        why: {
          effect,
          cause: {
            text: /\bso that\b/.test(p) ? `so that ${aim}` : `to ${aim}`,
            form: "purpose",
            role: "purpose",
            info,
            other: effect,
          },
        },
        rejected: rej(effect),
      };
  }
  const result = RESULT_VERB.exec(p);
  if (result) {
    const cause = clean(result[1]!);
    const effect = cutClause(dropLeadingPossessive(result[3]!));
    if (/^(?:Though|Although|While|Whereas|If|When|As|Because|Since|After|Before)\b/.test(cause)) return null;
    // The cause must be a noun phrase (no verb of its own), or the question cannot name it.
    const tags = tagLemmas(cause);
    if (
      effect &&
      wordCount(cause) <= 16 &&
      !tags.some((t) => t.pos === "VERB" || t.pos === "AUX") &&
      !POINTS_OUT.test(cause) &&
      !/^(?:them|it|him|her|us)\b/i.test(effect)
    )
      return {
        info,
        result: {
          cause: lcFirst(cause),
          effect: { text: effect, form: "np", role: "effect", info, other: cause },
          verb: "lead to",
        },
        rejected: rej(cause),
      };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

interface Built {
  prompt: string;
  answer: string;
  distractors: string[];
  skill: QuestionSkill;
  keyKind: FactKind;
  info: SentenceInfo;
  score: number;
  tag: string;
}

/** The lesson sentences a question rests on: a response's reason is the sentence before it. */
function sentencesOf(info: SentenceInfo): number[] {
  return info.responseTo ? [info.responseTo.index, info.index] : [info.index];
}

function toCandidate(b: Built): Candidate | null {
  if (wordCount(b.prompt) > MAX_PROMPT_WORDS + 6) return null;
  // No choice may be visible in the prompt; the key's own words may not give it away either.
  for (const c of [b.answer, ...b.distractors]) if (visibleIn(b.prompt, c)) return null;
  const id = questionId(b.info.lessonSlug, "multiple_choice", b.info.evidence, `${b.tag}:${b.answer}`);
  const choices = seededShuffle([b.answer, ...b.distractors], id);
  return {
    question: {
      id,
      lessonSlug: b.info.lessonSlug,
      moduleSlug: b.info.moduleSlug,
      type: "multiple_choice",
      prompt: b.prompt,
      choices,
      answer: b.answer,
      evidence: b.info.evidence,
      evidenceAnchor: b.info.blockId,
      evidenceAnchors: [b.info.blockId],
      difficulty: Math.round(Math.min(1, 0.45 + 0.01 * wordCount(b.answer)) * 100) / 100,
      keyKind: b.keyKind,
      skill: b.skill,
      scope: "lesson",
      generatorVersion: GENERATOR_VERSION,
    },
    score: b.score,
    sentences: sentencesOf(b.info),
    fact: `${b.skill}:${b.info.index}:${b.tag}`,
  };
}

/**
 * The clause with its one named side (a group or body in the SIDE table) replaced by a side of
 * another camp that the module also names, keeping the written form (plural, possessive). Null
 * when the clause names no side, or names more than one.
 */
function sideSwap(
  clause: string,
  gaz: Gazetteer,
  moduleLessons: ReadonlySet<string>,
  prompt: string,
): string | null {
  const sides = gaz.find(clause).filter((m) => SIDE[m.entity.canonical] !== undefined);
  if (sides.length !== 1) return null;
  const m = sides[0]!;
  const side = SIDE[m.entity.canonical]!;
  const possessive = /'s?$/.test(m.text) ? (/s'$/.test(m.text) ? "'" : "'s") : "";
  const candidates = gaz
    .ofKind(m.entity.kind)
    .filter(
      (e) =>
        SIDE[e.canonical] !== undefined &&
        SIDE[e.canonical] !== side &&
        [...e.lessons.keys()].some((l) => moduleLessons.has(l)) &&
        /s$/.test(e.canonical) === /s'?$/.test(m.text.replace(/'s$/, "")) &&
        !e.spellings.some((sp) => visibleIn(prompt, sp)),
    )
    .sort((a, b) => b.count - a.count || cmp(a.canonical, b.canonical));
  // One of the module's three most-named other sides, varied by clause.
  const top = candidates.slice(0, 3);
  const pick = top[parseInt(hash64(clause).slice(0, 4), 16) % Math.max(1, top.length)];
  if (!pick) return null;
  const name =
    pick.canonical +
    (possessive === "'" ? "'" : possessive === "'s" ? (/s$/.test(pick.canonical) ? "'" : "'s") : "");
  return clause.slice(0, m.start) + name + clause.slice(m.end);
}

/** Two clauses about the same named actor ("the Left-SRs …"): a reason for one may fit the other. */
function sharesName(a: string, b: string): boolean {
  const names = (t: string) =>
    new Set(
      [...t.matchAll(/(?<![.!?]\s|^)\b\p{Lu}[\p{L}'-]+/gu)]
        .map((m) => m[0].replace(/'s$/, ""))
        .filter((w) => !/^(?:The|In|A|An|According|By|After|Before)$/.test(w)),
    );
  const x = names(a);
  return [...names(b)].some((w) => x.has(w));
}

/** Content-word overlap (stems of 5 letters) between two texts. */
function overlap(a: string, b: string): number {
  const stems = (t: string) => new Set(contentWords(t).map((w) => w.slice(0, 5)));
  const x = stems(a);
  let n = 0;
  for (const w of stems(b)) if (x.has(w)) n++;
  return n;
}

/**
 * Three distractor clauses: what the sentence rejects first, then clauses of the same role and
 * form from the lesson, then from the module. Never one that explains the same thing (a second
 * true reason), never a near-copy of the key or of each other.
 */
/** Whether a cause reads as a reason: it carries a verb (finite or infinitive, "desire to defend"). */
export function reasonShaped(text: string): boolean {
  return tagLemmas(text).some((t) => t.pos === "VERB" || t.pos === "AUX");
}

function pickClauses(
  key: Clause,
  rejected: readonly Clause[],
  pool: readonly Clause[],
  prompt: string,
  seed: string,
  need = 3,
): string[] | null {
  const out: string[] = [];
  const ok = (c: Clause) =>
    !tooSimilar(c.text, key.text) &&
    overlap(c.text, key.text) < 2 &&
    !out.some((o) => tooSimilar(o, c.text)) &&
    !visibleIn(prompt, c.text) &&
    overlap(c.other, key.other) < 2 &&
    !sharesName(c.other, key.other) &&
    !POINTS_OUT_KEY.test(c.text) &&
    // "its", "they": a distractor cut from another sentence must not point back.
    !/\b(?:its|their|they|it|he|she|his|her|them)\b/i.test(c.text) &&
    // A reason against a reason: a clause with a verb, or a noun phrase naming an act or state,
    // never a bare place or thing ("forest and marshland hideouts" as why someone rose up).
    reasonShaped(c.text) === reasonShaped(key.text);
  for (const r of rejected)
    if (
      out.length < 3 &&
      !tooSimilar(r.text, key.text) &&
      overlap(r.text, key.text) < 2 &&
      !visibleIn(prompt, r.text)
    )
      out.push(r.text);
  const keyWords = wordCount(key.text);
  const lengthOk = (c: Clause) => {
    const w = wordCount(c.text);
    return w >= keyWords / 2.2 && w <= keyWords * 2.2 + 2;
  };
  const sameLesson = (c: Clause) => c.info.lessonSlug === key.info.lessonSlug;
  const sameModule = (c: Clause) => c.info.moduleSlug === key.info.moduleSlug;
  // Only the module's own clauses: another text's reasons belong to other events and stand out.
  const tiers: Clause[][] = [
    pool.filter((c) => sameLesson(c) && c.form === key.form),
    pool.filter((c) => !sameLesson(c) && sameModule(c) && c.form === key.form),
    pool.filter(
      (c) => sameModule(c) && c.form !== key.form && key.form !== "purpose" && c.form !== "purpose",
    ),
  ];
  for (const tier of tiers) {
    const sorted = seededShuffle(
      [...tier].sort((a, b) => cmp(a.text, b.text)),
      seed,
    ).sort(
      (a, b) =>
        Math.min(1, overlap(b.text + " " + b.other, prompt)) -
          Math.min(1, overlap(a.text + " " + a.other, prompt)) || Number(lengthOk(b)) - Number(lengthOk(a)),
    );
    for (const c of sorted) {
      if (out.length >= 3) break;
      if (c.info === key.info || !ok(c)) continue;
      out.push(c.text);
    }
  }
  return out.length >= need ? out.slice(0, 3) : null;
}

/** "Industry was grinding to a halt because of shortages of raw materials." from a cause and its effect. */
function causeStatement(effect: string, cause: Clause): string | null {
  // "were the Greens so named": an inverted question, not a claim.
  if (/^(?:were|was|had|did|do|does|is|are)\b/.test(effect)) return null;
  if (/^explains /.test(effect)) {
    // The cause opens the statement: a pronoun in it would come before its referent.
    if (/\b(?:he|she|his|her|him|it|its|they|their|them)\b/i.test(cause.text)) return null;
    // "Drought and a resulting poor harvest explain …": a compound subject takes the plural verb.
    const verb =
      cause.form === "np" && / and /.test(cause.text) ? effect.replace(/^explains/, "explain") : effect;
    return `${cause.form === "clause" ? `That ${cause.text}` : capFirst(cause.text)} ${verb}.`;
  }
  if (/ was a reaction$/.test(effect)) return `${capFirst(effect)} to ${cause.text}.`;
  return `${capFirst(effect)} ${cause.form === "np" ? "because of" : "because"} ${cause.text}.`;
}

function resultStatement(cause: string, effect: Clause, verb: string): string | null {
  if (verb === "result" && effect.form === "clause")
    return `One result of ${cause} was that ${lcFirst(effect.text)}.`;
  if (verb === "lead to") return `${capFirst(cause)} led to ${effect.text}.`;
  return null;
}

/**
 * The lesson's causal claim as a statement to judge: true as the lesson gives it, or false with
 * the reason the sentence itself rejects ("While 1921 did see drought …") or with the key's side
 * swapped ("the Whites' grain-requisition regime"); never with a reason from another story, which
 * the lesson does not clearly contradict.
 */
function causalStatement(
  f: CausalFinding,
  gaz: Gazetteer | null,
  moduleLessons: ReadonlySet<string>,
): Candidate | null {
  let truth: string | null = null;
  let falsehood: string | null = null;
  if (f.why) {
    // "because of heroic past": give a bare noun phrase back the determiner the text gave it ("its").
    const at = f.info.evidence.indexOf(f.why.cause.text);
    const det =
      at > 0 ? /\b(its|their|his|her|the|a|an)\s+$/i.exec(f.info.evidence.slice(0, at))?.[1] : undefined;
    const cause =
      f.why.cause.form === "np" && det
        ? { ...f.why.cause, text: `${det.toLowerCase()} ${f.why.cause.text}` }
        : f.why.cause;
    truth = causeStatement(f.why.effect, cause);
    const wrong =
      f.rejected[0]?.text ?? (gaz ? sideSwap(cause.text, gaz, moduleLessons, f.why.effect) : null);
    if (truth && wrong)
      falsehood = causeStatement(f.why.effect, {
        ...cause,
        text: wrong,
        form: f.rejected[0]?.form ?? f.why.cause.form,
      });
  } else if (f.result) {
    truth = resultStatement(f.result.cause, f.result.effect, f.result.verb);
    const wrong = f.rejected[0]?.text ?? null;
    if (truth && wrong)
      falsehood = resultStatement(f.result.cause, { ...f.result.effect, text: wrong }, f.result.verb);
  }
  if (!truth) return null;
  // The false form whenever the text supplies one (most causal claims have none).
  const statement = falsehood ?? truth;
  if (wordCount(statement) > MAX_PROMPT_WORDS) return null;
  const answer = statement === truth ? "True" : "False";
  const id = questionId(f.info.lessonSlug, "true_false", f.info.evidence, `cause:${answer}`);
  return {
    question: {
      id,
      lessonSlug: f.info.lessonSlug,
      moduleSlug: f.info.moduleSlug,
      type: "true_false",
      prompt: TF_PREFIX + statement,
      choices: ["True", "False"],
      answer,
      evidence: f.info.evidence,
      evidenceAnchor: f.info.blockId,
      evidenceAnchors: [f.info.blockId],
      difficulty: answer === "True" ? 0.35 : 0.45,
      keyKind: "event",
      skill: "cause",
      scope: "lesson",
      generatorVersion: GENERATOR_VERSION,
    },
    score: 1.15,
    sentences: sentencesOf(f.info),
    fact: `cause:${f.info.index}:tf`,
  };
}

/**
 * Whether at least two wrong reasons come from the sentence's own story: what it rejects, the key
 * with its side swapped, or a cause or result told in the same lesson. Reasons pooled from other
 * lessons belong to other events and are ruled out at a glance.
 */
function closeDistractors(
  ds: readonly string[],
  f: CausalFinding,
  swapped: string | null,
  pool: readonly Clause[],
): boolean {
  const rejected = new Set(f.rejected.map((r) => r.text));
  // A bare noun phrase pooled from another sentence ("heroic past") rarely reads as a reason for
  // this event; only the sentence's own alternatives make it a fair question.
  const key = f.why?.cause ?? f.result?.effect;
  const sameLesson = new Set(
    pool.filter((c) => c.info.lessonSlug === f.info.lessonSlug && key?.form !== "np").map((c) => c.text),
  );
  return ds.filter((d) => rejected.has(d) || d === swapped || sameLesson.has(d)).length >= 2;
}

/**
 * Cause, result and purpose questions for the lessons of one module; the other modules' causes
 * and results widen the distractor pool (the module's own come first).
 */
export function causalQuestions(
  moduleSentences: readonly SentenceInfo[],
  guideSentences: readonly SentenceInfo[] = moduleSentences,
  gaz: Gazetteer | null = null,
): Candidate[] {
  const moduleLessons = new Set(moduleSentences.map((s) => s.lessonSlug));
  const findings = moduleSentences.map(findCausal).filter((f): f is CausalFinding => f !== null);
  const inModule = new Set(moduleSentences);
  const poolFindings = [
    ...findings,
    ...guideSentences
      .filter((s) => !inModule.has(s))
      .map(findCausal)
      .filter((f): f is CausalFinding => f !== null),
  ];
  const causes: Clause[] = [];
  const effects: Clause[] = [];
  for (const f of poolFindings) {
    // (A response's reason is a deed told in another sentence: no wrong reason for other events.)
    if (f.why && !f.info.responseTo) causes.push(f.why.cause);
    if (f.result) effects.push(f.result.effect);
  }
  const out: Candidate[] = [];
  for (const f of findings) {
    const seed = hash64(f.info.evidence);
    const tf = causalStatement(f, gaz, moduleLessons);
    if (tf) out.push(tf);
    if (f.why) {
      const prompt = /^explains /.test(f.why.effect)
        ? `According to the lesson, what ${f.why.effect}?`
        : / was a reaction$/.test(f.why.effect)
          ? `According to the lesson, what was ${lcFirst(f.why.effect.replace(/ was a reaction$/, ""))} a reaction to?`
          : whyPrompt(f.why.effect);
      if (!prompt) continue;
      const picked = pickClauses(f.why.cause, f.rejected, causes, prompt, seed);
      if (!picked) continue;
      // The key with its side swapped ("ties to the Whites" for "ties to non-Bolshevik socialists")
      // is the most plausible wrong reason; it replaces the last pooled one.
      const swapped = gaz ? sideSwap(f.why.cause.text, gaz, moduleLessons, prompt) : null;
      const ds =
        swapped && !picked.some((d) => tooSimilar(d, swapped))
          ? [...picked.slice(0, Math.max(f.rejected.length, 2)), swapped].slice(0, 3)
          : picked;
      if (!closeDistractors(ds, f, swapped, causes)) continue;
      const c = toCandidate({
        prompt,
        answer: f.why.cause.text,
        distractors: ds,
        skill: "cause",
        keyKind: "event",
        info: f.info,
        score: 1.2 + (f.rejected.length ? 0.1 : 0),
        tag: "why",
      });
      if (c) out.push(c);
    }
    if (f.result) {
      const prompt =
        f.result.verb === "result"
          ? `According to the lesson, what was one result of ${f.result.cause}?`
          : f.result.verb === "when"
            ? `According to the lesson, what was the result when ${f.result.cause}?`
            : `According to the lesson, what did ${f.result.cause} lead to?`;
      const pool = f.result.verb === "result" ? effects.filter((e) => e.form === "clause") : effects;
      const ds = pickClauses(f.result.effect, f.rejected, pool.length >= 4 ? pool : effects, prompt, seed);
      if (!ds || !closeDistractors(ds, f, null, effects)) continue;
      const c = toCandidate({
        prompt,
        answer: f.result.effect.text,
        distractors: ds,
        skill: "cause",
        keyKind: "event",
        info: f.info,
        score: 1.2,
        tag: "result",
      });
      if (c) out.push(c);
    }
  }
  return out;
}

// --- who said it --------------------------------------------------------------------------------

const SAYING_VERB =
  /^(?:writes|wrote|notes|noted|observes|observed|argues|argued|declares|declared|declaring|recalls|recalled|recounts|claims|claimed|asserts|asserted|states|stated|remarks|remarked|explains|explained|insists|insisted|says|said|adds|added|concludes|concluded|emphasizes|emphasized|stresses|warned|warns|proclaimed|announced|put it|reports|reported|describes|described|calls|called|terms|termed|laments|lamented|exclaims|exclaimed|affirms|affirmed|mentions)$/;

interface Quote {
  info: SentenceInfo;
  text: string;
  speaker: Entity;
  /** Set for a reported claim ("Voline argues that …"): the verb to ask with, past tense. */
  verb?: string;
}

const REPORTING: Record<string, string> = {
  argues: "argued",
  writes: "wrote",
  "points out": "pointed out",
  observes: "observed",
  notes: "noted",
  emphasizes: "emphasized",
  stresses: "stressed",
  claims: "claimed",
  insists: "insisted",
  explains: "explained",
  estimates: "estimated",
  recounts: "recounted",
  speculates: "speculated",
  clarifies: "made clear",
};

/** "Voline argues that X", "According to Maximov, X": a claim the lesson attributes to a writer. */
function reportedClaim(info: SentenceInfo, gaz: Gazetteer): Quote | null {
  if (info.blockKind !== "paragraph") return null;
  const p = info.prompt.replace(/[.!]$/, "");
  const verbs = Object.keys(REPORTING).join("|");
  const m =
    new RegExp(
      `^(?:As )?(\\p{Lu}[\\p{L}.' -]{1,40}?) (?:also |further |rightly |convincingly )?(${verbs}) that (.+)$`,
      "u",
    ).exec(p) ?? /^According to (\p{Lu}[\p{L}.' -]{1,40}?), (.+)$/u.exec(p);
  if (!m) return null;
  const name = m[1]!;
  const person = gaz.find(name).find((x) => x.entity.kind === "person" && x.text === name);
  if (!person) return null;
  const claimRaw = m.length === 4 ? m[3]! : m[2]!;
  const verb = m.length === 4 ? REPORTING[m[2]!]! : "argued";
  const claim = cutClause(claimRaw, 26);
  if (!claim || claim !== clean(claimRaw)) return null;
  if (POINTS_OUT_KEY.test(claim) || /^(?:he|she|it|they|this|these|his|her|their)\b/i.test(claim))
    return null;
  if ((claim.split('"').length - 1) % 2 === 1) return null;
  if (person.entity.spellings.some((sp) => visibleIn(claim, sp))) return null;
  return { info, text: claim.replace(/"/g, ""), speaker: person.entity, verb };
}

function speakerBefore(text: string, gaz: Gazetteer): Entity | null {
  // The nearest person before the quotation, followed by a verb of saying (or "According to").
  const people = gaz.find(text).filter((m) => m.entity.kind === "person");
  const last = people[people.length - 1];
  if (!last) return null;
  const after = text.slice(last.end).replace(/^'s\b/, "");
  const according = /\b[Aa]ccording to\s*$/.test(text.slice(0, last.start));
  const verb = /^,?\s*(?:\p{Ll}+ly )?(\p{Ll}+(?: it)?)\b/u.exec(after);
  if (!according && !(verb && SAYING_VERB.test(verb[1]!))) return null;
  // Somebody else named between speaker and quotation makes the attribution unclear.
  if (people.filter((m) => m.entity.id !== last.entity.id).some((m) => m.start > last.start)) return null;
  if (after.length > 60) return null;
  return last.entity;
}

/** A text that opens with a noun phrase followed by its own inflected verb ("the scene resembled …"). */
export function wholeClause(text: string): boolean {
  const tags = tagLemmas(text);
  for (const [i, t] of tags.entries()) {
    if (t.pos === "VERB" || t.pos === "AUX")
      return i >= 2 && t.text.toLowerCase() !== t.lemma.toLowerCase() && !/ing$/.test(t.text);
    if (!/^(?:DET|ADJ|NOUN|PROPN|ADV|PART)$/.test(t.pos)) return false;
  }
  return false;
}

function usableQuote(raw: string, cited: boolean): string | null {
  let q = cleanForPrompt(raw).trim();
  // A fragment that starts or ends mid-phrase ("of Bolshevism in power, …", "… that envisaged")
  // or skips words ("[...]") does not read as anyone's words.
  if (/^(?:of|and|or|to|in|that|which|for|with|by|from|as|but)\b/i.test(q)) return null;
  // "the most dangerous enemy, which …" is a fragment; "the Petrograd scene strikingly resembled …"
  // is a whole clause (a subject noun phrase, then its inflected verb).
  if (/^(?:the|a|an)\b/i.test(q) && !wholeClause(q)) return null;
  if (
    /\b(?:of|and|or|to|in|that|which|for|with|by|from|as|but|the|a|an|envisaged|was|were|is|are)$/i.test(
      q.replace(/[.,;:!?]+$/, ""),
    )
  )
    return null;
  if (/\[\s*(?:\.\.\.|…)\s*\]|\.\.\./.test(q)) return null;
  // A cited block quotation in the first person may be a witness the author quotes, not the author.
  if (cited && /\b(?:I|my|me|we|our|us)\b/.test(q)) return null;
  q = q.replace(/\s*\([^)]*\d[^)]*\)\s*$/, "").replace(/[,;:]$/, "");
  const words = wordCount(q);
  if (words < 6) return null;
  if (words > 30) {
    const cut = /^(.{40,}?)(?:;|, (?:and|but|which|while|as)\b|:)/.exec(q);
    if (!cut || wordCount(cut[1]!) > 30) return null;
    q = `${cut[1]!} …`;
  }
  if (/^(?:he|she|it|its|they|their|this|these|those|such|that|here|there)\b/i.test(q)) return null;
  if (/\b(?:this|these|those|such|here|the latter|the former)\b/i.test(q)) return null;
  if (q.includes('"')) return null;
  return q;
}

function findQuotes(lessonSentences: readonly SentenceInfo[], lesson: Lesson, gaz: Gazetteer): Quote[] {
  const out: Quote[] = [];
  for (const info of lessonSentences) {
    if (info.blockKind !== "paragraph") continue;
    const reported = reportedClaim(info, gaz);
    if (reported) {
      out.push(reported);
      continue;
    }
    for (const m of info.evidence.matchAll(/"([^"]{20,260})"/g)) {
      const before = info.evidence.slice(0, m.index ?? 0);
      const speaker = speakerBefore(before.slice(-120), gaz);
      if (!speaker) continue;
      const text = usableQuote(m[1]!, false);
      if (!text) continue;
      out.push({ info, text, speaker });
    }
  }
  // Block quotations: the citation at the end of the quotation names the author.
  const blocks = lesson.sections.flatMap((s) => s.blocks);
  const groups = new Map<string, string[]>();
  for (const b of blocks) if (b.kind === "quote") groups.set(b.group, [...(groups.get(b.group) ?? []), b.id]);
  for (const ids of groups.values()) {
    const lastBlock = blocks.find((b) => b.id === ids[ids.length - 1]);
    if (!lastBlock || lastBlock.kind === "caption") continue;
    const cite = /\((\p{Lu}\p{Ll}+)(?: Ibid)? \d[^)]*\)\s*\.?\s*$/u.exec(lastBlock.text);
    let speaker: Entity | null = null;
    if (cite) speaker = gaz.find(cite[1]!).find((m) => m.entity.kind === "person")?.entity ?? null;
    if (!speaker) {
      // "Maximov writes:" — the paragraph before introduces the quotation.
      const first = blocks.findIndex((b) => b.id === ids[0]);
      const prev = blocks[first - 1];
      if (prev && prev.kind === "paragraph" && /:\s*$/.test(prev.text))
        speaker = speakerBefore(prev.sentences[prev.sentences.length - 1]!.replace(/:\s*$/, ""), gaz);
    }
    if (!speaker) continue;
    const firstInfo = lessonSentences.find((s) => s.blockId === ids[0]);
    if (!firstInfo) continue;
    const text = usableQuote(firstInfo.evidence.replace(/^"|"$/g, ""), cite !== null);
    if (!text) continue;
    out.push({ info: firstInfo, text, speaker });
  }
  // Words about named people ("Trotsky and Zinoviev denounce …") are a remark on them, not an
  // argument worth attributing: the writers' claims worth knowing are general.
  return out.filter((q) => !gaz.find(q.text).some((m) => m.entity.kind === "person"));
}

/** Who is quoted: speakers from this module's lessons serve as each other's distractors. */
export function attributionQuestions(
  moduleLessons: readonly { lesson: Lesson; sentences: readonly SentenceInfo[] }[],
  gaz: Gazetteer,
): Candidate[] {
  const quotes = moduleLessons.flatMap((l) => findQuotes(l.sentences, l.lesson, gaz));
  const speakers = new Map<string, Entity>();
  for (const q of quotes) speakers.set(q.speaker.id, q.speaker);
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const q of quotes) {
    if (seen.has(q.text)) continue;
    seen.add(q.text);
    const group = PERSON_ROLE_GROUPS.find((g) => g.includes(q.speaker.subkind)) ?? [q.speaker.subkind];
    const rank = (e: Entity) =>
      (e.subkind === q.speaker.subkind ? 0 : group.includes(e.subkind) ? 1 : 3) +
      (speakers.has(e.id) ? 0 : 1);
    const pool = gaz
      .ofKind("person")
      .filter((e) => e.id !== q.speaker.id && (group.includes(e.subkind) || e.subkind === "cue"))
      .filter((e) => [...e.lessons.keys()].some((l) => moduleLessons.some((m) => m.lesson.slug === l)))
      .filter((e) => !e.spellings.some((s) => visibleIn(q.text, s)));
    const seed = hash64(q.text);
    const ordered = seededShuffle(
      [...pool].sort((a, b) => cmp(a.id, b.id)),
      seed,
    ).sort((a, b) => rank(a) - rank(b));
    const chosen = ordered.slice(0, 3);
    const ds = chosen.map((e) => displayName(e));
    if (ds.length < 3) continue;
    if (q.speaker.spellings.some((s) => visibleIn(q.text, s))) continue;
    // A writer the lesson names more often than all the other options together is the default
    // guess for any quotation in it: the question would test nothing.
    const named = (e: Entity) => e.lessons.get(q.info.lessonSlug) ?? 0;
    if (named(q.speaker) > chosen.reduce((n, e) => n + named(e), 0)) continue;
    // "Who argued that …?" hands over the idea and asks only its source: attribution asks for
    // quotations, whose wording is what is worth knowing.
    if (q.verb) continue;
    const prompt = q.verb
      ? `According to the lesson, who ${q.verb} that ${q.text}?`
      : `According to the lesson, whose words are these: "${q.text}"?`;
    const c = toCandidate({
      prompt,
      answer: displayName(q.speaker),
      distractors: ds,
      skill: "attribution",
      keyKind: "person",
      info: q.info,
      score: 1.05,
      tag: `said:${q.text.slice(0, 30)}`,
    });
    if (c) out.push(c);
  }
  return out;
}

function displayName(e: Entity): string {
  return e.spellings.find((s) => s.includes(" ") && !s.includes(".")) ?? e.canonical;
}

// --- positions of the sides ----------------------------------------------------------------------

/**
 * A fronted time or circumstance phrase before a side as subject ("At the end of August (Old
 * Style), the Provisional Government …"): the question keeps it. Not a clause with a subject of its
 * own ("Though …", "While …"), and nothing in it that points to another sentence.
 */
const FRONTED =
  /^((?:In|At|Before|After|During|Through|Following|Until|By|From|Since|As a result of|In the wake of) (?![^,]*\b(?:this|these|that|those|such|it|its|they|their|them|he|his|she|her|him)\b)[^,;:"]{2,80}), (?:the )?$/u;

const STANCE =
  /^(?:invited|acted|demanded|opposed|supported|advocated|dissolved|crushed|called for|rejected|refused|proclaimed|declared|insisted|sought|defended|condemned|denounced|suppressed|banned|outlawed|assassinated|attacked|seized|abolished|boycotted|betrayed|backed|favou?red|urged|wanted|introduced|launched|executed|arrested|won|gained|took|usurped|disbanded|disarmed|massacred|shot|destroyed|persecuted|invaded|overthrew|deposed|united|organized|organised|formed|founded|established|resisted|fought|struggled|rose|staged|spearheaded|led|controlled|dominated|held|voted|promised|pledged|negotiated|signed|accepted|collaborated|allied|sided|joined|split|broke|turned|discredited|hailed|embraced|championed|argued|maintained|stressed|emphasized|emphasised|engaged)$/;

/**
 * Whether a sentence states a side's stance or deed: a group or body as its subject ("The Reds
 * conspired …", "In 1919, the Makhnovists proclaimed …") and a verb of stance. A true/false
 * statement on such a sentence asks where a side stood, not a detail.
 */
export function statesPosition(info: SentenceInfo): boolean {
  const key = info.keys.find((k) => k.entity && (k.kind === "group" || k.kind === "organisation"));
  if (!key?.entity || SIDE[key.entity.canonical] === undefined) return false;
  const before = info.prompt.slice(0, key.start);
  if (
    !/^(?:The |the )?$/.test(before) &&
    !/^In (?:\p{L}+ )?\d{4}, (?:the )?$/u.test(before) &&
    !FRONTED.test(before)
  )
    return false;
  const m =
    /^ (?:(?:also|then|soon|quickly|openly|effectively|ultimately|eventually|later|first|actually) )?(?:were |was |had |would )?(\p{Ll}+)\b/u.exec(
      info.prompt.slice(key.end),
    );
  return !!m && (STANCE.test(m[1]!) || /ed$/.test(m[1]!));
}

/** "The Left SRs assassinated …" → "According to the lesson, which group assassinated …?" */
export function positionQuestions(sentences: readonly SentenceInfo[], ctx: DistractorContext): Candidate[] {
  const out: Candidate[] = [];
  for (const whole of sentences) {
    if (whole.blockKind !== "paragraph" || !whole.standalone) continue;
    for (const info of [whole, ...clausesAfterColon(whole)]) {
      const c = positionQuestion(info, ctx);
      if (c) out.push(c);
    }
  }
  return out;
}

/**
 * "…, the Greens met with a similar fate: the Red Army engaged in scorched-earth tactics …": the
 * independent clause after a colon or semicolon, as a sentence of its own (keys moved with it).
 */
function clausesAfterColon(info: SentenceInfo): SentenceInfo[] {
  const out: SentenceInfo[] = [];
  for (const m of info.prompt.matchAll(/[;:] (?=the \p{Lu}|The \p{Lu})/gu)) {
    const at = (m.index ?? 0) + m[0].length;
    const text = capFirst(info.prompt.slice(at));
    if (wordCount(text) < 6 || /"/.test(text) || !/[.!]$/.test(text)) continue;
    const keys = info.keys
      .filter((k) => k.start >= at)
      .map((k) => ({ ...k, start: k.start - at, end: k.end - at }));
    out.push({ ...info, prompt: text, keys, words: wordCount(text) });
  }
  return out;
}

function positionQuestion(info: SentenceInfo, ctx: DistractorContext): Candidate | null {
  {
    const key = info.keys.find((k) => k.entity && (k.kind === "group" || k.kind === "organisation"));
    if (!key || !key.entity) return null;
    const before = info.prompt.slice(0, key.start);
    const when = /^In (\p{L}+ )?(\d{4}), (?:the )?$/u.exec(before);
    const fronted = when ? null : FRONTED.exec(before);
    if (!/^(?:The |the )?$/.test(before) && !when && !fronted) return null;
    const after = info.prompt.slice(key.end);
    const m =
      /^(?:'s?)? (?:(?:also|then|soon|quickly|openly|effectively|ultimately|eventually|later|first|themselves|itself) )?(\p{Ll}+(?: for)?)\b(.*)$/u.exec(
        after,
      );
    if (!m || !STANCE.test(m[1]!)) return null;
    if (/^'s/.test(after)) return null;
    // A long predicate keeps what comes before its first participle clause (", specifically targeting …").
    const rest =
      cutClause(`${m[1]!}${m[2]!}`, 24) ??
      cutClause(`${m[1]!}${m[2]!}`.split(/, (?=(?:\p{Ll}+ly )?\p{Ll}+ing\b)/u)[0]!, 24);
    if (!rest || POINTS_OUT_KEY.test(rest) || /\b(?:it|they|them|its|their|itself|themselves)\b/i.test(rest))
      return null;
    // Another group or body named in the rest could be the answer as well.
    if (
      info.keys.some(
        (k) =>
          k !== key &&
          (k.kind === "group" || k.kind === "organisation") &&
          k.start >= key.end &&
          k.start < key.end + rest.length + 4,
      )
    )
      return null;
    const stems = key.entity.spellings.flatMap((s) => contentWords(s).map((w) => w.slice(0, 5)));
    if (contentWords(rest).some((w) => stems.includes(w.slice(0, 5)))) return null;
    const noun = key.kind === "group" ? "group" : "body";
    const lead = fronted ? `${fronted[1]!.charAt(0).toLowerCase()}${fronted[1]!.slice(1)}, ` : "";
    const prompt = `According to the lesson, ${lead}which ${noun} ${rest}${when ? ` in ${when[1] ?? ""}${when[2]}` : ""}?`;
    const ds = distractorsFor(key, `_____ ${rest}`, before, ctx, `${info.evidence}|pos`);
    if (!ds) return null;
    const answer = displayKey(key);
    const c = toCandidate({
      prompt,
      answer,
      distractors: ds.map((d) => d.replace(/^the /i, "the ")),
      skill: "position",
      keyKind: key.kind,
      info,
      score: 1.1,
      tag: `pos:${key.start}`,
    });
    return c;
  }
}

/** Two people named together ("Lenin and Trotsky"), as the lesson writes them, outside quotations. */
interface Pair {
  info: SentenceInfo;
  text: string;
  people: Entity[];
  start: number;
  end: number;
}

function findPairs(sentences: readonly SentenceInfo[], gaz: Gazetteer): Pair[] {
  const out: Pair[] = [];
  for (const info of sentences) {
    if (info.blockKind !== "paragraph") continue;
    const p = info.prompt;
    const { spans } = quoteSpans(p);
    const ms = gaz.find(p);
    for (let i = 0; i + 1 < ms.length; i++) {
      const a = ms[i]!;
      const b = ms[i + 1]!;
      if (a.entity.kind !== "person" || b.entity.kind !== "person" || a.entity.id === b.entity.id) continue;
      if (p.slice(a.end, b.start) !== " and " || inSpans(spans, a.start, b.end)) continue;
      // "Kant, Plato, … and Bakunin": one list, not a pair.
      const prev = ms[i - 1];
      if (prev?.entity.kind === "person" && /^, $/.test(p.slice(prev.end, a.start))) continue;
      if (/^,? and\b/.test(p.slice(b.end))) continue;
      out.push({
        info,
        text: p.slice(a.start, b.end),
        people: [a.entity, b.entity],
        start: a.start,
        end: b.end,
      });
    }
  }
  return out;
}

/**
 * "Lenin and Trotsky slandered the Kronstadt sailors, …" → "According to the lesson, who slandered
 * the Kronstadt sailors, …?": two people as the subject of a deed or stance. The wrong choices are
 * other pairs the module's own text names, of other camps (neither shares a role group with either
 * person asked about), those of the same lesson first.
 */
export function pairPositionQuestions(moduleSentences: readonly SentenceInfo[], gaz: Gazetteer): Candidate[] {
  const pairs = findPairs(moduleSentences, gaz);
  const out: Candidate[] = [];
  const groupOf = (e: Entity) => PERSON_ROLE_GROUPS.find((g) => g.includes(e.subkind)) ?? [e.subkind];
  for (const pair of pairs) {
    const info = pair.info;
    if (!info.standalone || pair.start !== 0 || info.quoteFraction > 0.2) continue;
    const m = /^ ((?:\p{Ll}+ly )?(\p{Ll}+)\b.*?)[.!]?$/u.exec(withoutAsides(info.prompt.slice(pair.end)));
    if (!m) continue;
    const verb = tagLemmas(info.prompt).find((t) => t.text === m[2]);
    if (!verb || verb.pos !== "VERB" || verb.text === verb.lemma || /ing$/.test(verb.text)) continue;
    if (!STANCE.test(m[2]!) && !/ed$/.test(m[2]!)) continue;
    const full = clean(m[1]!);
    // The whole predicate when it reads as one question, else up to its first participle clause.
    const rest =
      wordCount(full) <= 26 && !/[;:]/.test(full)
        ? full
        : cutClause(full.split(/, (?=\p{Ll}+ing\b)/u)[0]!, 20);
    if (!rest || POINTS_OUT_KEY.test(rest) || /\b(?:it|its|they|their|he|his|she|her)\b/i.test(rest))
      continue;
    if (pair.people.some((e) => e.spellings.some((sp) => visibleIn(rest, sp)))) continue;
    const camps = new Set(pair.people.flatMap(groupOf));
    const prompt = `According to the lesson, who ${rest}?`;
    const seen = new Set<string>();
    const pool = pairs
      .filter(
        (o) =>
          o.people.every((e) => !groupOf(e).some((g) => camps.has(g))) &&
          !o.people.some((e) => e.spellings.some((sp) => visibleIn(prompt, sp))),
      )
      .sort(
        (a, b) =>
          Number(b.info.lessonSlug === info.lessonSlug) - Number(a.info.lessonSlug === info.lessonSlug) ||
          b.people[0]!.count + b.people[1]!.count - (a.people[0]!.count + a.people[1]!.count) ||
          cmp(a.text, b.text),
      );
    const ds: string[] = [];
    const used = new Set<string>();
    for (const o of pool) {
      const key = o.people
        .map((e) => e.id)
        .sort()
        .join("|");
      if (seen.has(key) || o.people.some((e) => used.has(e.id))) continue;
      seen.add(key);
      for (const e of o.people) used.add(e.id);
      ds.push(o.text);
      if (ds.length === 3) break;
    }
    if (ds.length < 3) continue;
    const c = toCandidate({
      prompt,
      answer: pair.text,
      distractors: ds,
      skill: "position",
      keyKind: "person",
      info,
      score: 1.1,
      tag: "pair",
    });
    if (c) out.push(c);
  }
  return out;
}

function displayKey(key: Key): string {
  return key.text.replace(/'s$/, "");
}

// --- definitions ---------------------------------------------------------------------------------

interface Gloss {
  info: SentenceInfo;
  /** Entity id (one gloss per entity). */
  id: string;
  name: string;
  gloss: string;
  person: boolean;
  /** An office the text gives a person ("CheKa head"), not a label beside the name. */
  office?: boolean;
}

/** A role noun: "a CheKa head", "a leader of …" is an office; "a Left-SR and ex-anarchist" a label. */
const OFFICE =
  /\b(?:head|leader|chairman|chair|president|premier|minister|commander|commissar|ambassador|editor|founder|secretary|chief|general|admiral|governor)\b/i;

function findGlosses(sentences: readonly SentenceInfo[], gaz: Gazetteer): Gloss[] {
  const out: Gloss[] = [];
  for (const info of sentences) {
    if (info.blockKind !== "paragraph") continue;
    const p = info.prompt;
    for (const m of gaz.find(p)) {
      const after = p.slice(m.end);
      const beforeName = p.slice(0, m.start);
      // "A, B, and C": a list item is not glossed by its neighbour.
      if (/(?:, |, the |\band (?:the )?|\bor (?:the )?)$/.test(beforeName)) continue;
      const app = /^, ((?:an?|the) (?!same\b)[\p{Ll}][^,;:()"]{4,90}?)(?:,|\.$)/u.exec(after);
      let gloss: string | null = null;
      if (app && !/^, [^,]+, (?:and|or)\b/.test(after) && !/^, [^,]+, (?:the )?\p{Lu}/u.test(after))
        gloss = app[1]!;
      // "a popular resistance movement known as the Basmachi"
      const known = /((?:an?|the) [\p{Ll}][\p{Ll} -]{4,60}) (?:known as|called) (?:the )?$/u.exec(
        p.slice(0, m.start),
      );
      if (!gloss && known) gloss = known[1]!;
      if (!gloss) continue;
      const g = cutClause(gloss, 16);
      if (!g || POINTS_OUT_KEY.test(g) || (/\b(?:who|whom|which|that)\b/.test(g) && wordCount(g) > 14))
        continue;
      if (m.entity.spellings.some((s) => visibleIn(g, s))) continue;
      if (m.entity.kind === "time" || m.entity.kind === "place" || m.entity.kind === "number") continue;
      if (out.some((o) => o.id === m.entity.id)) continue;
      // A definite appositive of a thing is as often a list neighbour ("camps, the right to …").
      if (m.entity.kind !== "person" && !/^an? /.test(g)) continue;
      const the = /\bthe $/i.test(beforeName) || /^The $/.test(beforeName);
      out.push({
        info,
        id: m.entity.id,
        name: `${the ? "the " : ""}${m.text.replace(/'s$/, "")}`,
        gloss: g,
        person: m.entity.kind === "person",
      });
    }
  }
  return out;
}

const glossCache = new WeakMap<readonly SentenceInfo[], Gloss[]>();

/** "According to the lesson, what was the Cheka?" from appositives and "known as" glosses. */
export function definitionQuestions(
  moduleSentences: readonly SentenceInfo[],
  guideSentences: readonly SentenceInfo[],
  gaz: Gazetteer,
): Candidate[] {
  // Roles the text gives people ("CheKa head Felix Dzherzhinsky") are glosses too.
  const roleGlosses = (sentences: readonly SentenceInfo[]): Gloss[] => {
    const byLesson = new Map<string, SentenceInfo[]>();
    for (const s of sentences) byLesson.set(s.lessonSlug, [...(byLesson.get(s.lessonSlug) ?? []), s]);
    const out: Gloss[] = [];
    for (const list of byLesson.values())
      for (const r of rolePairs(list)) {
        const info = list.find((s) => s.index === r.index);
        if (!info || POINTS_OUT_KEY.test(r.right) || r.right.includes('"')) continue;
        // "White General" → "a White General": every choice reads as a description.
        const gloss = /^(?:an?|the|one)\b|'s\b/i.test(r.right)
          ? r.right
          : `${/^[AEIOU]/i.test(r.right) ? "an" : "a"} ${r.right}`;
        out.push({ info, id: r.id, name: r.left, gloss, person: true, office: OFFICE.test(gloss) });
      }
    return out;
  };
  const merge = (a: Gloss[], b: Gloss[]) => [...a, ...b.filter((g) => !a.some((x) => x.id === g.id))];
  const all = (sentences: readonly SentenceInfo[]): Gloss[] => {
    let hit = glossCache.get(sentences);
    if (!hit) {
      hit = merge(findGlosses(sentences, gaz), roleGlosses(sentences));
      glossCache.set(sentences, hit);
    }
    return hit;
  };
  const glosses = all(moduleSentences);
  const guidePool = merge(glosses, all(guideSentences));
  const out: Candidate[] = [];
  const used = new Map<string, number>();
  // People only against people of the same role group (a White general against Whites, not
  // against a Nazi jurist); one gloss offered in many questions becomes a tell: at most twice.
  const roleGroup = (id: string) => {
    const sub = gaz.byId.get(id)?.subkind ?? "";
    if (PERIOD_ACTORS.includes(sub)) return PERIOD_ACTORS.join(",");
    return PERSON_ROLE_GROUPS.find((grp) => grp.includes(sub))?.join(",") ?? sub;
  };
  // A label beside a person's name ("Dora Kaplan, a Left-SR and ex-anarchist") is not why they
  // matter: it serves as another person's distractor only. An office they held is asked.
  for (const g of glosses.filter((x) => !x.person || x.office)) {
    const pool = guidePool.filter(
      (o) =>
        o.id !== g.id &&
        o.person === g.person &&
        !tooSimilar(o.gloss, g.gloss) &&
        overlap(o.gloss, g.gloss) < 2 &&
        (used.get(o.gloss) ?? 0) < 2 &&
        (!g.person || roleGroup(o.id) === roleGroup(g.id)),
    );
    const seed = hash64(g.gloss);
    const sorted = seededShuffle(
      [...pool].sort((a, b) => cmp(a.gloss, b.gloss)),
      seed,
    ).sort(
      (a, b) =>
        Number(b.info.lessonSlug === g.info.lessonSlug) - Number(a.info.lessonSlug === g.info.lessonSlug),
    );
    const ds: string[] = [];
    for (const o of sorted) {
      if (ds.length >= 3) break;
      if (ds.some((d) => tooSimilar(d, o.gloss))) continue;
      // A distractor may not describe the same thing by its own name ("the Reds" for "the Bolsheviks").
      if (visibleIn(o.gloss, g.name)) continue;
      ds.push(o.gloss);
    }
    if (ds.length < 3) continue;
    for (const x of ds) used.set(x, (used.get(x) ?? 0) + 1);
    const name = g.name;
    const verb = !g.person && /s$/.test(g.name) ? "were" : "was";
    const prompt = `According to the lesson, ${g.person ? "who" : "what"} ${verb} ${name}?`;
    const c = toCandidate({
      prompt,
      answer: g.gloss,
      distractors: ds,
      skill: "definition",
      keyKind: "term",
      info: g.info,
      score: 1.0,
      tag: `def:${g.name}`,
    });
    if (c) out.push(c);
  }
  return out;
}

// --- what a side did, what an event was ----------------------------------------------------------

interface Deed {
  info: SentenceInfo;
  subject: Entity;
  /** The subject as the sentence writes it ("the Left-SR's"). */
  subjectText: string;
  /** Verb phrase as written, past tense: "assassinated the German ambassador". */
  deed: string;
  when: string;
  /** "was"/"were" when the deed is what the subject was (a predicate noun phrase). */
  copula: string | null;
}

const DEED_KINDS = new Set<FactKind>(["group", "organisation", "event"]);

/** Collective subjects the gazetteer does not type (lower-case in the text), with their side. */
const COLLECTIVES: Record<string, string> = {
  anarchists: "anarchist",
  peasants: "people",
  peasantry: "people",
  workers: "people",
  soldiers: "people",
  sailors: "people",
};

function collective(word: string): Entity {
  return {
    id: `collective:${word}`,
    canonical: word,
    kind: "group",
    subkind: "collective",
    spellings: [word],
    source: "cue",
    count: 0,
    lessons: new Map(),
  };
}

/**
 * What sides did, sentence by sentence. `asChoices`: also deeds of sentences that only point back
 * ("The Reds also took …", "… such orders …" after the deed): the deed clause itself reads alone
 * and may be a wrong choice, though the sentence is never asked about.
 */
export function findDeeds(sentences: readonly SentenceInfo[], asChoices = false): Deed[] {
  const out: Deed[] = [];
  for (const info of sentences) {
    if (info.blockKind !== "paragraph") continue;
    const pointsBack =
      info.reasons.length > 0 && info.reasons.every((r) => /^(?:refers outside|deictic reference)$/.test(r));
    if (!info.standalone && !(asChoices && pointsBack && info.words >= 5)) continue;
    const key = info.keys.find((k) => k.entity && DEED_KINDS.has(k.kind));
    // "In 1919, the Reds …", "After the uprising, the Bolsheviks …": the lead becomes the question's time.
    const LEAD =
      /^(?:(In|By|After|During|From|Following|Throughout|Between|Through) ([^,]{3,40}), )?(?:Even )?(?:(?:The|the) )?(?:(?:\p{Ll}+|\p{Lu}\p{Ll}+) )?$/u;
    let subject: Entity | null = null;
    let subjectStart = 0;
    let subjectEnd = 0;
    let subjectWord = "";
    if (key?.entity) {
      subject = key.entity;
      subjectStart = key.start;
      subjectEnd = key.end;
      subjectWord = key.text.replace(/'s$/, "");
    } else {
      const c =
        /^(?:(?:In|By|After|During|From|Following|Throughout|Between) [^,]{3,40}, )?(?:The |the )(anarchists|peasants|peasantry|workers|soldiers|sailors)\b/.exec(
          info.prompt,
        );
      if (!c) continue;
      subject = collective(c[1]!);
      subjectEnd = c.index + c[0].length;
      subjectStart = subjectEnd - c[1]!.length;
      subjectWord = c[1]!;
    }
    const before = info.prompt.slice(0, subjectStart);
    const lead = LEAD.exec(before);
    if (!lead) continue;
    // Only "the" (or nothing) may stand between the lead and the subject: an adjective changes it.
    if (!/(?:^|, )(?:Even )?(?:(?:The|the) )?$/.test(before)) continue;
    if (lead[2] && POINTS_OUT.test(lead[2])) continue;
    let after = withoutAsides(info.prompt.slice(subjectEnd));
    if (/^'s?\b/.test(after)) continue;
    // "The Greens, a guerrilla movement …, defended": the appositive is not the deed.
    after = after.replace(/^, (?:an?|the) [^,;"]{3,90}, (?=\p{Ll})/u, " ");
    // "The Insurrectionary Army led by Makhno hailed …": a participle naming its leader.
    after = after.replace(/^ \p{Ll}+ed by (?:\p{Lu}[\p{L}'.-]*\s?)+(?=\p{Ll})/u, " ");
    // "The Reds in 1919-1920 destroyed …": the years move to the question.
    let when2 = "";
    const years = /^ in (\d{4}(?:-\d{4})?) (?=\p{Ll})/u.exec(after);
    if (years) {
      when2 = ` in ${years[1]!}`;
      after = " " + after.slice(years[0].length);
    }
    // Adverbs that only link to the previous sentence.
    after = after.replace(/^ (?:also|then|too|again|thus|therefore|actually|soon|later|meanwhile)\b/, "");
    const body = after.replace(/[.!]$/, "");
    // A long predicate keeps its first comma-free part ("won majorities in the soviets, …").
    const vp =
      cutClause(body, 16) ??
      cutClause(body.split(/ and (?=\p{Ll}+ed\b)/u)[0]!, 18) ??
      cutClause(body.split(/, /)[0]!, 18);
    if (!vp) continue;
    const tags = tagLemmas(vp);
    // "successfully defended …", "clearly did not favor …": the verb follows the adverb.
    const first = /ly$/.test(tags[0]?.text ?? "") && tags[0]?.pos === "ADV" ? tags[1] : tags[0];
    if (!first) continue;
    if (POINTS_OUT.test(vp) || wordCount(vp) < 3) continue;
    // "played a vital role in …": true of almost any side, so it proves nothing as a choice.
    if (/^(?:\p{Ll}+ly )?(?:played|had|took) (?:a|an|the) (?:\p{Ll}+ )?(?:role|part)\b/u.test(vp)) continue;
    const stemsOf = subject.spellings.flatMap((sp) => contentWords(sp).map((w) => w.slice(0, 5)));
    if (contentWords(vp).some((w) => stemsOf.includes(w.slice(0, 5)))) continue;
    const the = /(?:^|\s)(?:The|the) $/.test(before) || /s$/.test(subjectWord) ? "the " : "";
    const when = lead[1] ? ` ${lead[1].toLowerCase()} ${lcFirst(lead[2]!)}` : when2;
    // "The Greens were a powerful guerrilla movement …": what the lesson says the subject was.
    const copula = /^(was|were) ((?:an?|the|one of) .+)$/.exec(vp);
    if (copula) {
      if (tagLemmas(copula[2]!)[1]?.pos === "VERB") continue;
      out.push({
        info,
        subject,
        subjectText: `${the}${subjectWord}`,
        deed: copula[2]!,
        when,
        copula: copula[1]!,
      });
      continue;
    }
    // Otherwise a past-tense verb of its own ("assassinated …"); not a modal or participle phrase.
    const negated = /^(?:\p{Ll}+ly )?did not \p{Ll}+/u.test(vp);
    if (!negated && (first.pos !== "VERB" || first.text.toLowerCase() === first.lemma.toLowerCase()))
      continue;
    if (/ing$/.test(first.text) || /^(?:had|has|was|were|is|are|would|could)$/i.test(first.text)) continue;
    out.push({ info, subject, subjectText: `${the}${subjectWord}`, deed: vp, when, copula: null });
  }
  return out;
}

/** Actors of one kind: groups and fighting or political bodies together; a state body with its like. */
function comparable(a: Entity, b: Entity): boolean {
  const actor = (e: Entity) =>
    e.kind === "group" || (e.kind === "organisation" && /^(?:armed|movement|party)$/.test(e.subkind));
  if (actor(a) && actor(b)) return true;
  return a.kind === b.kind && a.subkind === b.subkind;
}

const YEAR = /\b1[89]\d\d\b/g;
const yearsIn = (text: string) => [...text.matchAll(YEAR)].map((m) => Number(m[0]));

/** The middle year a lesson's sentences name (its period when a sentence names none). */
function lessonYears(sentences: readonly SentenceInfo[]): Map<string, number[]> {
  const all = new Map<string, number[]>();
  for (const s of sentences)
    all.set(s.lessonSlug, [...(all.get(s.lessonSlug) ?? []), ...yearsIn(s.evidence)]);
  const out = new Map<string, number[]>();
  for (const [slug, ys] of all) {
    const sorted = ys.filter((y) => y >= 1900).sort((a, b) => a - b);
    if (sorted.length > 0) out.set(slug, [sorted[Math.floor(sorted.length / 2)]!]);
  }
  return out;
}

/** The years a deed is told of: its stem's time, else its sentence's years, else its lesson's. */
type Told = Pick<Deed, "deed" | "when"> & { info: Pick<SentenceInfo, "evidence" | "lessonSlug"> };

function toldYears(o: Omit<Told, "deed">, lessons: ReadonlyMap<string, number[]>): number[] {
  for (const ys of [yearsIn(o.when), yearsIn(o.info.evidence)]) if (ys.length > 0) return ys;
  return lessons.get(o.info.lessonSlug) ?? [];
}

/**
 * A wrong deed fits the stem's period: its own text names no year outside it ("in summer 1917" as
 * what the Reds did in 1919; a year beside it still fits), and a deed told of a period more than
 * two years away (by its sentence's or lesson's years) is no choice.
 */
export function fitsPeriod(
  o: Told,
  period: readonly number[],
  lessons: ReadonlyMap<string, number[]> = new Map(),
): boolean {
  const near = (y: number, by: number) => period.some((p) => Math.abs(p - y) <= by);
  if (yearsIn(o.deed).some((y) => !near(y, 1))) return false;
  if (period.length === 0) return true;
  const told = toldYears(o, lessons);
  return told.length === 0 || told.some((y) => near(y, 2));
}

/** A deed done to the asked side ("hailed the Third Revolution against the Bolsheviks") is no choice for it. */
function targetsSide(o: Deed, side: string, sideOf: (e: Entity) => string): boolean {
  return o.info.keys.some((k) => k.entity && sideOf(k.entity) === side && visibleIn(o.deed, k.text));
}

/**
 * "What did the Left-SR's do in July 1918?" → what the sentence says they did; distractors are
 * deeds the module gives to other sides (never the subject's own side, which may have done the
 * same), or for events what the module says of other events.
 */
export function deedQuestions(moduleSentences: readonly SentenceInfo[]): Candidate[] {
  const deeds = findDeeds(moduleSentences);
  const choices = findDeeds(moduleSentences, true);
  const lessons = lessonYears(moduleSentences);
  const out: Candidate[] = [];
  // One deed offered as a wrong answer in many questions becomes a tell: at most twice.
  const used = new Map<string, number>();
  for (const d of deeds) {
    const sideOf = (e: Entity) => SIDE[e.canonical] ?? COLLECTIVES[e.canonical] ?? e.id;
    const side = sideOf(d.subject);
    const period = toldYears(d, lessons);
    const pool = choices.filter(
      (o) =>
        o !== d &&
        o.subject.id !== d.subject.id &&
        sideOf(o.subject) !== side &&
        // Comparable actors: a group against groups, a body against bodies of its kind.
        comparable(o.subject, d.subject) &&
        (used.get(o.deed) ?? 0) < 3 &&
        (o.copula === null) === (d.copula === null) &&
        (d.copula !== null || (o.subject.kind === "event") === (d.subject.kind === "event")) &&
        !tooSimilar(o.deed, d.deed) &&
        overlap(o.deed, d.deed) < 2 &&
        !o.subject.spellings.some((sp) => visibleIn(d.deed, sp)) &&
        !d.subject.spellings.some((sp) => visibleIn(o.deed, sp)) &&
        // "took up arms to defend themselves": cut from its sentence, a reflexive points nowhere.
        !/\b(?:themselves|itself|himself|herself|their|its|they|them)\b/i.test(o.deed) &&
        fitsPeriod(o, period, lessons) &&
        !targetsSide(o, side, sideOf),
    );
    const seed = hash64(d.info.evidence + d.deed);
    // Deeds of the same lesson first (same story, same period; other sides only), then the module's.
    const ranked = seededShuffle(
      [...pool].sort((a, b) => cmp(a.deed, b.deed)),
      seed,
    ).sort(
      (a, b) =>
        Number(b.info.lessonSlug === d.info.lessonSlug) - Number(a.info.lessonSlug === d.info.lessonSlug),
    );
    const ds: string[] = [];
    // Only deeds of the same lesson: a deed from another story reads as about someone else
    // ("what did the Imperial Guards do?" → "did not favor Ukrainian self-determination").
    for (const o of ranked) {
      if (ds.length >= 3 || o.info.lessonSlug !== d.info.lessonSlug) break;
      if (ds.some((x) => tooSimilar(x, o.deed) || overlap(x, o.deed) >= 2)) continue;
      ds.push(o.deed);
    }
    if (ds.length < 3) continue;
    for (const x of ds) used.set(x, (used.get(x) ?? 0) + 1);
    const event = d.subject.kind === "event";
    const prompt = d.copula
      ? `According to the lesson, what ${d.copula} ${d.subjectText}${d.when}?`
      : event
        ? `According to the lesson, what did ${d.subjectText} do${d.when}?`
        : `According to the lesson, what did ${d.subjectText} do${d.when}?`;
    const c = toCandidate({
      prompt,
      answer: d.deed,
      distractors: ds,
      skill: d.copula ? (event ? "claim" : "definition") : event ? "claim" : "position",
      keyKind: d.subject.kind,
      info: d.info,
      score: 1.1,
      tag: `deed:${d.subject.id}`,
    });
    if (c) out.push(c);
  }
  return out;
}

// --- claims: what the lesson says something is, and what it rejects ---------------------------------

const CLAIM_HEADS =
  /\b(?:lesson|point|problem|reason|question|danger|truth|thing|conclusion|fact|argument|result|aim|goal|task|role|structure|function|purpose|lesson of [^,]{3,40})$/;

interface ClaimFinding {
  info: SentenceInfo;
  /** The question's subject, lower-cased where it is not a name ("the role of revolutionary organisations"). */
  subject: string;
  verb: string;
  key: Clause;
  rejected: Clause[];
}

/**
 * "A third lesson is that political parties cannot be trusted." → what is the third lesson?
 * "The role of revolutionary organisations is to urge the working class to take power itself and
 * not to take power on behalf of the workers." → what is their role? (the rejected half distracts)
 * "Our activists need to be exemplary militants rather than leaders." → what do activists need to be?
 */
export function findClaim(info: SentenceInfo): ClaimFinding | null {
  if (info.blockKind !== "paragraph") return null;
  if (
    info.reasons.some((r) =>
      /pronoun|deictic|refers outside|question|quotation|counterfactual|unbalanced/.test(r),
    )
  )
    return null;
  let p = info.prompt.replace(/[.!]$/, "");
  // The statement's own voice: "We believe X" states X as the lesson's claim.
  p = p.replace(/^We (?:believe|think|hold|argue|insist) (?:that )?/, "");
  p = p.replace(/^(?:Our|Their) (?=\p{Ll})/u, "");
  p = capFirst(p);
  if (/"/.test(p)) return null;
  const isThat = /^((?:The|A|An) [^,]{3,70}?) (is|was) that (.+)$/.exec(p);
  // "The next lesson", "another point": which one depends on the sentences before.
  if (isThat && /\b(?:next|another|further|other|same)\b/i.test(isThat[1]!)) return null;
  if (isThat && CLAIM_HEADS.test(isThat[1]!)) {
    const key = cutClause(isThat[3]!, 22);
    if (!key || POINTS_OUT_KEY.test(key)) return null;
    return {
      info,
      subject: lcFirst(isThat[1]!).replace(
        /^an? (?=(?:first|second|third|fourth|fifth|final|last)\b)/,
        "the ",
      ),
      verb: isThat[2]!,
      key: { text: key, form: "clause", role: "cause", info, other: isThat[1]! },
      rejected: [],
    };
  }
  const rather =
    /^((?:The )?[^,]{3,70}?) (is|are|was|were|need to be|needs to be|must be|should be) (.{3,120}?)(?:,? rather than |,? and not |, not |,? instead of )(.{3,80})$/.exec(
      p,
    );
  if (rather) {
    const subject = rather[1]!;
    if (/^(?:It|They|This|These|That|Those|He|She|There|We)\b/.test(subject)) return null;
    if (tagLemmas(subject).some((t) => t.pos === "VERB" || t.pos === "AUX")) return null;
    const key = cutClause(rather[3]!, 18);
    const alt = cutClause(rather[4]!, 18);
    if (!key || !alt || POINTS_OUT_KEY.test(key) || POINTS_OUT_KEY.test(alt)) return null;
    // "to urge … and not to take power …": both halves in the same form.
    const altText = /^to /.test(key) && !/^to /.test(alt) ? `to ${alt}` : alt;
    return {
      info,
      subject: lcFirst(subject),
      verb: rather[2]!,
      key: { text: key, form: /^to /.test(key) ? "purpose" : "np", role: "cause", info, other: subject },
      rejected: [
        { text: altText, form: /^to /.test(key) ? "purpose" : "np", role: "rejected", info, other: subject },
      ],
    };
  }
  return null;
}

/**
 * The claim turned round at its first auxiliary ("workers can take power" → "workers cannot take
 * power"): what the lesson asserts, denied. Null when the clause has no auxiliary to turn.
 */
export function negateClaim(clause: string): string | null {
  const m =
    /\b(cannot|can|could not|could|must not|must|should not|should|will not|will|is not|is|are not|are|was not|was|were not|were)\b/.exec(
      clause,
    );
  if (!m) return null;
  const flip: Record<string, string> = {
    cannot: "can",
    can: "cannot",
    "could not": "could",
    could: "could not",
    "must not": "must",
    must: "need not",
    "should not": "should",
    should: "should not",
    "will not": "will",
    will: "will not",
    "is not": "is",
    is: "is not",
    "are not": "are",
    are: "are not",
    "was not": "was",
    was: "was not",
    "were not": "were",
    were: "were not",
  };
  return clause.slice(0, m.index) + flip[m[1]!]! + clause.slice(m.index + m[1]!.length);
}

/** Claim questions for one module: what the lesson says a thing is (and not). */
export function claimQuestions(moduleSentences: readonly SentenceInfo[]): Candidate[] {
  const found = moduleSentences.map(findClaim).filter((f): f is ClaimFinding => f !== null);
  // Claims of the module first; causes and results the module gives fill in (clauses of the same form).
  const causal = moduleSentences
    .map(findCausal)
    .flatMap((c) => (c?.why ? [c.why.cause] : c?.result ? [c.result.effect] : []));
  // Only clauses that read as claims ("workers can take power"), not sentences or noun phrases.
  const pool = [
    ...found.flatMap((f) => [f.key, ...f.rejected.map((r) => ({ ...r, role: "cause" as const }))]),
    ...causal.filter((c) => c.form === "clause" && /^\p{Ll}/u.test(c.text)),
  ];
  const rejectedTexts = new Set(found.flatMap((f) => f.rejected.map((r) => r.text)));
  // A cause denied ("the Petrograd Soviet was not in control …") is no rival to a claim.
  const causalTexts = new Set(causal.map((c) => c.other));
  const out: Candidate[] = [];
  for (const f of found) {
    const aux = /^(?:need|needs) to be$/.test(f.verb)
      ? `${/s$/.test(f.verb.split(" ")[0]!) ? "does" : "do"} ${f.subject} need to be`
      : /^(?:must|should) be$/.test(f.verb)
        ? `${f.verb.split(" ")[0]!} ${f.subject} be`
        : `${f.verb} ${f.subject}`;
    const prompt = `According to the lesson, what ${aux}?`;
    // "what is the third lesson?": which number a point has is not the point.
    if (/\b(?:first|second|third|fourth|fifth|sixth|next|last|final)\b/i.test(f.subject)) continue;
    // Other claims' keys of the same form; never one about the same subject.
    const others = pool.filter((c) => c.info !== f.info && overlap(c.other, f.subject) < 2);
    // The key denied is what the lesson rejects when it states no alternative of its own.
    const denied = f.rejected.length === 0 && f.key.form === "clause" ? negateClaim(f.key.text) : null;
    // Other claims, and other claims denied (both clearly not this one).
    const deniedOthers = others
      .filter((c) => c.form === "clause")
      .map((c) => ({ ...c, text: negateClaim(c.text) ?? "" }))
      .filter((c) => c.text !== "");
    const picked = pickClauses(
      f.key,
      f.rejected,
      // Another claim the lesson affirms is true as well: only its denial, or what another claim
      // rejects ("… rather than Y"), is clearly wrong.
      [
        ...others.filter((c) => rejectedTexts.has(c.text)),
        ...deniedOthers.filter((c) => !causalTexts.has(c.other)),
      ],
      prompt,
      hash64(f.info.evidence + "claim"),
      denied ? 2 : 3,
    );
    const ds = picked && denied ? [denied, ...picked.filter((d) => d !== denied)].slice(0, 3) : picked;
    if (!ds) continue;
    const c = toCandidate({
      prompt,
      answer: f.key.text,
      distractors: ds,
      skill: "claim",
      keyKind: "term",
      info: f.info,
      score: 1.15,
      tag: "claim",
    });
    if (c) out.push(c);
  }
  return out;
}

// --- two sides set against each other ----------------------------------------------------------------

interface Contrast {
  info: SentenceInfo;
  sideA: string;
  a: string;
  sideB: string;
  b: string;
}

/** A side named in a contrast: a typed group or body, a collective ("anarchists"), or "Marxist" views. */
function sideName(raw: string, gaz: Gazetteer): { name: string; side: string } | null {
  const t = raw
    .replace(/^(?:the|The) /, "")
    .replace(/'s?$/, "")
    .trim();
  if (/^(?:Russian and Ukrainian |Russian |Ukrainian )?anarchists$/i.test(t))
    return { name: "the anarchists", side: "anarchist" };
  if (/^Marxists?$/.test(t)) return { name: "the Marxists", side: "regime" };
  const m = gaz
    .find(t)
    .find(
      (x) =>
        (x.entity.kind === "group" || x.entity.kind === "organisation") && x.text.replace(/'s?$/, "") === t,
    );
  if (!m) return null;
  return { name: `the ${m.entity.canonical}`, side: SIDE[m.entity.canonical] ?? m.entity.id };
}

function findContrast(info: SentenceInfo, gaz: Gazetteer): Contrast | null {
  if (info.blockKind !== "paragraph" || !info.standalone) return null;
  // Quotation marks only mark the writers' terms here; brackets only repair a plural.
  const p = info.prompt
    .replace(/[.!]$/, "")
    .replace(/"/g, "")
    .replace(/\[(\p{Ll}{1,2})\]/gu, "$1");
  const patterns: RegExp[] = [
    // "Whereas the Bolsheviks implemented X, Russian and Ukrainian anarchists followed Y"
    /^(?:Whereas|While) ((?:the )?\p{Lu}[\p{L}'-]+) (.{8,140}?), ((?:the )?(?:Russian and Ukrainian |Russian )?\p{L}[\p{L}'-]+) ((?:\p{Ll}+ed|favou?red|followed|stressed) .{5,220})$/u,
    // "In contrast to the Marxist view of X, the anarchists stressed Y"
    /^In contrast to (?:the )?(\p{Lu}[\p{L}'-]+) (?:view|model|idea|conception|principle|vision) of (.{5,140}?), ((?:the )?\p{L}[\p{L}'-]+) ((?:stressed|favou?red|advocated|insisted on|proposed|emphasi[sz]ed) [^,;]{5,120})$/u,
    // "Against the Reds' interest in the X, anarchists counterposed the project of Y"
    /^Against (?:the )?(\p{Lu}[\p{L}'-]+)'s? (?:interest in |project of |idea of |vision of )?([^,]{5,80}), ((?:the )?\p{L}[\p{L}'-]+) ((?:counterposed|opposed|proposed|set) [^,;]{5,120})$/u,
  ];
  for (const re of patterns) {
    const m = re.exec(p);
    if (!m) continue;
    const A = sideName(m[1]!, gaz);
    const B = sideName(m[3]!, gaz);
    if (!A || !B || A.side === B.side) continue;
    const clip = (s: string) => {
      // "… means as their revolutionary strategy", "… alliances among the workers with their unions":
      // the trailing qualification is dropped, the position stays.
      const core = s.replace(/ (?:as|among|with|through|by) (?:their|its|the) .*$/, "").split(", ")[0]!;
      const c = cutClause(core, 14);
      return c && !POINTS_OUT_KEY.test(c) && !/\b(?:their|its|they|it)\b/i.test(c) ? c : null;
    };
    const a = clip(m[2]!);
    // "counterposed the project of Y" → "the project of Y"; "stressed Y" → "Y" for the pairing.
    // "Whereas A did X, B did Y": two verb phrases; otherwise A's noun phrase against what B proposed.
    const verbs = /^(?:Whereas|While)\b/.test(p);
    const b = clip(
      verbs
        ? m[4]!
        : m[4]!.replace(
            /^(?:counterposed|opposed|proposed|set|stressed|favou?red|advocated|insisted on|emphasi[sz]ed|followed) /,
            "",
          ),
    );
    if (!a || !b || tooSimilar(a, b)) continue;
    return { info, sideA: A.name, a, sideB: B.name, b };
  }
  return null;
}

/**
 * "Which pairing correctly contrasts the Bolsheviks and the anarchists?" from a sentence that sets
 * two sides against each other; wrong pairings give each side the other's position (swapped, or
 * both sides the same).
 */
export function contrastQuestions(moduleSentences: readonly SentenceInfo[], gaz: Gazetteer): Candidate[] {
  const found = moduleSentences.map((s) => findContrast(s, gaz)).filter((c): c is Contrast => c !== null);
  const out: Candidate[] = [];
  for (const c of found) {
    const pair = (x: string, y: string) => `${capFirst(c.sideA)}: ${x}. ${capFirst(c.sideB)}: ${y}.`;
    // Wrong pairings keep two different views (one side the same view twice is eliminated by logic):
    // each gives a side a view the module gives the other camp (this contrast's or another's).
    const aViews = [c.a, ...found.filter((o) => o !== c && o.sideA === c.sideA).map((o) => o.a)];
    const bViews = [c.b, ...found.filter((o) => o !== c && o.sideB === c.sideB).map((o) => o.b)];
    const sideAViews = [...new Set([...aViews, ...found.filter((o) => o !== c).map((o) => o.a)])];
    const sideBViews = [...new Set([...bViews, ...found.filter((o) => o !== c).map((o) => o.b)])];
    const wrong: string[] = [pair(c.b, c.a)];
    for (const x of sideBViews)
      for (const y of sideAViews) if (x !== y && !(x === c.b && y === c.a)) wrong.push(pair(x, y));
    const choices = [...new Set(wrong)].slice(0, 3);
    if (choices.length < 3) continue;
    const prompt = `According to the lesson, which pairing correctly contrasts ${c.sideA} and ${c.sideB}?`;
    const built = toCandidate({
      prompt,
      answer: pair(c.a, c.b),
      distractors: choices,
      skill: "position",
      keyKind: "group",
      info: c.info,
      score: 1.25,
      tag: "contrast",
    });
    if (built) out.push(built);
  }
  return out;
}

/** "As Voline observes, …", "According to Maximov, …", "Voline emphasizes that …": a named writer's argument. */
const ATTRIBUTED =
  /^(?:As (?:\p{Lu}[\p{L}.]* ){1,3}(?:observes|writes|argues|notes|recounts|explains|emphasizes|stresses|points out|contends|insists|suggests|concludes), |According to (?:\p{Lu}[\p{L}.]* ){0,2}\p{Lu}[\p{L}.]*, |(?:\p{Lu}[\p{L}.]* ){1,3}(?:emphasizes|argues|writes|stresses|contends|insists|believes|believed|maintains|suggests|concludes|observes|points out) that[ ,])/u;
/**
 * The lesson's judgment rather than a reported event: necessity ("the only solution", "required",
 * "could not be solved without"), a role or weight assessed ("played an important role", "were
 * critical to", "decisive in"), a character revealed or a verdict ("revealed its autocratic
 * character", "suppressed the Revolution itself", "the beginning of its corruption").
 */
const JUDGED =
  /\b(?:the only (?:solution|way|answer)|required|cannot|could not be \p{Ll}+ed without|(?:played|had) (?:an? |the )?(?:important|vital|key|decisive|crucial|central|leading) role|(?:was|were|proved) (?:moreover |also )?(?:critical|decisive|crucial|essential|instrumental|vital) (?:to|in|for)|revealed its|\p{Ll}+ed the Revolution itself|the beginning of its|is untrue|was an oxymoron|betrayal|perversion)\b/u;

/**
 * What a true/false statement of a whole sentence tests, when it is more than a fact: a named
 * writer's argument (attribution) or the lesson's own judgment (claim). Null for a report.
 */
/** "The Menshevik Martov considered X as Y", "Voline describes X as …", "… such was the conclusion reached by Karl Kautsky". */
const JUDGED_BY =
  /^(?:The \p{Lu}[\p{L}-]+ )?(?:\p{Lu}[\p{L}.]* ){0,2}\p{Lu}[\p{L}.]* (?:considered|considers|describes|described|calls|called|judged|judges|characterized|characterizes|denounced|denounces) [^.;]{3,120}? as\b|\bsuch was the (?:conclusion|verdict|view) (?:reached|drawn|held) by (?:\p{Lu}[\p{L}.]* ){0,2}\p{Lu}/u;

export function statementSkill(info: SentenceInfo): "attribution" | "claim" | null {
  if (info.quoteFraction > 0.5) return null;
  if (ATTRIBUTED.test(info.prompt) || JUDGED_BY.test(info.prompt)) return "attribution";
  if (JUDGED.test(info.prompt)) return "claim";
  return null;
}
