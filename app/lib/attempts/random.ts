/**
 * Seeded randomness for quiz draws. Everything random about an attempt (which questions, their
 * order, the order of choices) derives from the integer seed stored on the Attempt, so the same
 * attempt always renders the same way (refresh, resume, results page) and tests can pin it.
 */
import { mulberry32, shuffle } from "@/app/lib/random";

/** A 32-bit seed from the platform's CSPRNG (stored on the Attempt). */
export function newSeed(): number {
  const buf = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buf);
  return (buf[0] ?? 0) & 0x7fffffff;
}

/** FNV-1a over a string, mixed with a numeric seed: derives a sub-seed per question. */
export function subSeed(seed: number, key: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Shuffle with a seed derived from (attempt seed, key): stable for one attempt and question. */
export function seededShuffle<T>(items: readonly T[], seed: number, key: string): T[] {
  return shuffle(items, mulberry32(subSeed(seed, key)));
}
