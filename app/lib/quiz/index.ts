/** Public surface of the quiz domain. */
export { generateQuestionBank } from "./generate";
export { GENERATOR_NAME, GENERATOR_VERSION } from "./version";
export * from "./types";
export { markTyped, normaliseAnswer, damerauLevenshtein, typoBudget } from "./marking";
export { toPublicQuestion, markAnswer, learnerAnswerSchema } from "./public-question";
export type { PublicQuestion, MarkResult, LearnerAnswer, Expected } from "./public-question";
export { toExportQuestion, toExportBank } from "./export";
export type { ExportQuestion, ExportBank } from "./export";
