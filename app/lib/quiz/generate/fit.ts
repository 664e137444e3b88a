/**
 * Last checks on a built question, general to any essay in question-and-answer form: a question
 * is dropped when it asks for trivia the sentence's claim does not rest on, or when its stem or
 * its options give the key away.
 */
import type { Question } from "../types";
import { BLANK } from "./candidate";
import { ALSO_ACCEPTED } from "./choice-builders";
import { TYPING } from "./typing-data";

const MONTH =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\b/;
const ORDINAL =
  /^(?:the )?(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth|Thirteenth|\d+(?:st|nd|rd|th)) (?:[\p{L}-]+ )?(?:Congress|Conference|Plenum|Session|Assembly)\b/u;
const REPORTING =
  /^,? (?:\p{Ll}+ly )?(?:writes|wrote|notes|noted|observes|observed|argues|argued|emphasizes|emphasized|emphasises|stresses|stressed|insists|insisted|claims|claimed|asserts|asserted|says|said|remarks|remarked|explains|explained|estimates|estimated|concludes|concluded|recalls|recalled|points out|pointed out|suggests|suggested|contends|contended|maintains|maintained|describes|described|considered|considers|calls|called)\b/u;
/** Words a stem uses to name a place's kind ("the capital", "the revolutionary city"). */
const PLACE_KIND = /\bthe (?:[\p{L}-]+ )?(?:capital|city|port|town|island|fortress)\b/iu;

/** The guide's other names for the same side as a key ("Bolsheviks" for "Reds"), first words only. */
function otherNames(key: string): string[] {
  const out: string[] = [];
  for (const [id, others] of ALSO_ACCEPTED)
    if (id.slice(id.indexOf(":") + 1) === key)
      for (const o of others) out.push(o.slice(o.indexOf(":") + 1).split(" ")[0]!);
  return out.filter((n) => n.length >= 5 && !key.startsWith(n.slice(0, 5)));
}

/** Names the module's publisher and author go by: "Melbourne Anarchist Communist Group (MACG)" → both forms. */
export function publisherNames(organisation: string, author: string | null): string[] {
  const names = [organisation.replace(/\s*\([^)]*\)\s*/g, " ").trim()];
  for (const m of organisation.matchAll(/\(([^)]+)\)/g)) names.push(m[1]!.trim());
  if (author) names.push(author);
  return names.filter((n) => n.length >= 3);
}

const mentions = (text: string, name: string) =>
  new RegExp(`(?:^|[^\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:$|[^\\p{L}])`, "u").test(text);

/** A sentence that continues an argument made before it ("The appeal …, therefore, was …"). */
const LEANS_BACK =
  /(?:^|, )(?:therefore|thus|hence|then|in turn|as well|too)(?:,|$)|^(?:Thus|Hence|Therefore|So|Then|Yet|But|And)\b/;
