/**
 * wink-nlp (English lite model) for part-of-speech tags and lemmas. Loaded once per process
 * (~60–200 ms); callers get plain arrays so nothing else depends on the library's types.
 */
import winkNLP, { type ItsFunction } from "wink-nlp";
import model from "wink-eng-lite-web-model";

type Nlp = ReturnType<typeof winkNLP>;
let instance: Nlp | null = null;

function nlp(): Nlp {
  if (!instance) instance = winkNLP(model);
  return instance;
}

export interface TaggedToken {
  text: string;
  pos: string;
}

export interface LemmaToken extends TaggedToken {
  lemma: string;
}

/** Tokens with Universal POS tags (PROPN, VERB, AUX, NOUN, NUM, PRON, …). */
export function tag(text: string): TaggedToken[] {
  const n = nlp();
  const doc = n.readDoc(text);
  const words: string[] = doc.tokens().out();
  // wink's its.* helpers are plain functions (they never read `this`).
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const pos = doc.tokens().out<string>(n.its.pos);
  return words.map((w, i) => ({ text: w, pos: pos[i] ?? "X" }));
}

const lemmaCache = new Map<string, LemmaToken[]>();

/** Tokens with POS tags and lemmas ("fought" → "fight"); cached per text (the generator asks often). */
export function tagLemmas(text: string): LemmaToken[] {
  let hit = lemmaCache.get(text);
  if (!hit) {
    hit = tagLemmasUncached(text);
    lemmaCache.set(text, hit);
  }
  return hit;
}

function tagLemmasUncached(text: string): LemmaToken[] {
  const n = nlp();
  const doc = n.readDoc(text);
  const words: string[] = doc.tokens().out();
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const pos = doc.tokens().out<string>(n.its.pos);
  // The typings give its.lemma a signature out() does not accept; at run time it is a token helper.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const lemmaIts = n.its.lemma as unknown as ItsFunction<string>;
  const lemma = doc.tokens().out<string>(lemmaIts);
  return words.map((w, i) => ({ text: w, pos: pos[i] ?? "X", lemma: lemma[i] ?? w }));
}

/** Force the model to load (for timing cold start separately). */
export function warmUp(): void {
  tag("Lenin fled to Finland.");
}

/** wink-nlp's sentiment of a phrase, -1 (negative) … 1 (positive). */
export function sentimentOf(text: string): number {
  const n = nlp();
  // eslint-disable-next-line @typescript-eslint/unbound-method
  return n.readDoc(text).out(n.its.sentiment) as unknown as number;
}
