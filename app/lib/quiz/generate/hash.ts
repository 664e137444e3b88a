/**
 * Hashing and seeded shuffling for the generator (shared with quizzes, in app/lib/random), and
 * a locale-independent string comparison.
 */
export { hash64, rng, seededShuffle } from "@/app/lib/random";

/** Code-point comparison: locale-independent, so sorting is byte-stable. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
