import { z } from "zod";

export const QUESTION_TYPES = [
  "multiple_choice",
  "fill_blank",
  "true_false",
  "ordering",
  "matching",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** The kind of fact a question tests (used to spread keys across kinds). */
export const FACT_KINDS = [
  "person",
  "place",
  "organisation",
  "group",
  "term",
  "event",
  "document",
  "time",
  "number",
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** What a question asks the learner to do: recall a fact, or understand the text. */
export const QUESTION_SKILLS = [
  "fact",
  "cause",
  "claim",
  "position",
  "attribution",
  "definition",
  "main_idea",
  "sequence",
  "pairing",
] as const;
export type QuestionSkill = (typeof QUESTION_SKILLS)[number];
/** Skills that test understanding rather than recall. */
export const UNDERSTANDING_SKILLS: ReadonlySet<QuestionSkill> = new Set([
  "cause",
  "claim",
  "position",
  "attribution",
  "definition",
  "main_idea",
]);
/** A lesson quiz draws "lesson" questions; "module" questions need the module (module tests). */
export const QUESTION_SCOPES = ["lesson", "module"] as const;
export type QuestionScope = (typeof QUESTION_SCOPES)[number];

const base = {
  /** Stable id derived from content: lesson slug, type, evidence and key. */
  id: z.string().min(8),
  lessonSlug: z.string().min(1),
  moduleSlug: z.string().min(1),
  prompt: z.string().min(1),
  /**
   * The exact sentence(s) as they read in the lesson text. Questions built from several
   * sentences (ordering, matching) join them with "\n" (a character lesson text never holds);
   * every line appears verbatim in the lesson.
   */
  evidence: z.string().min(1),
  /** Block id (anchor) of the first evidence sentence. */
  evidenceAnchor: z.string().min(1),
  /** Block ids of every evidence line, parallel to evidence.split("\n"). */
  evidenceAnchors: z.array(z.string().min(1)).min(1),
  /**
   * Optional, parallel to evidenceAnchors: the lesson slug of each evidence line. Present only
   * when some line comes from another lesson of the module (chronology questions that draw on
   * the whole module); absent means every line is in `lessonSlug`.
   */
  evidenceLessons: z.array(z.string().min(1)).min(1).optional(),
  /** 0 (easy) … 1 (hard), two decimals. */
  difficulty: z.number().min(0).max(1),
  /** What kind of fact the key is. */
  keyKind: z.enum(FACT_KINDS),
  /** What the question tests (the generator always sets it; stored rows may predate it). */
  skill: z.enum(QUESTION_SKILLS).optional(),
  /** "module" when answering needs more than its own lesson (evidence across lessons or both texts). */
  scope: z.enum(QUESTION_SCOPES).optional(),
  generatorVersion: z.string().min(1),
};

export const multipleChoiceSchema = z.object({
  ...base,
  type: z.literal("multiple_choice"),
  /** Four distinct choices in display order (deterministically shuffled). */
  choices: z.array(z.string().min(1)).length(4),
  answer: z.string().min(1),
});

export const fillBlankSchema = z.object({
  ...base,
  type: z.literal("fill_blank"),
  answer: z.string().min(1),
  /** Other spellings marked correct (aliases, number forms); tolerant marking applies on top. */
  accepted: z.array(z.string().min(1)),
});

export const trueFalseSchema = z.object({
  ...base,
  type: z.literal("true_false"),
  choices: z.tuple([z.literal("True"), z.literal("False")]),
  answer: z.enum(["True", "False"]),
});

export const orderingSchema = z.object({
  ...base,
  type: z.literal("ordering"),
  /** The events in display order (deterministic shuffle, never already in the right order). */
  choices: z.array(z.string().min(1)).min(3).max(5),
  /** The same events, earliest first. */
  answer: z.array(z.string().min(1)).min(3).max(5),
});

export const matchingSchema = z.object({
  ...base,
  type: z.literal("matching"),
  /** The right-hand column in display order (deterministically shuffled). */
  choices: z.array(z.string().min(1)).min(3).max(5),
  /** [left, right] pairs; the left column is shown in this order. */
  answer: z
    .array(z.tuple([z.string().min(1), z.string().min(1)]))
    .min(3)
    .max(5),
});

export const questionSchema = z.discriminatedUnion("type", [
  multipleChoiceSchema,
  fillBlankSchema,
  trueFalseSchema,
  orderingSchema,
  matchingSchema,
]);

export type MultipleChoiceQuestion = z.infer<typeof multipleChoiceSchema>;
export type FillBlankQuestion = z.infer<typeof fillBlankSchema>;
export type TrueFalseQuestion = z.infer<typeof trueFalseSchema>;
export type OrderingQuestion = z.infer<typeof orderingSchema>;
export type MatchingQuestion = z.infer<typeof matchingSchema>;
export type Question = z.infer<typeof questionSchema>;

export interface LessonBank {
  slug: string;
  title: string;
  module: string;
  questions: Question[];
}

export interface QuestionBank {
  generator: { name: string; version: string };
  lessons: LessonBank[];
}
