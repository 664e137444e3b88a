/** Public surface of the quiz domain. */
export { generateQuestionBank } from "./generate";
export { GENERATOR_NAME, GENERATOR_VERSION } from "./version";
export * from "./types";
export { markTyped, normaliseAnswer, damerauLevenshtein, typoBudget } from "./marking";
export { toPublicQuestion, markAnswer, toExportQuestion, toExportBank } from "./public-question";
export type { PublicQuestion, MarkResult, ExportQuestion, ExportBank } from "./public-question";
