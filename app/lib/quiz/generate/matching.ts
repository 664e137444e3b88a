/**
 * Matching: people to what the lesson says they did, wrote or said. A pair comes from a
 * sentence whose subject is a person ("Lenin fled temporarily to Finland.", "Voline writes
 * that …", "Grigoriev, an ex-tsarist officer who …").
 */
import { GENERATOR_VERSION } from "../version";
import type { Key, SentenceInfo } from "./analyse";
import type { Candidate } from "./candidate";
import { visibleIn } from "./distractors";
import { hash64, seededShuffle } from "./hash";
import { wordCount } from "./text";

interface Pair {
  info: SentenceInfo;
  person: string;
  personId: string;
  spellings: string[];
  description: string;
}

const LEAD_IN = /^(?:(?:the|a|an) )?(?:(?:White|Red|Left-SR|Menshevik|Bolshevik|anarchist|General|Admiral|Tsar|CheKa head|former) )*$/i;

function pairFrom(info: SentenceInfo, key: Key): Pair | null {
  if (!key.entity || key.kind !== "person") return null;
  if (!info.standalone || info.quoteFraction > 0.5) return null;
  // Subject position: sentence start, or after a short introductory phrase ("Later, from 1920-1921, ").
  const prefix = info.prompt.slice(0, key.start);
  const intro = /^[^,;:"]{0,60}, /.exec(prefix);
  if (!LEAD_IN.test(prefix) && !(intro && LEAD_IN.test(prefix.slice(intro[0].length)))) return null;
  let rest = info.prompt.slice(key.end);
  // Possessive subject ("Lenin's mind …") is not what the person did.
  if (/^'s?\b/.test(rest)) return null;
  // Appositive: ", an anarchist Kronstadter, was the one who …"
  const appos = /^,\s*((?:an?|the)\s[^,]{3,80}),\s*/.exec(rest);
  let description: string;
  if (appos && wordCount(appos[1]!) <= 14 && !/\b(who|which)\b.*$/.test(rest.slice(appos[0].length, appos[0].length + 1))) {
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
    const saying = /^(writes|argues|observes|emphasizes|recounts|estimates|speculates|cites|adds|clarifies|remarks|describes|terms|notes|means|sees|points|echoes)$/;
    if (!firstWord || !tagged || (!/^(VERB|AUX|ADV)$/.test(tagged.pos) && !saying.test(firstWord))) return null;
    description = rest;
  }
  description = description.replace(/^\s*,?\s*/, "").replace(/[.!]\s*$/, "").trim();
  // Cut long predicates at a clause boundary.
  if (wordCount(description) > 20) {
    const cut = /^(.{25,}?)(?:;|, (?:while|which|where|whereas|but|and then|thus|so that|announcing|ending|inflicting|having|increasing)\b| - |:)/.exec(description);
    if (cut && wordCount(cut[1]!) <= 20) description = cut[1]!;
    else {
      // Keep the first 16 words, ending on a content word, and mark the cut.
      const words = description.split(" ").slice(0, 16);
      while (words.length > 8 && /^(the|a|an|of|to|in|and|or|that|with|by|for|as|on|its|their|his|her)$|[,;:"(]$/i.test(words[words.length - 1]!)) words.pop();
      description = words.join(" ") + "…";
    }
  }
  if (wordCount(description) < 3 || (description.split('"').length - 1) % 2 === 1) return null;
  // The person must not be named in their own description.
  if (key.entity.spellings.some((s) => visibleIn(description, s))) return null;
  if (/^(he|she|they|it|his|her)\b/i.test(description)) return null;
  return {
    info,
    person: key.entity.spellings.find((s) => s.includes(" ") && !s.includes(".")) ?? key.entity.canonical,
    personId: key.entity.id,
    spellings: key.entity.spellings,
    description,
  };
}

export function buildMatching(sentences: readonly SentenceInfo[]): Candidate[] {
  const pairs: Pair[] = [];
  for (const info of sentences) {
    for (const k of info.keys.slice(0, 2)) {
      const p = pairFrom(info, k);
      if (p) { pairs.push(p); break; }
    }
  }
  if (new Set(pairs.map((p) => p.personId)).size < 3) return [];
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const conflict = (a: Pair, b: Pair) =>
    a.personId === b.personId ||
    b.spellings.some((x) => visibleIn(a.description, x)) ||
    a.spellings.some((x) => visibleIn(b.description, x));
  // Greedy groups of up to four people from each starting pair, cycling through the lesson.
  for (let startAt = 0; startAt < pairs.length; startAt++) {
    const group: Pair[] = [];
    for (let k = 0; k < pairs.length && group.length < 4; k++) {
      const p = pairs[(startAt + k) % pairs.length]!;
      if (group.some((g) => conflict(g, p))) continue;
      group.push(p);
    }
    if (group.length < 3) continue;
    {
      const key = group.map((g) => `${g.personId}@${g.info.index}`).sort().join(",");
      if (seen.has(key)) continue;
      seen.add(key);
      const ordered = group.slice().sort((a, b) => a.info.index - b.info.index);
      const answer = ordered.map((g) => [g.person, g.description] as [string, string]);
      const slug = ordered[0]!.info.lessonSlug;
      const evidence = ordered.map((g) => g.info.evidence);
      const id = `q-${hash64([slug, "matching", evidence.join("\n"), key].join("\u0000"))}`;
      let right = seededShuffle(answer.map((a) => a[1]), id);
      if (right.every((s, i) => s === answer[i]![1])) right = [...right.slice(1), right[0]!];
      out.push({
        question: {
          id,
          lessonSlug: slug,
          moduleSlug: ordered[0]!.info.moduleSlug,
          type: "matching",
          prompt: "Match each person to what the lesson says they did, wrote or said.",
          choices: right,
          answer,
          evidence: evidence.join("\n"),
          evidenceAnchor: ordered[0]!.info.blockId,
          evidenceAnchors: ordered.map((g) => g.info.blockId),
          difficulty: Math.round((0.4 + 0.08 * (group.length - 3)) * 100) / 100,
          keyKind: "person",
          generatorVersion: GENERATOR_VERSION,
        },
        score: 0.8,
        sentences: ordered.map((g) => g.info.index),
        fact: `match:${key}`,
      });
    }
  }
  return out;
}
