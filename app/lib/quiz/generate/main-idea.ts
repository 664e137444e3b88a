/**
 * Main idea: a lesson titled as a yes/no question and answered in its first word ("No, though Red
 * apologists …") gives its whole answer as one true/false statement: the title turned round.
 *
 * A main-idea form for lessons titled "What/How …?" is not asked: the lesson's own title gives its
 * claim away ("Which statement answers 'What was the Red Terror?'" is the one option naming the
 * Red Terror), and asked the other way round ("which lesson's question does this statement
 * answer?") it tests the guide's layout rather than the history, with a broad title such as "How
 * did the Revolution go wrong?" defensible for many claims.
 */
import type { Lesson } from "@/app/lib/content/types";
import { GENERATOR_VERSION } from "../version";
import type { SentenceInfo } from "./analyse";
import type { Candidate } from "./candidate";
import { TF_PREFIX, questionId } from "./choice-builders";
import { tag } from "./nlp";
import { contentWords } from "./text";

export interface LessonSentences {
  lesson: Lesson;
  sentences: readonly SentenceInfo[];
}

/** Five-letter stems of a text's content words. */
export function stemsOf(text: string): Set<string> {
  return new Set(contentWords(text).map((w) => w.toLowerCase().slice(0, 5)));
}

// --- a yes/no title the lesson answers in its first word -------------------------------------------

/**
 * "Were Makhno and his followers anti-Semitic?" → "Makhno and his followers were anti-Semitic.": a
 * title asking whether a subject is (was) something, the predicate one adjective. Null for any
 * other question shape (a verb or noun predicate would need conjugation or a parse to turn).
 */
export function yesNoStatement(title: string): string | null {
  const m = /^(Is|Are|Was|Were) (.+) ([\p{L}-]+)\?$/u.exec(title.trim());
  if (!m) return null;
  const aux = m[1]!;
  const subject = m[2]!;
  const predicate = m[3]!;
  const tokens = tag(`${subject} ${predicate}`);
  const last = tokens[tokens.length - 1];
  const adjective = last?.pos === "ADJ" || /^\p{L}+-\p{L}+(?:ic|al|ous|ive|ian|ist)$/u.test(predicate);
  // A verb in the subject, or an article inside it ("Was Lenin a State terrorist?"), means the
  // subject ends earlier than the title shows.
  const inSubject = tokens.slice(0, -1);
  if (
    !adjective ||
    inSubject.some((t, i) => t.pos === "VERB" || t.pos === "AUX" || (i > 0 && t.pos === "DET"))
  )
    return null;
  return `${subject} ${aux.toLowerCase()} ${predicate}.`;
}

/**
 * A lesson titled as a yes/no question whose first sentence answers "Yes, …" or "No, …": true or
 * false, the title turned into a statement. The lesson's whole answer, in its own first word.
 */
export function yesNoQuestions(lessons: readonly LessonSentences[]): Candidate[] {
  const out: Candidate[] = [];
  for (const { lesson, sentences } of lessons) {
    const statement = yesNoStatement(lesson.title);
    if (!statement) continue;
    const first = [...sentences]
      .filter((s) => s.blockKind === "paragraph")
      .sort((a, b) => a.index - b.index)[0];
    const answer = first && /^(Yes|No)\b[,.;]/.exec(first.evidence)?.[1];
    if (!first || !answer) continue;
    const id = questionId(lesson.slug, "true_false", first.evidence, `yes-no:${statement}`);
    out.push({
      question: {
        id,
        lessonSlug: lesson.slug,
        moduleSlug: first.moduleSlug,
        type: "true_false",
        prompt: `${TF_PREFIX}${statement}`,
        choices: ["True", "False"],
        answer: answer === "Yes" ? "True" : "False",
        evidence: first.evidence,
        evidenceAnchor: first.blockId,
        evidenceAnchors: [first.blockId],
        difficulty: 0.4,
        keyKind: "term",
        skill: "main_idea",
        scope: "lesson",
        generatorVersion: GENERATOR_VERSION,
      },
      score: 1.3,
      sentences: [first.index],
      fact: `main_idea:yes-no:${first.index}`,
    });
  }
  return out;
}
