/**
 * Pure-JS hashing and seeded shuffling, so ids and orders are identical on every
 * platform and in the browser (no node:crypto, no Math.random).
 */
import { mulberry32, shuffle } from "@/app/lib/random";

/** 64-bit (two 32-bit lanes) string hash as 16 hex chars (cyrb64-style). */
export function hash64(input: string): string {
  let h1 = 0xdeadbeef ^ input.length;
  let h2 = 0x41c6ce57 ^ input.length;
  for (let i = 0; i < input.length; i++) {
    const ch = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, "0") + (h1 >>> 0).toString(16).padStart(8, "0");
}

/** Small seeded PRNG (mulberry32) derived from a string seed. */
export function rng(seed: string): () => number {
  return mulberry32(parseInt(hash64(seed).slice(0, 8), 16) >>> 0);
}

/** Fisher–Yates with a seeded PRNG; returns a new array. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  return shuffle(items, rng(seed));
}

/** Code-point comparison: locale-independent, so sorting is byte-stable. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
