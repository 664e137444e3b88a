/**
 * Sentence analysis: which sentences can stand alone as prompts, and which spans in them are
 * candidate keys (typed names, dates, numbers).
 */
import type { Lesson } from "@/app/lib/content/types";
import type { FactKind } from "../types";
import type { Entity, Gazetteer, Mention } from "./gazetteer";
import { capitalise, cleanForPrompt, inSpans, quoteSpans, quotedFraction, tokenize, wordCount } from "./text";
import { findTimes, type TimeExpr } from "./time";
import { NUMBER_WORDS, parseNumber } from "../numbers";
import { tag, type TaggedToken } from "./nlp";

export interface Key {
  text: string;
  /** Character offsets in the sentence's `prompt` text. */
  start: number;
  end: number;
  kind: FactKind;
  subkind: string;
  entity: Entity | null;
  time: TimeExpr | null;
  /** Numeric value for number keys. */
  value: number | null;
  /** Part of a coordinated list of names ("Lenin, Trotsky, and Bukharin"). */
  inList: boolean;
}

export interface SentenceInfo {
  lessonSlug: string;
  moduleSlug: string;
  blockId: string;
  blockKind: "paragraph" | "quote";
  /** Index of the sentence in the lesson (reading order). */
  index: number;
  /** Index of the block in the lesson. */
  blockIndex: number;
  /** The sentence exactly as in the lesson. */
  evidence: string;
  /** Cleaned text (citations removed, brackets repaired, leading connective dropped). */
  prompt: string;
  words: number;
  /** Can be shown without its neighbours (not in a quotation, no pronoun start, no colon end…). */
  standalone: boolean;
  /** Why not standalone (for debugging/reports). */
  reasons: string[];
  quoteFraction: number;
  keys: Key[];
  /** Every time expression in the prompt text. */
  times: TimeExpr[];
  /** Year in force for the sentence (last explicit year in the block so far), for bare "March 2". */
  contextYear: number | null;
  tags: TaggedToken[];
  /**
   * "In response, the Kronstadters took up arms …": the previous sentence of the paragraph, as a
   * clause that reads alone ("the Reds took several relatives of the sailors hostage"), which this
   * one answers or follows from.
   */
  responseTo?: { clause: string; evidence: string; index: number };
}

const PRONOUN_START =
  /^(He|She|It|They|Them|His|Her|Its|Their|This|These|That|Those|Such|There|Here|Both|Which|Who|Whom|Another|Otherwise|And|Or|Nor|So|Hence|Rather|No|Yes|See)\b/;
