/**
 * A typed gazetteer built from the guide itself.
 *
 * 1. Capitalised runs are collected from every sentence ("Union for Anarcho-Syndicalist
 *    Propaganda", "Treaty of Brest-Litovsk"), split where a name runs into a dash-joined word
 *    ("Paris Commune-this" → "Paris Commune").
 * 2. Each run is typed by cues in the text: a role word before it (General, Admiral, Tsar), a
 *    verb of saying after it ("Voline writes"), a citation ("(Pipes 83)"), an organisation head
 *    noun (Party, Army, Committee, Soviet), a plural group form ("the Makhnovists").
 * 3. The typing table (typing-data.ts) refines kinds and links spellings of one entity; it only
 *    applies to names that occur in the text.
 * Lower-case "-ism" words become ideology terms.
 */
import type { FactKind } from "../types";
import { GENERIC, GENERIC_NAMES, TYPING } from "./typing-data";
import { tokenize, type Token } from "./text";

export interface Entity {
  id: string;
  canonical: string;
  kind: FactKind;
  subkind: string;
  /** All spellings, canonical first. */
  spellings: string[];
  /** How the kind was decided. */
  source: "table" | "cue";
  /** Mentions across the guide, and per lesson slug. */
  count: number;
  lessons: Map<string, number>;
}

export interface Mention {
  entity: Entity;
  /** The spelling as it occurs. */
  text: string;
  start: number;
  end: number;
}

export interface Gazetteer {
  entities: Entity[];
  byId: Map<string, Entity>;
  find(text: string): Mention[];
  /** Every entity of a kind, by descending guide-wide count then name. */
  ofKind(kind: FactKind): Entity[];
}

const SAYING =
  /^(writes|wrote|argues|observes|emphasizes|recounts|estimates|speculates|cites|adds|clarifies|remarks|describes|terms|says|notes|means|sees|points|considered|insists|reiterated|defended|explicitly|himself)$/;
const ORG_HEADS =
  /^(Party|Army|Armies|Committee|Committees|Soviet|Soviets|Government|Assembly|Congress|Union|Federation|Confederation|Legion|Guards|Detachment|Courts|Group|Convention)$/;
const EVENT_HEADS = /^(Revolution|War|Commune|Affair|Rebellion|Terror|Day|Sunday|Policy)$/;
const CONNECTORS = new Set(["of", "for"]);
const MONTH_NAMES =
  /^(January|February|March|April|May|June|July|August|September|October|November|December)\b/;

interface Run {
  tokens: Token[];
  text: string;
  sentenceInitial: boolean;
}

