/**
 * Seeded randomness for quiz draws. Everything random about an attempt (which questions, their
 * order, the order of choices) derives from the integer seed stored on the Attempt, so the same
 * attempt always renders the same way (refresh, resume, results page) and tests can pin it.
 */

/** A 32-bit seed from the platform's CSPRNG (stored on the Attempt). */
export function newSeed(): number {
  const buf = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buf);
  return (buf[0] ?? 0) & 0x7fffffff;
}

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

/** FNV-1a over a string, mixed with a numeric seed: derives a sub-seed per question. */
export function subSeed(seed: number, key: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
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

/** Shuffle with a seed derived from (attempt seed, key): stable for one attempt and question. */
export function seededShuffle<T>(items: readonly T[], seed: number, key: string): T[] {
  return shuffle(items, mulberry32(subSeed(seed, key)));
}