/** A leading phrase that only points back ("In this way, ", "Against such slanderous charges, "). */
const DEICTIC_LEAD = /^(?:[A-Z][a-z]+ )?(?:such|this|these|that)\b[^,"]{0,40}, (?=\p{Ll}|\p{Lu})/u;
// Only when followed by a comma: "As a result of the Kornilov Affair" or "In contrast to X" must stay.
const CONNECTIVE =
  /^(?:(?:Additionally|Moreover|Indeed|In fact|Besides this|Besides that|Nonetheless|Nevertheless|Meanwhile|Subsequently|Significantly|Fundamentally|Grimly|Ironically|Importantly|Metaphorically|Numerically|Ultimately|Altogether|Eventually|Finally|Firstly|Secondly|Instead|Still|Yet|But|Thus|Then|In parallel|In retrospect|In contrast|In response|In cultural terms|Of course|Unfortunately|That day|That night|In this way|As such|As a result|Similarly|Likewise|Later|Rather|For his part|For her part|For its part|For their part)(?:, then)?, )+|^(?:Yet|But|Thus|Then|Indeed) (?=\p{Ll})/u;
/** "this speech", "these elements", "such rhetoric": the referent is in another sentence. */
const DEICTIC = /\b(this|these|those|such)\b(?! (?:is|was|way|sense|day|as)\b)/giu;
/** Deictic words that point inside the sentence: "those who …", "those imprisoned", "such that". */
function innerDeictic(prompt: string, index: number, word: string): boolean {
  const after = prompt.slice(index + word.length);
  if (/^those$/i.test(word) && /^ (?:who|whom|which|that|\p{Ll}+ed)\b/u.test(after)) return true;
  if (/^such$/i.test(word) && /^ that\b/.test(after)) return true;
  // "Kant, Plato, Tolstoy, and Bakunin …, demanding that libraries remove these authors": the
  // list was just given.
  if (
    /^these$/i.test(word) &&
    /(?:\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)*, ){2,}(?:the \p{Lu}\p{L}+, )*(?:and )?\p{Lu}/u.test(
      prompt.slice(0, index),
    )
  )
    return true;
  // "By 1922, … by this time": the time was just named.
  if (/^this$/i.test(word) && /^ time\b/.test(after) && /\b1[89]\d\d\b/.test(prompt.slice(0, index)))
    return true;
  return false;
}
/** A third-person pronoun with no named referent before it in the sentence. */
const EARLY_PRONOUN = /\b(he|his|him|she|her)\b/i;
const NEEDS_CONTEXT =
  /\b(the latter|the former(?! \p{Lu})|above|below|these two|this time(?<!\b1[89]\d\d\b.*this time)|this end|this deal|this measure|this lack|this process|the same fate|this sense|this reason|such a turn|the same|this piece|this event|this arrangement|(?<!\b(?:or|and) )thereafter|hereafter|as detailed|as discussed|as described|as we have seen)\b/iu;
/**
 * A lead that states a condition or counterfactual ("Without that position, …", "Had the anarchists
 * …, …", "If …, …") is part of the claim: the rest alone would assert something else. Nor is any
 * lead dropped when the rest is conditional or modal ("would have", "could", "might").
 */
const CONDITION_LEAD =
  /^(?:Without|If|Unless|Had|But for|Were|Was|Should|Even if|Even without|Only if|Only with|Except|Barring|Absent|Save for|Failing|Otherwise|In (?:that|this|such an?|which) (?:case|event|scenario))\b/;
const MODAL = /\b(?:would|could|might|should|may)\b/i;
export function keepsCondition(lead: string, rest: string): boolean {
  return CONDITION_LEAD.test(lead.trim()) || MODAL.test(rest);
}
/** "It is well known that X" / "It was seldom remembered that X": the claim is X. */
// ("said" is not here: "It was said that X" does not assert X.)
// "It is therefore highly ironic yet revealing to consider that X": the frame judges X, and X holds.
const IT_FRAME =
  /^It (?:is|was) (?:(?:\p{Ll}+ ){0,2}(?:known|remembered|pointed out|noted|clear)|(?:\p{Ll}+,? ){1,6}to (?:consider|note|recall|remember|observe)) that (?=\p{L})/u;
/** A cleft ("It was in the cities that the Revolution began"): "It" points forward, not back. */
const CLEFT =
  /^It (?:is|was) (?!a |an |the )[^,;:]{2,120}? that |^It was (?:\d{1,2} )?(?:January|February|March|April|May|June|July|August|September|October|November|December)\b[^,]*, /;
