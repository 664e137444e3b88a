/** Bump when the generator's output may change: ids stay stable, but review status keys on it. */
export const GENERATOR_NAME = "rbo-rule-quiz";
export const GENERATOR_VERSION = "2.21.1";
