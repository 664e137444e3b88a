/**
 * Matching: people to what the lesson says they did, wrote or said. A pair comes from a
 * sentence whose subject is a person ("Lenin fled temporarily to Finland.", "Voline writes
 * that …", "Grigoriev, an ex-tsarist officer who …").
 */
import { GENERATOR_VERSION } from "../version";
import type { Key, SentenceInfo } from "./analyse";
import type { Candidate } from "./candidate";
import { visibleIn } from "./distractors";
import { cmp, hash64, seededShuffle } from "./hash";
import type { ReadingItem } from "@/app/lib/content/types";
import { wordCount } from "./text";

interface Pair {
  info: SentenceInfo;
  person: string;
  personId: string;
  spellings: string[];
  description: string;
}

const LEAD_IN =
  /^(?:(?:the|a|an) )?(?:(?:White|Red|Left-SR|Menshevik|Bolshevik|anarchist|General|Admiral|Tsar|CheKa head|former) )*$/i;

function pairFrom(info: SentenceInfo, key: Key): Pair | null {
  if (!key.entity || key.kind !== "person") return null;
  // The sentence need not stand alone (the pair shows only the predicate), but must be prose.
  if (info.blockKind !== "paragraph" || info.quoteFraction > 0.5 || key.inList) return null;
  if (
    !info.standalone &&
    !info.reasons.every((r) => /deictic|pronoun before|refers outside|introduces/.test(r))
  )
    return null;
  // Subject position: sentence start, or after a short introductory phrase ("Later, from 1920-1921, ").
  const prefix = info.prompt.slice(0, key.start);
  const intro = /^(?!According to|For |In |As )[^,;:"]{0,60}, /.exec(prefix);
  if (!LEAD_IN.test(prefix) && !(intro && LEAD_IN.test(prefix.slice(intro[0].length)))) return null;
  let rest = info.prompt.slice(key.end);
  // Possessive subject ("Lenin's mind …") is not what the person did.
  if (/^'s?\b/.test(rest)) return null;
  // Appositive: ", an anarchist Kronstadter, was the one who …"
  const appos = /^,\s*((?:an?|the)\s[^,]{3,80}),\s*/.exec(rest);
  let description: string;
  if (
    appos &&
    wordCount(appos[1]!) <= 14 &&
    !/\b(who|which)\b.*$/.test(rest.slice(appos[0].length, appos[0].length + 1))
  ) {
    description = appos[1]!;
    const after = rest.slice(appos[0].length);
    // Prefer what the person did when the appositive is short and the predicate follows.
    if (wordCount(description) <= 4) description = after;
  } else {
    rest = rest.replace(/^\s*(?:\([^)]*\)\s*)?/, "");
    // Must start with a verb according to the tagger.
    const tags = info.tags;
    const firstWord = /^[\p{L}]+/u.exec(rest)?.[0];
    const tagged = tags.find((t) => t.text === firstWord);
    const saying =
      /^(writes|argues|observes|emphasizes|recounts|estimates|speculates|cites|adds|clarifies|remarks|describes|terms|notes|means|sees|points|echoes)$/;
    if (!firstWord || !tagged || (!/^(VERB|AUX|ADV)$/.test(tagged.pos) && !saying.test(firstWord)))
      return null;
    description = rest;
  }
  description = description
    .replace(/^\s*,?\s*/, "")
    .replace(/[.!]\s*$/, "")
    .trim();
  // Cut long predicates at a clause boundary.
  if (wordCount(description) > 22) {
    const cut =
      /^(.{25,}?)(?:;|, (?:while|which|where|whereas|but|and then|thus|so that|announcing|ending|inflicting|having|increasing)\b| - |:)/.exec(
        description,
      );
    // A description cut mid-clause reads badly and may lose what makes it unique: drop it.
    if (cut && wordCount(cut[1]!) <= 22) description = cut[1]!;
    else return null;
  }
  if (wordCount(description) < 3 || (description.split('"').length - 1) % 2 === 1) return null;
  if ((description.match(/\(/g) ?? []).length !== (description.match(/\)/g) ?? []).length) return null;
  // Pointers to other sentences ("this speech", "the latter") leave the pair unanswerable.
  if (/\b(this|these|those|such|the latter|the former|here)\b(?! as\b)/i.test(description)) return null;
  // The person must not be named in their own description.
  if (key.entity.spellings.some((s) => visibleIn(description, s))) return null;
  if (/^(he|she|they|it|his|her)\b/i.test(description)) return null;
  if (/[:,]$|\b(that|to|the|a|of|and)$/.test(description) || /\b(it|them)\b/.test(description)) return null;
  return {
    info,
    person: key.entity.spellings.find((s) => s.includes(" ") && !s.includes(".")) ?? key.entity.canonical,
    personId: key.entity.id,
    spellings: key.entity.spellings,
    description,
  };
}

/** A left/right pair with its evidence (a lesson sentence or a reading-list line). */
export interface MatchPair {
  left: string;
  right: string;
  /** Spellings of the left item (so no right-hand text gives it away). */
  spellings: string[];
  /** Identity of the left item (one pair per item in a question). */
  id: string;
  evidence: string;
  anchor: string;
  /** Sentence index in the lesson (-1 for a reading-list line). */
  index: number;
  /** For role descriptions: the role as written, to check no other person in the group has it. */
  role: string | null;
}

type MatchKind = "person" | "work" | "term";

const PROMPTS: Record<MatchKind, string> = {
  person: "Match each person to what the lesson says about them.",
  work: "Match each work to its author, as the lesson gives them.",
  term: "Match each name or term to the meaning or other name the lesson gives for it.",
};

function personName(key: Key): string {
  const e = key.entity!;
  return (
    e.spellings.find((s) => s.includes(" ") && !s.includes(".") && visibleIn(key.text, s)) ??
    e.spellings.find((s) => s.includes(" ") && !s.includes(".")) ??
    e.canonical
  );
}

/**
 * Roles the text gives a person: "the White General Kornilov", "the Nazi jurist Carl Schmitt",
 * "CheKa head Felix Dzherzhinsky", "Grigoriev, an ex-tsarist officer who …", "Kerensky, leader of
 * the Provisional Government", "a former tsarist general known as Kozlovsky", "Lenin's partner, …".
 */
export function rolePairs(sentences: readonly SentenceInfo[]): MatchPair[] {
  const out: MatchPair[] = [];
  for (const info of sentences) {
    if (info.blockKind !== "paragraph") continue;
    const text = info.prompt;
    for (const key of info.keys) {
      if (key.kind !== "person" || !key.entity || key.inList) continue;
      const before = text.slice(0, key.start);
      const after = text.slice(key.end);
      let role: string | null = null;
      // Role before the name.
      const pre =
        /(?:^|[\s(])(?:the |a |an )?((?:(?:White|Red|Menshevik|Bolshevik|Left-SR|Nazi|anarchist|proletarian|Communist|Party|CheKa|ex-anarchist|and|former|tsarist|jurist|member|head|General|Admiral|leader|officer|general)\s){1,6})(?:known as\s)?$/.exec(
          before,
        );
      const possessive = /(\p{Lu}\p{L}+)'s (partner|lieutenant|wife|comrade), $/u.exec(before);
      if (possessive) role = `${possessive[1]}'s ${possessive[2]}`;
      else if (pre && /known as\s$/.test(before) && /(?:an?|the) ([^,;]{3,60}) known as\s$/.test(before)) {
        role = /(?:an?|the) ([^,;]{3,60}) known as\s$/.exec(before)![0].replace(/ known as\s$/, "");
      } else if (pre) {
        const words = pre[1]!.trim();
        // "General" alone says little; "White General", "Nazi jurist", "CheKa head" say what they were.
        if (!/^(and|General|Admiral|former)$/.test(words) && /\s/.test(words) && !/\band$/.test(words))
          role = words.replace(/^(?:and )/, "");
      }
      if (!role) {
        // Appositive after the name: ", an anarchist Kronstadter," / ", leader of the Provisional Government,".
        const app = /^,\s+((?:an?|the|leader of|head of|himself) [^,;:"]{3,110}?)(?=,|\.|;| - )/.exec(after);
        if (app) {
          let d = app[1]!.replace(/\s+\([^)]*\)/g, (m) => m).trim();
          d = d.replace(/\s+(?:that|whom|which)\b.*$/, "");
          d = d.replace(/\s+in 1[89]\d\d\b.*$/, "");
          // A clause ("the Reds repressed …") is no appositive: no verb unless in a relative clause.
          const verbs = new Set(info.tags.filter((t) => t.pos === "VERB").map((t) => t.text));
          const hasVerb = d.split(/\s+/).some((w) => verbs.has(w));
          if (
            wordCount(d) >= 2 &&
            wordCount(d) <= 16 &&
            !/^himself\b/.test(d) &&
            (!hasVerb || /\bwho\b/.test(d)) &&
            (/\bwho\b/.test(d) || !/\b\p{Ll}+ed\b/u.test(d.replace(/-\p{L}+/gu, "")))
          )
            role = d;
        }
        // A quoted appositive: Karl Kautsky, "the most prominent leader of world Social-Democracy,"
        const q = /^,\s+"(the [^"]{5,80}?),?"/.exec(after);
        if (!role && q) role = `"${q[1]!}"`;
      }
      if (!role) continue;
      if (key.entity.spellings.some((sp) => visibleIn(role, sp))) continue;
      if (/\b(this|these|such|their|his|her)\b/i.test(role)) continue;
      out.push({
        left: personName(key),
        right:
          role.charAt(0).toLowerCase() === role.charAt(0) ||
          /^(White|Red|Menshevik|Nazi|CheKa|Left-SR)/.test(role)
            ? role
            : role,
        spellings: key.entity.spellings,
        id: key.entity.id,
        evidence: info.evidence,
        anchor: info.blockId,
        index: info.index,
        role,
      });
    }
  }
  return out;
}

/** Person ↔ what they did or said, from sentences with the person as subject. */
export function actionPairs(sentences: readonly SentenceInfo[]): MatchPair[] {
  const out: MatchPair[] = [];
  for (const info of sentences) {
    for (const k of info.keys.slice(0, 2)) {
      const p = pairFrom(info, k);
      if (p) {
        out.push({
          left: p.person,
          right: p.description,
          spellings: p.spellings,
          id: p.personId,
          evidence: info.evidence,
          anchor: info.blockId,
          index: info.index,
          role: null,
        });
        break;
      }
    }
  }
  return out;
}

/** Works and authors: the lesson's reading list, and "X's … Title" / "in Title (…), X" in its text. */
function workPairs(sentences: readonly SentenceInfo[], reading: readonly ReadingItem[]): MatchPair[] {
  const out: MatchPair[] = [];
  for (const r of reading) {
    if (!r.author || !r.title || r.title.length > 70) continue;
    const author = r.author.replace(/^ed\. /, "").replace(/, et al\.$/, " and others");
    out.push({
      left: r.title,
      right: author,
      spellings: [r.title],
      id: `work:${r.title}`,
      evidence: r.text,
      anchor: "further-reading",
      index: -1,
      role: null,
    });
  }
  for (const info of sentences) {
    if (info.blockKind !== "paragraph") continue;
    const ms = info.keys;
    for (const k of ms) {
      if (k.kind !== "document" || !k.entity || !/^(text)$/.test(k.entity.subkind)) continue;
      const persons = ms.filter((p) => p.kind === "person" && p.entity);
      const before = persons
        .filter(
          (p) =>
            p.end <= k.start &&
            /^'s\b/.test(info.prompt.slice(p.end)) &&
            wordCount(info.prompt.slice(p.end, k.start)) <= 8 &&
            !persons.some((o) => o !== p && o.start > p.end && o.end <= k.start),
        )
        .pop();
      const after = persons.find(
        (p) => p.start >= k.end && /^"?\s*\([^)]*\),\s*$/.test(info.prompt.slice(k.end, p.start)),
      );
      const who = before ?? after;
      if (!who) continue;
      // The author as the lesson writes them here ("Trotsky's … The Revolution Betrayed").
      out.push({
        left: k.entity.canonical,
        right: who.text,
        spellings: k.entity.spellings,
        id: `work:${k.entity.canonical}`,
        evidence: info.evidence,
        anchor: info.blockId,
        index: info.index,
        role: null,
      });
    }
  }
  return out;
}

function conflict(a: MatchPair, b: MatchPair, lessonText: string): boolean {
  if (a.id === b.id || a.right === b.right) return true;
  if (b.spellings.some((x) => visibleIn(a.right, x)) || a.spellings.some((x) => visibleIn(b.right, x)))
    return true;
  // Another person in the group has the same role in the lesson ("Generals Denikin and Wrangel").
  for (const [p, q] of [
    [a, b],
    [b, a],
  ] as const) {
    if (!p.role || p.role.startsWith('"')) continue;
    // The role noun: "leader" in "leader of the Provisional Government", "jurist" in "Nazi jurist".
    const head = p.role
      .split(/ (?:of|who|from|in|known)\b/)[0]!
      .split(/\s+/)
      .slice(-1)[0]!
      .replace(/s$/, "");
    for (const sp of q.spellings) {
      const re = new RegExp(
        `\\b${head.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}s?\\b[^.]{0,40}\\b${sp.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`,
        "i",
      );
      if (re.test(lessonText)) return true;
    }
  }
  return false;
}

function groups(
  kind: MatchKind,
  pairs: readonly MatchPair[],
  lessonText: string,
  sentences: readonly SentenceInfo[],
  max: number,
): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const first = sentences[0];
  if (!first || pairs.length < 3) return out;
  const slug = first.lessonSlug;
  for (let startAt = 0; startAt < pairs.length && out.length < max; startAt++) {
    const group: MatchPair[] = [];
    for (let k = 0; k < pairs.length && group.length < (kind === "work" ? 5 : 4); k++) {
      const p = pairs[(startAt + k) % pairs.length]!;
      if (group.some((g) => conflict(g, p, lessonText))) continue;
      group.push(p);
    }
    if (group.length < 3) continue;
    const key = group
      .map((g) => `${g.id}@${g.index}`)
      .sort()
      .join(",");
    if (seen.has(key)) continue;
    // Each new question must bring at least two pairs not asked before.
    if (out.length && group.filter((g) => !out.some((c) => c.fact.includes(`${g.id}@${g.index}`))).length < 2)
      continue;
    seen.add(key);
    const ordered = group.slice().sort((a, b) => a.index - b.index || cmp(a.left, b.left));
    const answer = ordered.map((g) => [g.left, g.right] as [string, string]);
    const evidence = ordered.map((g) => g.evidence);
    const id = `q-${hash64([slug, "matching", evidence.join("\n"), key].join("\u0000"))}`;
    let right = seededShuffle(
      answer.map((a) => a[1]),
      id,
    );
    if (right.every((s, i) => s === answer[i]![1])) right = [...right.slice(1), right[0]!];
    out.push({
      question: {
        id,
        lessonSlug: slug,
        moduleSlug: first.moduleSlug,
        type: "matching",
        prompt: PROMPTS[kind],
        choices: right,
        answer,
        evidence: evidence.join("\n"),
        evidenceAnchor: ordered[0]!.anchor,
        evidenceAnchors: ordered.map((g) => g.anchor),
        difficulty: Math.round((0.4 + 0.08 * (group.length - 3)) * 100) / 100,
        keyKind: kind === "person" ? "person" : kind === "work" ? "document" : "term",
        generatorVersion: GENERATOR_VERSION,
      },
      score: 0.8,
      sentences: ordered.filter((g) => g.index >= 0).map((g) => g.index),
      fact: `match:${key}`,
    });
  }
  return out;
}

/**
 * Matching candidates for a lesson: people and what the lesson says of them, works and their
 * authors named in the text. (Names and their translations are word recall, not matched.)
 */
export function buildMatching(
  sentences: readonly SentenceInfo[],
  reading: readonly ReadingItem[] = [],
  lessonText = "",
): Candidate[] {
  // A role worth matching places the person in the events ("leader of the Provisional
  // Government"); a bare epithet ("Nazi jurist") or a quoted title is not what the lesson teaches.
  const roles = rolePairs(sentences).filter((r) => wordCount(r.right) >= 3 && !r.right.includes('"'));
  const actions = actionPairs(sentences).filter(
    (a) => !roles.some((r) => r.index === a.index && r.id === a.id),
  );
  // Roles first (short, distinctive), then actions, each in reading order.
  const people = [...roles, ...actions];
  return [
    ...groups("person", people, lessonText, sentences, 2),
    ...groups("work", workPairs(sentences, reading), lessonText, sentences, 1),
  ];
}