/** A leading adverbial clause whose only job is to point back ("Following his abdication, …"). */
const BACK_LEAD =
  /^(?:Following|After|Before|Given|Despite|In light of|Against|Because of|With) (?:[\p{L}'-]+ ){0,5}?(?:his|her|its|their|this|these|those|such|that)\b[^,;:"]{0,40}, (?=\p{Ll}|\p{Lu})/u;
/** "Their commander, Gratchov, distributed …": the appositive names the referent. */
const POSSESSIVE_APPOSITIVE =
  /^(?:His|Her|Its|Their) (?:\p{Ll}+ ){0,2}\p{Ll}+, (\p{Lu}[\p{L}. '-]+?), (?=\p{Ll})/u;
/** Subject pronoun opening a sentence (resolved from the previous sentence when unambiguous). */
const SUBJECT_PRONOUN = /^(He|She|His|Her) (?=\p{Ll})/u;

export function analyseLesson(
  lesson: Lesson,
  moduleSlug: string,
  gaz: Gazetteer,
  authors: ReadonlySet<string>,
): SentenceInfo[] {
  const out: SentenceInfo[] = [];
  let index = 0;
  let blockIndex = 0;
  for (const section of lesson.sections) {
    for (const block of section.blocks) {
      if (block.kind === "caption") continue;
      blockIndex++;
      let contextYear: number | null = null;
      let previous: string | null = null;
      let previousFramed: string | null = null;
      let previousEvidence = "";
      for (const evidence of block.sentences) {
        const cleaned = cleanForPrompt(evidence, authors);
        const connective = CONNECTIVE.exec(cleaned);
        const responseClause =
          connective && RESPONSE_LEAD.test(connective[0]) && previousFramed
            ? standaloneClause(previousFramed, gaz)
            : null;
        const responseTo = responseClause
          ? { clause: responseClause, evidence: previousEvidence, index: index - 1 }
          : null;
        let prompt =
          connective && !CONDITION_LEAD.test(connective[0]) ? cleaned.slice(connective[0].length) : cleaned;
        const lead = DEICTIC_LEAD.exec(prompt);
        // A pointing-back lead that carries a condition stays, and the sentence needs its context.
        let conditionalLead = false;
        if (lead && !/^(That|This|These|Such) /.test(prompt)) {
          if (keepsCondition(lead[0], prompt.slice(lead[0].length))) conditionalLead = true;
          else prompt = prompt.slice(lead[0].length);
        }
        prompt = prompt.charAt(0).toUpperCase() + prompt.slice(1);
        let framed = reframe(prompt, block.kind === "quote" ? null : previous, gaz);
        // "They"/"It" after a sentence whose own pronoun was named: the chain keeps the name.
        let chained: string | null = null;
        if (block.kind !== "quote" && framed.inserted === 0 && previousFramed) {
          const named = nameCollectivePronoun(framed.prompt, previousFramed, gaz);
          // "They feared that its spirit …": "its" points elsewhere, so the sentence still needs
          // its context, but the next "They" still means the same people.
          if (named && !named.otherPronoun) framed = named;
          else if (named) chained = named.prompt;
        }
        prompt = withoutAdditive(framed.prompt);
        previous = cleaned;
        previousFramed = chained ?? prompt;
        previousEvidence = evidence;
        const reasons: string[] = [];
        if (block.kind === "quote") reasons.push("quotation block");
        if (conditionalLead) reasons.push("conditional lead points back");
        // "The Factory Committees would have been able to take over …": the condition is in
        // another sentence; alone, the counterfactual reads as a claim about what happened.
        if (
          /\b(?:would|could|might) (?:not )?have\b/i.test(prompt) &&
          !/\b(?:if|had|without|unless|but for|were it|otherwise|instead of|rather than)\b/i.test(prompt)
        )
          reasons.push("counterfactual without its condition");
        if (PRONOUN_START.test(prompt) && !CLEFT.test(prompt)) reasons.push("pronoun start");
        if (/:\s*$/.test(prompt) || /(that,|but,|through)\s*$/.test(prompt))
          reasons.push("introduces a quotation");
        if (/\?\s*["']?\s*$/.test(prompt)) reasons.push("question");
        if (NEEDS_CONTEXT.test(prompt)) reasons.push("refers outside");
        // "The _____ also took …", "The next lesson is …": a statement added to one before it.
        if (
          (/\balso\b/i.test(prompt) &&
            !/\bnot only\b[^.]*\balso\b|\b(?:but|and) also\b|\balso (?:known|called)\b/i.test(prompt)) ||
          /\b(?:the|a) next (?:lesson|point|step|stage|example|question)\b/i.test(prompt) ||
          /^(?:A|The) similar\b|\b(?:similarly|likewise)\b/i.test(prompt)
        )
          reasons.push("refers outside");
        // "_____ explicitly says as much", "One hundred years ago today": what or when is in another
        // sentence (or in the day the text was written).
        if (/\b(?:says|said|argues|argued|writes|wrote) as much\b|\b(?:today|yesterday|ago)\b/i.test(prompt))
          reasons.push("refers outside");
        // "On the contrary, we see …", "A final essential element is …": the sentence answers or
        // continues the one before it.
        if (
          /^(?:On the contrary|On the other hand|In other words|That is|Conversely|By contrast)\b/.test(
            cleaned,
          )
        )
          reasons.push("refers outside");
        if (/^(?:A|An|The) (?:final|first|second|third|fourth|last|further|additional|other)\b/i.test(prompt))
          reasons.push("ordinal lead");
        if (unnamedHead(prompt, gaz)) reasons.push("refers outside");
        // "An even more telling example is …", "Another example …": compared with what came before.
        if (
          /\b(?:another|a further|an? (?:even )?(?:more|better|similar|further) \p{Ll}+|a similar) (?:example|case|instance)\b/iu.test(
            prompt,
          )
        )
          reasons.push("refers outside");
        const q = quoteSpans(prompt);
        if (!q.balanced) reasons.push("unbalanced quotes");
        if (/^["'\[]|^\p{Ll}/u.test(prompt)) reasons.push("starts inside a quotation");
        if (!/[.!?]["')\]]*$/.test(prompt)) reasons.push("no sentence end");
        const words = wordCount(prompt);
        const deictic =
          [...prompt.matchAll(DEICTIC)].find((d) => !innerDeictic(prompt, d.index ?? 0, d[0])) ?? null;
        // "… Mikhail Bakunin, progressed beyond this anarchist militant's …" points inside the sentence.
        const inside =
          deictic &&
          /^(this|these) (?:\p{L}+ ){0,2}(militant|leader|man|commander|officer|figure|general|ruler|writer|thinker)/iu.test(
            prompt.slice(deictic.index),
          ) &&
          gaz.find(prompt.slice(0, deictic.index)).some((m) => m.entity.kind === "person");
        if (deictic && !inside) reasons.push("deictic reference");
        const pron = EARLY_PRONOUN.exec(prompt);
        // A personal pronoun needs a person named before it (or right after it: "For his part, Bakunin").
        if (
          pron &&
          !/\b(Tsar|Czar|leader|commander|officer|ruler|man|himself)\b/.test(prompt.slice(0, pron.index)) &&
          !gaz.find(prompt.slice(0, pron.index + 30)).some((m) => m.entity.kind === "person")
        )
          reasons.push("pronoun before its referent");
        // "Before too long it was insisting on …": it/they with no noun before it in the sentence.
        const itThey = /\b(it|they) (?:was|were|is|are|had|has|would|could|did|will|\p{Ll}+ed)\b/iu.exec(
          prompt,
        );
        if (
          itThey &&
          itThey.index > 0 &&
          !CLEFT.test(prompt) &&
          !/\b(?:the|a|an)\b|\p{Lu}/u.test(prompt.slice(1, itThey.index))
        )
          reasons.push("pronoun before its referent");
        const qf = quotedFraction(prompt);
        const mentions = gaz.find(prompt);
        // "February Revolution", "Red October": a month inside a name is not a date.
        const times = findTimes(prompt).filter((t) => !mentions.some((m) => overlaps(m, t)));
        const info: SentenceInfo = {
          lessonSlug: lesson.slug,
          moduleSlug,
          blockId: block.id,
          blockKind: block.kind,
          index: index++,
          blockIndex,
          evidence,
          prompt,
          words,
          standalone: reasons.length === 0 && words >= 5,
          reasons,
          quoteFraction: qf,
          keys: [],
          times,
          contextYear,
          tags: block.kind === "quote" ? [] : tag(prompt),
          ...(responseTo && block.kind !== "quote" ? { responseTo } : {}),
        };
        const yearsHere = times.filter((t) => t.year !== null && t.precision !== "range");
        if (yearsHere.length) contextYear = yearsHere[yearsHere.length - 1]!.year;
        // A name put in for an opening pronoun is not in the evidence: never a key.
        info.keys = findKeys(info, mentions, q.spans).filter((k) => k.start >= framed.inserted);
        out.push(info);
      }
    }
  }
  return out;
}

/**
 * Make a sentence stand alone when only its opening points back: drop an "It is well known that"
 * frame or a back-pointing leading clause, name the referent of "Their commander, Gratchov," and
 * replace an opening He/She/His/Her by the one person the previous sentence of the paragraph
 * names (nothing when it names none or several, or when this sentence names another person first).
 */
function reframe(
  prompt: string,
  previous: string | null,
  gaz: Gazetteer,
): { prompt: string; inserted: number } {
  const r = reframeText(prompt, previous, gaz);
  return typeof r === "string" ? { prompt: r, inserted: 0 } : r;
}

function reframeText(
  prompt: string,
  previous: string | null,
  gaz: Gazetteer,
): string | { prompt: string; inserted: number } {
  const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
  // "The second stage of the Terror, an intensification of the same, began …": the appositive
  // after the subject only points back; the sentence reads without it.
  prompt = prompt.replace(
    /^([^,]{8,60}), (?:an?|the) [^,]{0,40}\b(?:the same|this|these|such)\b[^,]{0,20}, (?=\p{Ll})/u,
    "$1 ",
  );
  // "…, under the leadership of Leon Trotsky, to administer this new power.": a closing purpose
  // clause that points back goes; the statement before it stands.
  const tail = /, to [\p{Ll} ]{0,30}\b(?:this|these|such)\b[^,;:"]{0,40}([.!?])$/u.exec(prompt);
  if (tail && wordCount(prompt.slice(0, tail.index)) >= 8) prompt = prompt.slice(0, tail.index) + tail[1];
  const frame = IT_FRAME.exec(prompt);
  if (frame) return cap(prompt.slice(frame[0].length));
  const back = BACK_LEAD.exec(prompt);
  if (
    back &&
    wordCount(prompt.slice(back[0].length)) >= 8 &&
    !keepsCondition(back[0], prompt.slice(back[0].length))
  )
    prompt = cap(prompt.slice(back[0].length));
  const app = POSSESSIVE_APPOSITIVE.exec(prompt);
  if (app && gaz.find(app[1]!).some((m) => m.entity.kind === "person" && m.text === app[1]))
    return `${app[1]} ${prompt.slice(app[0].length)}`;
  const pron = SUBJECT_PRONOUN.exec(prompt);
  if (pron && previous) {
    const people = new Set(
      gaz
        .find(previous)
        .filter((m) => m.entity.kind === "person")
        .map((m) => m.entity.id),
    );
    if (people.size !== 1) return prompt;
    const m = gaz.find(previous).find((x) => x.entity.kind === "person")!;
    const rest = prompt.slice(pron[0].length);
    // Another person (or another pronoun) early in this sentence would make the reading ambiguous.
    if (gaz.find(rest.slice(0, 40)).some((x) => x.entity.kind === "person")) return prompt;
    // The previous sentence's own spelling ("Kerensky"), possessive for His/Her.
    const name = m.text.replace(/'s$/, "");
    // The name is not in the evidence sentence: it may not become a key (inserted = its length).
    return {
      prompt: /^(His|Her)$/.test(pron[1]!) ? `${name}'s ${rest}` : `${name} ${rest}`,
      inserted: name.length,
    };
  }
  return prompt;
}

/** "the Federation", "the army", "the Union": a bare head noun whose name is in another sentence. */
function unnamedHead(prompt: string, gaz: Gazetteer): boolean {
  const bareHead =
    /\bthe (Federation|Union|Confederation|army|Army|regiment|Party|Committee|Congress|government|movement|regime|group|organi[sz]ation|resolution|decree|treaty)\b(?! of\b)/g;
  for (const m of prompt.matchAll(bareHead)) {
    const at = m.index ?? 0;
    if (!gaz.find(prompt).some((x) => x.start <= at + 4 && x.end >= at + m[0].length)) return true;
  }
  return false;
}

/**
 * "Kerensky also ordered …", "the Reds similarly targeted …": the adverb only adds this sentence to
 * one before it, and the statement holds without it. (Not "not only … also", "but also", "also
 * known as": those point inside the sentence.)
 */
export function withoutAdditive(prompt: string): string {
  if (/\bnot only\b/i.test(prompt)) return prompt;
  return prompt.replace(
    /(?<!\b(?:but|and|or)) (?:also|similarly|likewise)(?= (?!known\b|called\b)\p{Ll})/gu,
    "",
  );
}

/** A sentence opening that ties it to the one before as its consequence. */
const RESPONSE_LEAD = /^(?:In response|As a result)(?:, then)?, /;

/**
 * The previous sentence as a clause that reads alone once its linking adverb goes ("The Reds also
 * took …" → "the Reds took …"): a named subject, nothing pointing elsewhere, no quotation, short
 * enough to be an answer. Null otherwise.
 */
export function standaloneClause(prompt: string, gaz: Gazetteer): string | null {
  const text = prompt
    .replace(/ (?:also|then|too|again|as well)\b/g, "")
    .replace(/[.!]$/, "")
    .trim();
  if (PRONOUN_START.test(text) || NEEDS_CONTEXT.test(text) || /["“”]/.test(text)) return null;
  if ([...text.matchAll(DEICTIC)].some((d) => !innerDeictic(text, d.index ?? 0, d[0]))) return null;
  if (/\b(?:he|his|him|she|her|it|its|they|their|them)\b/i.test(text) || unnamedHead(text, gaz)) return null;
  if (/[;:]/.test(text) || wordCount(text) > 18 || wordCount(text) < 4) return null;
  // Its subject is named: a group, body or person first.
  const first = gaz.find(text)[0];
  if (!first || !/^(?:The |the )?$/.test(text.slice(0, first.start))) return null;
  if (!["group", "organisation", "person"].includes(first.entity.kind)) return null;
  return /^The /.test(text) ? "t" + text.slice(1) : text;
}

/** "They", "It", "Their", "Its" opening a sentence with a verb or noun after it (not "It was … that"). */
const COLLECTIVE_PRONOUN = /^(They|It|Their|Its) (?=\p{Ll})/u;
/** "It is clear that", "It can be seen that", "It was … that": the "it" points forward. */
const FORWARD_IT = /^It (?:\p{Ll}+ ){0,4}?(?:that|to|whether|how|why)\b/u;

/** Named sides a pronoun can stand for: groups and bodies (and, for "it", events and documents). */
function pronounCandidates(text: string, gaz: Gazetteer, plural: boolean): { name: string; start: number }[] {
  const ms = gaz.find(text);
  const out: { name: string; start: number }[] = [];
  for (const [i, m] of ms.entries()) {
    const kind = m.entity.kind;
    // "Lenin and Trotsky found it threatening." → They = Lenin and Trotsky.
    const next = ms[i + 1];
    if (kind === "person") {
      const prev = ms[i - 1];
      if (prev && prev.entity.kind === "person" && /^ and $/.test(text.slice(prev.end, m.start))) continue;
      if (plural && next?.entity.kind === "person" && /^ and $/.test(text.slice(m.end, next.start))) {
        // A third name in the list ("Lenin, Trotsky and Zinoviev") is a longer list: not two people.
        const listed = prev?.entity.kind === "person" && /^, $/.test(text.slice(prev.end, m.start));
        if (!listed && !/^,? and\b/.test(text.slice(next.end)))
          out.push({ name: text.slice(m.start, next.end), start: m.start });
      }
      continue;
    }
    const bodies = plural ? ["group", "organisation"] : ["organisation", "event", "document"];
    if (!bodies.includes(kind)) continue;
    // "the Left-SR's" are many; "the Party's" is one body's.
    const bare = m.text.replace(/'$/, "");
    const many = /'s$/.test(bare) ? kind === "group" : /s$/.test(bare) || kind === "group";
    if (many !== plural || /'s?$/.test(m.text)) continue;
    const the = /\b(?:the|The) $/.test(text.slice(0, m.start)) ? "the " : "";
    out.push({ name: the + m.text, start: m.start - the.length });
  }
  return out;
}

/**
 * An opening "They …" or "It …" stands for the one group or body (two people joined by "and" for
 * "they") of the same number that the previous sentence of the paragraph names: the sentence is
 * written with that name. Nothing when the previous sentence names none or several (a pronoun with
 * two possible referents is left pointing back), or when "it" points forward ("It is clear that").
 * `otherPronoun`: the rest carries a pronoun of the other number, whose referent is elsewhere.
 */
export function nameCollectivePronoun(
  prompt: string,
  previous: string,
  gaz: Gazetteer,
): { prompt: string; inserted: number; otherPronoun: boolean } | null {
  const pron = COLLECTIVE_PRONOUN.exec(prompt);
  if (!pron || CLEFT.test(prompt) || FORWARD_IT.test(prompt)) return null;
  const plural = /^Their?$|^They$/.test(pron[1]!);
  const rest = prompt.slice(pron[0].length);
  const otherPronoun = (plural ? /\b(?:it|its|itself)\b/i : /\b(?:they|their|them|themselves)\b/i).test(rest);
  const found = pronounCandidates(previous, gaz, plural);
  const names = new Set(found.map((c) => c.name.replace(/^the /, "").toLowerCase()));
  if (names.size !== 1) return null;
  // The one candidate is the previous sentence's subject: at its start (after a leading clause
  // or time) and followed by its verb, not inside a phrase ("the movement at the time of the …").
  const first = found[0]!;
  const before = previous.slice(0, first.start);
  const after = previous.slice(first.start + first.name.length);
  if (!/^(?:[^,;:"]{3,160}, )?$/.test(before)) return null;
  if (
    !/^ (?:\p{Ll}+ly )?(?!(?:of|in|at|on|for|from|with|by|to|and|or|as|under|who|which|that)\b)\p{Ll}+/u.test(
      after,
    )
  )
    return null;
  const name = capitalise(found[0]!.name);
  const possessive = /^(?:Their|Its)$/.test(pron[1]!);
  const written = possessive ? (/s$/.test(name) ? `${name}'` : `${name}'s`) : name;
  return { prompt: `${written} ${rest}`, inserted: written.length, otherPronoun };
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function findKeys(info: SentenceInfo, mentions: Mention[], quotes: Array<[number, number]>): Key[] {
  const text = info.prompt;
  const keys: Key[] = [];
  // A key inside a quotation is only allowed when the quotation is exactly the name (a title).
  const quotedOk = (s: number, e: number) =>
    !inSpans(quotes, s, e) || quotes.some(([qs, qe]) => qs === s - 1 && qe === e + 1);

  for (const m of mentions) {
    // A place a narrator's quotation reports ("the pogrom he organised at Elizabethgrad") is a fact.
    // Only after a preposition: not "the "North Russia" campaign" or "the Petrograd scene".
    const reported =
      m.entity.kind === "place" &&
      info.blockKind === "paragraph" &&
      /\b(in|at|to|from|near)\s+$/.test(text.slice(0, m.start));
    if (!quotedOk(m.start, m.end) && !reported) continue;
    keys.push({
      text: m.text,
      start: m.start,
      end: m.end,
      kind: m.entity.kind,
      subkind: m.entity.subkind,
      entity: m.entity,
      time: null,
      value: null,
      inList: false,
    });
  }
  for (const t of info.times) {
    if (!quotedOk(t.start, t.end) && info.blockKind !== "paragraph") continue;
    if (keys.some((k) => overlaps(k, t))) continue;
    // Years inside names ("1905 Revolution") are part of that name.
    keys.push({
      text: t.text,
      start: t.start,
      end: t.end,
      kind: "time",
      subkind: t.precision,
      entity: null,
      time: t,
      value: null,
      inList: false,
    });
  }
  // Numbers: digits (not years, not part of dates) and number words before a noun.
  const toks = tokenize(text);
  for (let i = 0; i < toks.length; i++) {
    const tk = toks[i]!;
    const start = tk.start;
    let end = tk.end;
    let raw = tk.text;
    if (/^\d/.test(raw)) {
      // Re-join "18,000" and "85%".
      let j = i;
      while (
        toks[j + 1]?.text === "," &&
        /^\d{3}$/.test(toks[j + 2]?.text ?? "") &&
        toks[j + 1]!.start === toks[j]!.end
      )
        j += 2;
      end = toks[j]!.end;
      if (toks[j + 1]?.text === "%" && toks[j + 1]!.start === end) {
        j++;
        end = toks[j]!.end;
      }
      if (/^(thousand|million)$/.test(toks[j + 1]?.text ?? "")) {
        j++;
        end = toks[j]!.end;
      }
      raw = text.slice(start, end);
      i = j;
    } else if (NUMBER_WORDS.has(tk.text.toLowerCase())) {
      let j = i;
      while (toks[j + 1] && (NUMBER_WORDS.has(toks[j + 1]!.text.toLowerCase()) || toks[j + 1]!.text === "-"))
        j++;
      end = toks[j]!.end;
      raw = text.slice(start, end);
      i = j;
      if (/^(one|a)$/i.test(raw) || /^(hundred|thousand|million)$/i.test(raw)) continue;
      // Must count something: followed by a noun-ish word, not "one of", not "the first".
      const next = toks[j + 1];
      if (!next || !next.word || /^(of|and|or|to|in|the)$/.test(next.text)) continue;
    } else continue;
    const value = parseNumber(raw);
    if (value === null) continue;
    const span = { start, end };
    if (keys.some((k) => overlaps(k, span))) continue;
    // Counts and dates in a quotation inside running text are reported facts ("nearly three thousand").
    if (!quotedOk(start, end) && info.blockKind !== "paragraph") continue;
    if (/^1[89]\d\d$/.test(raw)) continue; // a year, handled above
    // Ordinals, page-like refs and names ("Third", "II") never reach here; skip a number inside brackets.
    if (/\(\s*$/.test(text.slice(0, start)) || /^\s*\)/.test(text.slice(end))) continue;
    keys.push({
      text: raw,
      start,
      end,
      kind: "number",
      subkind: /%|percent/.test(raw) ? "percent" : /^\d/.test(raw) ? "digits" : "words",
      entity: null,
      time: null,
      value,
      inList: false,
    });
  }
  keys.sort((a, b) => a.start - b.start);
  // Coordinated lists of same-kind names.
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const prev = keys[i - 1];
    const next = keys[i + 1];
    const joinedPrev =
      prev &&
      prev.kind === k.kind &&
      /^(,|, and|, or| and| or|,\s*and)\s*(the\s+)?$/.test(text.slice(prev.end, k.start));
    const joinedNext =
      next &&
      next.kind === k.kind &&
      /^(,|, and|, or| and| or|,\s*and)\s*(the\s+)?$/.test(text.slice(k.end, next.start));
    if (joinedPrev || joinedNext) k.inList = true;
  }
  return keys;
}