/** Maximal runs of capitalised words (with "of"/"for" inside, hyphen-joined capitals kept). */
function capitalisedRuns(text: string): Run[] {
  const toks = tokenize(text);
  const runs: Run[] = [];
  let i = 0;
  const isCapWord = (k: number) => {
    const t = toks[k];
    if (!t || !t.cap) return false;
    // "Commune-this": a capital joined by a dash to a lower-case word is an em-dash stand-in.
    const next = toks[k + 1];
    const after = toks[k + 2];
    if (next?.text === "-" && next.start === t.end && after && !after.cap && after.word) return true;
    return true;
  };
  while (i < toks.length) {
    if (!isCapWord(i)) {
      i++;
      continue;
    }
    const startIdx = i;
    let j = i;
    while (true) {
      const next = toks[j + 1];
      const after = toks[j + 2];
      if (
        next &&
        next.text === "-" &&
        next.start === toks[j]!.end &&
        after?.cap &&
        after.start === next.end
      ) {
        j += 2;
        continue;
      }
      if (
        next &&
        next.text === "'" &&
        next.start === toks[j]!.end &&
        toks[j]!.text.endsWith("s") &&
        after?.cap
      ) {
        j += 2;
        continue;
      }
      if (next && next.cap && next.start === toks[j]!.end + 1) {
        j += 1;
        continue;
      }
      if (next && CONNECTORS.has(next.text) && after?.cap) {
        j += 2;
        continue;
      }
      break;
    }
    const slice = toks.slice(startIdx, j + 1);
    const first = slice[0]!;
    const last = slice[slice.length - 1]!;
    const prev = toks[startIdx - 1];
    const sentenceInitial = !prev || (/^["'(\[]$/.test(prev.text) && startIdx <= 1);
    runs.push({ tokens: slice, text: text.slice(first.start, last.end), sentenceInitial });
    i = j + 1;
  }
  return runs;
}

export interface SentenceRef {
  lessonSlug: string;
  text: string;
}

function keyOf(s: string): string {
  return s.toLowerCase();
}

export function buildGazetteer(sentences: readonly SentenceRef[]): Gazetteer {
  const entities: Entity[] = [];
  const bySpelling = new Map<string, Entity>();
  const allText = sentences.map((s) => s.text).join("\n");
  const occurs = (spelling: string) => {
    const re = new RegExp(
      `(^|[^\\p{L}\\p{N}])${spelling.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`,
      "u",
    );
    return re.test(allText) || (/^\p{Ll}/u.test(spelling) && re.test(allText.toLowerCase()));
  };

  // 1. Table entries that occur in the text.
  for (const [kind, subkind, canonical, ...others] of TYPING) {
    const spellings = [canonical, ...others].filter(occurs);
    if (spellings.length === 0) continue;
    const e: Entity = {
      id: `${kind}:${canonical}`,
      canonical,
      kind,
      subkind,
      spellings: [canonical, ...others],
      source: "table",
      count: 0,
      lessons: new Map(),
    };
    entities.push(e);
    for (const s of e.spellings) bySpelling.set(keyOf(s), e);
  }

  // 2. Cue-typed capitalised runs not covered by the table.
  const cues = new Map<string, { person: number; org: number; event: number; group: number; seen: number }>();
  const lowerWords = new Set<string>();
  for (const { text } of sentences)
    for (const t of tokenize(text)) if (t.word && !t.cap) lowerWords.add(t.text);
  for (const { text } of sentences) {
    const toks = tokenize(text);
    for (const run of capitalisedRuns(text)) {
      let words = run.tokens.filter((t) => t.word);
      // Drop a sentence-initial ordinary word ("The", "Thus", "Grimly").
      while (words.length && run.sentenceInitial && lowerWords.has(words[0]!.text.toLowerCase()))
        words = words.slice(1);
      if (words.length === 0) continue;
      // Role words and citation words are not part of a name ("Menshevik Martov", "Pipes Ibid").
      while (
        words.length > 1 &&
        /^(Menshevik|Bolshevik|General|Admiral|Tsar|Czar|Russian|Moscow)$/.test(words[0]!.text)
      )
        words = words.slice(1);
      while (words.length > 1 && /^(Ibid)$/.test(words[words.length - 1]!.text)) words = words.slice(0, -1);
      const name = text.slice(words[0]!.start, words[words.length - 1]!.end);
      if (GENERIC_NAMES.has(name)) continue;
      if (GENERIC.has(name) || bySpelling.has(keyOf(name)) || MONTH_NAMES.test(name) || /ly$/.test(name))
        continue;
      // Only names also written capitalised mid-sentence count (not "Wrongly", "Following").
      if (run.sentenceInitial && words[0] === run.tokens[0]) continue;
      const c = cues.get(name) ?? { person: 0, org: 0, event: 0, group: 0, seen: 0 };
      c.seen++;
      const lastWord = words[words.length - 1]!.text;
      const idxAfter = toks.findIndex((t) => t.start >= run.tokens[run.tokens.length - 1]!.end);
      const after = idxAfter >= 0 ? toks[idxAfter] : undefined;
      const before = toks.filter((t) => t.end <= words[0]!.start).slice(-1)[0];
      if (after && SAYING.test(after.text)) c.person += 2;
      if (before && /^(General|Generals|Admiral|Tsar|Czar|commander)$/.test(before.text)) c.person += 2;
      if (/\(\s*$/.test(text.slice(0, words[0]!.start)) && after && /^\d/.test(after.text)) c.person += 2;
      if (ORG_HEADS.test(lastWord) && words.length > 1) c.org += 2;
      if (EVENT_HEADS.test(lastWord) && words.length > 1) c.event += 2;
      if (words.length === 1 && /(ists|iks|viks)$/.test(lastWord) && before?.text === "the") c.group += 2;
      cues.set(name, c);
    }
  }
  for (const [name, c] of [...cues].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const best = Math.max(c.person, c.org, c.event, c.group);
    if (best < 2) continue;
    const kind: FactKind =
      best === c.person ? "person" : best === c.org ? "organisation" : best === c.event ? "event" : "group";
    const e: Entity = {
      id: `${kind}:${name}`,
      canonical: name,
      kind,
      subkind: "cue",
      spellings: [name],
      source: "cue",
      count: 0,
      lessons: new Map(),
    };
    entities.push(e);
    bySpelling.set(keyOf(name), e);
  }

  // 3. Ideologies: "-ism" words (Bolshevism, statism, substitutionism).
  const isms = new Map<string, { lower: boolean; cap: string | null }>();
  for (const m of allText.matchAll(/(?<![-\p{L}])(\p{L}+ism)\b/gu)) {
    const w = m[1]!;
    if (w.length < 7 || /^(mechanism|organism|criticism|pessimism|optimism|heroism)$/i.test(w)) continue;
    const lower = w.toLowerCase();
    const rec = isms.get(lower) ?? { lower: false, cap: null };
    if (/^\p{Lu}/u.test(w)) {
      // Capitalised only at a sentence start does not make it a proper noun.
      const before = allText.slice(Math.max(0, (m.index ?? 0) - 2), m.index ?? 0);
      if (!/(^|[.!?"]\s|\n)$/.test(before)) rec.cap = w;
    } else rec.lower = true;
    isms.set(lower, rec);
  }
  for (const [lower, rec] of [...isms].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (bySpelling.has(lower)) continue;
    // Proper-noun isms (Bolshevism, Tsarism) keep their capital; plain ones match any case.
    const spelling = !rec.lower && rec.cap ? rec.cap : lower;
    const e: Entity = {
      id: `term:${spelling}`,
      canonical: spelling,
      kind: "term",
      subkind: "ideology",
      spellings: [spelling],
      source: "cue",
      count: 0,
      lessons: new Map(),
    };
    entities.push(e);
    bySpelling.set(lower, e);
  }

  entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = new Map(entities.map((e) => [e.id, e]));

  // Trie over token sequences for longest-match lookup.
  interface Node {
    next: Map<string, Node>;
    entity?: Entity;
    spelling?: string;
  }
  const root: Node = { next: new Map() };
  for (const e of entities) {
    for (const s of e.spellings) {
      const toks = tokenize(s).map((t) => t.text);
      let node = root;
      for (const t of toks) {
        let n = node.next.get(t);
        if (!n) {
          n = { next: new Map() };
          node.next.set(t, n);
        }
        node = n;
      }
      if (!node.entity) {
        node.entity = e;
        node.spelling = s;
      }
    }
  }

  const find = (text: string): Mention[] => {
    const toks = tokenize(text);
    const out: Mention[] = [];
    let i = 0;
    while (i < toks.length) {
      let node: Node | undefined = root;
      let best: { end: number; entity: Entity } | null = null;
      for (let j = i; j < toks.length && node; j++) {
        const t = toks[j]!;
        // Tokens of one name must be adjacent except for single spaces.
        if (j > i && t.start - toks[j - 1]!.end > 1) break;
        let n: Node | undefined = node.next.get(t.text);
        if (!n && j === i && t.cap) {
          // Lower-case terms may open a sentence capitalised.
          const lowered = t.text.charAt(0).toLowerCase() + t.text.slice(1);
          const cand = node.next.get(lowered);
          if (cand && (i === 0 || /^["'(]$/.test(toks[i - 1]!.text))) n = cand;
        }
        node = n;
        if (node?.entity) best = { end: j, entity: node.entity };
      }
      if (best) {
        const first = toks[i]!;
        const last = toks[best.end]!;
        const prev = toks[i - 1];
        const prev2 = toks[i - 2];
        const next = toks[best.end + 1];
        const next2 = toks[best.end + 2];
        // Reject cuts inside a larger name: "Kirghiz" in "Kirghiz-Kazakh", "World War" + "I".
        const joinedAfter =
          next && next.start === last.end && next.text === "-" && next2?.cap && next2.start === next.end;
        const joinedBefore =
          prev && prev.end === first.start && prev.text === "-" && prev2?.cap && prev2.end === prev.start;
        const capAfter = next && next.cap && next.start === last.end + 1 && !/^(I|II|III)$/.test(last.text);
        const romanAfter = next && /^(I|II|III|IV)$/.test(next.text) && next.start === last.end + 1;
        if (!joinedAfter && !joinedBefore && !capAfter && !romanAfter) {
          out.push({
            entity: best.entity,
            text: text.slice(first.start, last.end),
            start: first.start,
            end: last.end,
          });
          i = best.end + 1;
          continue;
        }
        i = best.end + 1;
        continue;
      }
      i++;
    }
    return out;
  };

  for (const s of sentences) {
    for (const m of find(s.text)) {
      m.entity.count++;
      m.entity.lessons.set(s.lessonSlug, (m.entity.lessons.get(s.lessonSlug) ?? 0) + 1);
    }
  }
  const used = entities.filter((e) => e.count > 0);
  const kindCache = new Map<FactKind, Entity[]>();
  const ofKind = (kind: FactKind) => {
    let list = kindCache.get(kind);
    if (!list) {
      list = used.filter((e) => e.kind === kind).sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
      kindCache.set(kind, list);
    }
    return list;
  };
  return { entities: used, byId, find, ofKind };
}
