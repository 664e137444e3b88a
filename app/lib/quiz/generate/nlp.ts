/**
 * wink-nlp (English lite model) for part-of-speech tags. Loaded once per process (~60–200 ms);
 * callers get plain arrays so nothing else depends on the library's types.
 */
import winkNLP from "wink-nlp";
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

/** Tokens with Universal POS tags (PROPN, VERB, AUX, NOUN, NUM, PRON, …). */
export function tag(text: string): TaggedToken[] {
  const n = nlp();
  const doc = n.readDoc(text);
  const words = doc.tokens().out();
  // wink-nlp's `its.*` helpers are plain functions meant to be passed by reference.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const pos = doc.tokens().out(n.its.pos) as string[];
  return words.map((w, i) => ({ text: w, pos: pos[i] ?? "X" }));
}

/** Force the model to load (for timing cold start separately). */
export function warmUp(): void {
  tag("Lenin fled to Finland.");
}