/** An exclamation or a rhetorical turn is the author's voice, not a statement to judge. */
const RHETORICAL = /[!?]["”']?$|^(?:How|What an?|If only|Little wonder|No wonder)\b/;
const YEARS = /\b1[89]\d\d\b/g;
const NUMERALS = /\b\d[\d,.]*\b/g;
/** Kinship is not what a history lesson teaches ("_____'s partner, N. K. Krupskaya"). */
const KINSHIP = /(?:_____'s|'s) (?:partner|wife|husband|son|daughter|brother|sister|father|mother|widow)\b/;
/** "Fighting continued for a week …": a bare subject carrying on what the sentence before told. */
const CONTINUES =
  /^(?:The )?[\p{Lu}][\p{Ll}]+(?: [\p{Ll}]+)? (?:continued|resumed|ensued|followed|went on)\b|^The (?:essential|important|key|main) (?:thing|point) is\b|\bthe new (?:government|regime|state|authorities)\b/u;
/**
 * A subject whose referent is in the sentence before: "The entire event was bloodless", "The army
 * never made it …", "The Government suppressed …", "The Eighth
 * Congress, though, …" (a contrast with what came before).
 */
const POINTS_BACK =
  /^The (?:entire|whole) \p{Ll}+\b|^The (?:[Aa]rmy|[Gg]overnment|[Rr]egime|[Pp]arty|[Ss]tate|[Ee]vent|[Ii]nsurrection|[Uu]prising|[Rr]evolt)\b(?! of\b)|^[^,]{3,50}, (?:though|however|in turn|too|meanwhile),/u;
/** The agent or beneficiary of a passive ("were prevented from being located by _____", "was restored for the _____"). */
const PASSIVE_AGENT = /\b(?:was|were|been|being|be) (?:\p{Ll}+ )?\p{Ll}+(?:ed|en) (?:by|for) (?:the )?_____/u;
/** A building is where an event happened, not what the sentence says about it ("the storming of the _____"). */
const LANDMARK = /\b(?:Palace|Station|refinery|Cathedral|Fortress|Kremlin)$/;
/** Nineteenth-century thinkers: history ties more than one of them to any view the lesson gives one. */
const THINKERS = new Set(
  TYPING.filter((r) => r[0] === "person" && r[1] === "theorist").flatMap((r) => r.slice(2)),
);
/** A person blank a learner may fill with the body that person led ("an insurrection against _____"). */
const LED_BODY_SLOT = /\b(?:against|overthrow(?:ing)?|toppled)\s+(?:the\s+)?_____(?!'s)/;

export interface FitContext {
  publishers: readonly string[];
}

/**
 * "We are angered by …": the authors' own voice reads as the learner's unless it is framed as
 * theirs. Recall prompts in the first person are quoted as the authors' words.
 */
export function framedVoice(q: Question): Question {
  if ((q.type !== "multiple_choice" && q.type !== "fill_blank") || (q.skill && q.skill !== "fact")) return q;
  if (!/\b(?:we|us|our|ourselves)\b/i.test(q.prompt)) return q;
  return { ...q, prompt: `The authors write: "${q.prompt}"` };
}

/** A blank naming a newspaper or journal ("the editors of _____", "_____, the weekly"). */
const PERIODICAL =
  /\b(?:editors?|editorial board|pages|columns?|issues?|readers) of _____|_____,? (?:the )?(?:newspaper|journal|weekly|daily|magazine)\b/;

/** Definite phrases that only the sentences before give a referent. */
const UNSHOWN_REFERENT =
  /\b[Tt]he (?:region|administration|aforementioned)\b|\b[Tt]he (?:latter|former)(?=[,.;]| \p{Ll})|\bprevious\b/u;

/** Why a question is unfit to hand out, or null. */
export function unfitReason(q: Question, fit: FitContext): string | null {
  const { publishers } = fit;
  // "the region", "the administration", "previous support": a copied phrase that points back to a
  // sentence the learner is not shown.
  if (UNSHOWN_REFERENT.test(q.prompt)) return "unshown-referent";
  const blanked = q.type === "multiple_choice" || q.type === "fill_blank";
  const options = q.type === "multiple_choice" ? q.choices : q.type === "fill_blank" ? [q.answer] : [];
  // The module's own author frames every lesson ("… and the Group celebrates its centenary"): a
  // sentence about it is not what a question is about, and it is never an option.
  if ([q.prompt, ...options].some((t) => publishers.some((p) => mentions(t, p)))) return "publisher";
  // A key far longer than every other option picks itself ("a social-democratic member of the
  // Socialist-Revolutionary (SR) Party" among "a CheKa head", "Lenin's partner").
  if (q.type === "multiple_choice") {
    const longest = Math.max(...q.choices.filter((c) => c !== q.answer).map((c) => c.length));
    if (q.answer.length > 25 && q.answer.length > 1.6 * longest) return "long-key";
  }
  const recall = !q.skill || q.skill === "fact";
  if (q.type === "true_false" && (recall || q.skill === "position")) {
    const statement = q.prompt.replace(/^True or false\? According to the lesson: /, "");
    if (RHETORICAL.test(statement)) return "rhetorical";
    // A false statement made by putting another person in the sentence tests a name, not the
    // event: the lesson usually ties the swapped-in person to the same events.
    if (q.answer === "False" && q.keyKind === "person") return "name-swap";
    // Two or more dates, or a run of years: a record (a paper's run, a list of figures).
    if (
      (statement.match(YEARS) ?? []).length >= 2 ||
      (statement.match(NUMERALS) ?? []).length >= 2 ||
      /\b1[89]\d\d\s*[-–]\s*\d{2,4}\b/.test(statement)
    )
      return "record";
    if (LEANS_BACK.test(statement) || CONTINUES.test(statement) || POINTS_BACK.test(statement))
      return "leans-back";
    // "the 1920 Eighth Congress" for the Seventh: which numbered meeting is detail.
    const ordinal = new RegExp(ORDINAL.source.replace(/^\^/, "\\b"), "u");
    if (q.answer === "False" && ordinal.test(statement)) return "ordinal-swap";
    return null;
  }
  if (!blanked) return null;
  if (recall) {
    // Dates and counts in a copied sentence are recall of detail; the chronology questions ask
    // when things happened in relation to each other.
    if (q.keyKind === "time") return "date";
    // (A death toll asked as "roughly how many", options an order of magnitude apart, is no copy.)
    if (q.keyKind === "number" && q.prompt.includes(BLANK)) return "count";
    if (LEANS_BACK.test(q.prompt) || CONTINUES.test(q.prompt) || POINTS_BACK.test(q.prompt))
      return "leans-back";
    if (PASSIVE_AGENT.test(q.prompt)) return "passive-agent";
    // "some 280 _____ hostage": the noun a figure counts is a detail of the figure.
    // (A year closing a lead, "in 1918, _____ ordered …", counts nothing.)
    if (/\b\d+(?:,\d{3})*\s+_____/.test(q.prompt)) return "counted";
    if (q.keyKind === "place" && LANDMARK.test(q.answer)) return "landmark";
    // "Kirghiz-Kazakh": a compound of two peoples' names is typed many ways ("Kazakhs", "Kyrgyz");
    // it is offered, not typed.
    if (q.type === "fill_blank" && /^\p{Lu}\p{Ll}{3,}-\p{Lu}\p{Ll}{3,}$/u.test(q.answer))
      return "compound-name";
    // (Typed, the lesson's one name is the answer; offered among the others, history objects.)
    if (q.type === "multiple_choice" && q.keyKind === "person" && THINKERS.has(q.answer)) return "thinker";
    // "… a weekly in summer 1917, continuing until spring 1918 …": a dated run is a record; what
    // else its sentence names (where it was printed) is detail too.
    // (A span, "From 1920-1921", is one period.)
    // (Both are about a copied sentence; a question written out, "… from 1917 to 1924?", is neither.)
    const copied = q.prompt.includes(BLANK);
    if (
      copied &&
      (q.prompt.replace(/\b(1[89]\d\d)\s*[-–]\s*\d{2,4}\b/g, "$1").match(YEARS) ?? []).length >= 2
    )
      return "record";
    if (copied && RHETORICAL.test(q.prompt.replace(/"$/, ""))) return "rhetorical";
    if (KINSHIP.test(q.prompt) && q.keyKind === "person") return "kinship";
    // "Soviet rule in _____ met with greater challenges than that over …" (or "… than that over
    // the _____ region"): many a name compares so, on either side of the comparison.
    const COMPARATIVE = /\b(?:greater|more|less|fewer|larger|smaller|better|worse|stronger|weaker)\b/;
    // (a word between the two: "more than 10 days" compares nothing the blank could fill)
    const comparison = new RegExp(`${COMPARATIVE.source} [a-z][^.;]{0,60}\\bthan\\b`);
    if (
      new RegExp(`_____[^.;]{0,80}${comparison.source}`).test(q.prompt) ||
      new RegExp(`${comparison.source}[^.;]{0,40}_____`).test(q.prompt)
    )
      return "comparison";
    // "soldiers-perhaps in part with _____ in mind-refused": what the text only surmises is no fact.
    if (/\b(?:perhaps|possibly|probably|maybe|presumably)\b[^.;,]{0,40}_____/i.test(q.prompt))
      return "hedged";
    // "the editors of _____": a periodical's name is a reference, like a cited title.
    if (PERIODICAL.test(q.prompt)) return "periodical";
    // "the _____ ("Alarm") confederation": a translation after the blank asks for the foreign
    // word it glosses, which no English-named option fits, and that word is only a name.
    if (/_____\s*\(\s*["“']/.test(q.prompt)) return "glossed";
    // "(completed under _____)": an aside in brackets is not what the sentence claims.
    if (/\([^)]*_____[^)]*\)/.test(q.prompt)) return "aside";
    // "in "_____" (January 1921)": the title of a cited work is a reference, not a fact.
    if (/"?_____"? \([^)]*\d{4}\)/.test(q.prompt)) return "citation";
    // "Admiral _____" with generals as options: the rank names the one choice it fits.
    if (
      q.type === "multiple_choice" &&
      /\b(?:Admiral|General|Generals|Tsar|Czar|Marshal)\s+_____/.test(q.prompt)
    )
      return "rank";
    // "The Menshevik _____" among people of other parties: the label picks the one it fits.
    if (
      q.type === "multiple_choice" &&
      q.keyKind === "person" &&
      /\b(?:Menshevik|Bolshevik|Left-SR|SR|anarchist|White|Red)\s+_____/.test(q.prompt)
    )
      return "party-label";
    // "Through the Red Terror and during the _____", "from _____ to Bakunin": a blank coordinated
    // with a name of its kind is completed from the stock pair, not from the lesson.
    if (
      /\p{Lu}[\p{L}-]* and (?:during |by |in )?(?:the )?_____|_____(?:'s)? (?:and|or) (?:during |by |in )?(?:the )?\p{Lu}|\bfrom (?:the )?_____ to (?:the )?\p{Lu}|\bfrom (?:the )?\p{Lu}[\p{L}-]* to (?:the )?_____/u.test(
        q.prompt,
      )
    )
      return "pair-completion";
    // "Nestor Makhno, _____, Voline, and others", "Makhno, Arshinov, and _____": a name in a list of
    // names is the same guess.
    if (
      q.keyKind === "person" &&
      /\p{Lu}[\p{L}.-]*, (?:(?:and|or) )?_____|(?:^|, )_____, \p{Lu}[\p{L}.-]*(?: \p{Lu}[\p{L}.-]*)*, (?:and )?(?:\p{Lu}|others)/u.test(
        q.prompt,
      )
    )
      return "name-list";
    // "… a global Bolshevik upheaval … after its deviation by the _____" → Reds: another name the
    // guide uses for the key's side gives it away.
    if (
      otherNames(q.answer).some((n) =>
        new RegExp(`\\b${n.slice(0, 5)}`, "i").test(q.prompt.replace(BLANK, " ")),
      )
    )
      return "side-named";
    // Typed, the body fits too; offered, the other people are no fair alternative to it.
    if (q.keyKind === "person" && LED_BODY_SLOT.test(q.prompt)) return "led-body";
  }
  const key = q.answer;
  const after = q.prompt.slice(q.prompt.indexOf(BLANK) + BLANK.length);
  // A month or a day is detail, not the claim ("In _____, the Red Army invaded …" → February 1921).
  if (q.keyKind === "time" && MONTH.test(key)) return "month";
  // "The _____ … yielded an indigenous majority" → Eighth Congress: which numbered meeting is detail.
  if (ORDINAL.test(key)) return "ordinal";
  // "_____ emphasizes that …": the idea is handed over, only its source is asked.
  if (q.keyKind === "person" && REPORTING.test(after)) return "reporter";
  // "… such was the conclusion reached by _____": the same, with the source after the idea.
  if (
    q.keyKind === "person" &&
    /\b(?:conclusion|verdict|view|argument|observation|assessment) (?:reached|drawn|held|made|offered) by\s*$/.test(
      q.prompt.slice(0, q.prompt.indexOf(BLANK)),
    )
  )
    return "reporter";
  // "… in the capital, … the revolutionary city _____": the stem names the slot's kind.
  if (q.keyKind === "place" && PLACE_KIND.test(q.prompt.replace(BLANK, " "))) return "place-kind";
  return null;
}
