/**
 * The question bank as exported for review (`npm run quiz:bank -- --out bank.json`): every
 * question with its key, accepted forms and evidence, in a fixed key order.
 */
import type { Question, QuestionBank, QuestionType } from "./types";

/** The review/export shape of a question (`npm run quiz:bank`): the key and evidence included. */
export interface ExportQuestion {
  id: string;
  lessonSlug: string;
  type: QuestionType;
  prompt: string;
  choices?: string[];
  answer: string | string[] | Array<[string, string]>;
  accepted?: string[];
  evidence: string;
  evidenceAnchor: string;
  /** Only on module-wide chronology questions: the lesson slug of each evidence line. */
  evidenceLessons?: string[];
  difficulty: number;
  keyKind: string;
  /** What the question tests (fact, cause, claim, position, attribution, definition, main_idea, sequence, pairing). */
  skill?: string;
  /** "lesson", or "module" when it needs more than its own lesson (module tests only). */
  scope?: string;
}

export interface ExportBank {
  generator: { name: string; version: string };
  lessons: Array<{ slug: string; title: string; module: string; questions: ExportQuestion[] }>;
}

export function toExportQuestion(q: Question): ExportQuestion {
  // The documented key order; optional keys only when the question has them.
  return {
    id: q.id,
    lessonSlug: q.lessonSlug,
    type: q.type,
    prompt: q.prompt,
    ...("choices" in q ? { choices: [...q.choices] } : {}),
    answer: q.answer,
    ...(q.type === "fill_blank" ? { accepted: [...q.accepted] } : {}),
    evidence: q.evidence,
    evidenceAnchor: q.evidenceAnchor,
    ...(q.evidenceLessons ? { evidenceLessons: [...q.evidenceLessons] } : {}),
    difficulty: q.difficulty,
    keyKind: q.keyKind,
    ...(q.skill ? { skill: q.skill } : {}),
    ...(q.scope ? { scope: q.scope } : {}),
  };
}

export function toExportBank(bank: QuestionBank): ExportBank {
  return {
    generator: bank.generator,
    lessons: bank.lessons.map((l) => ({
      slug: l.slug,
      title: l.title,
      module: l.module,
      questions: l.questions.map(toExportQuestion),
    })),
  };
}
