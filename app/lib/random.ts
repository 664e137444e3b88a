/**
 * Seeded pseudo-randomness shared by the generator (deterministic question banks) and quizzes
 * (reproducible draws and choice orders). Pure JS: the same seed gives the same sequence on
 * every platform and in the browser (no node:crypto, no Math.random).
 */

/** mulberry32: tiny, fast, good enough for shuffling; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle into a new array, driven by `rand`. */
export function shuffle<T>(items: readonly T[], rand: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

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

/** A seeded PRNG (mulberry32) derived from a string seed. */
export function rng(seed: string): () => number {
  return mulberry32(parseInt(hash64(seed).slice(0, 8), 16) >>> 0);
}

/**
 * Shuffle seeded by a string: the same string gives the same order everywhere. The generator
 * seeds with a question's content, a quiz with `${attemptSeed}:${questionId}`.
 */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  return shuffle(items, rng(seed));
}

/** A 31-bit seed from the platform's CSPRNG (stored on an attempt). */
export function newSeed(): number {
  const buf = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buf);
  return (buf[0] ?? 0) & 0x7fffffff;
}
