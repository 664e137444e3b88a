/**
 * Class join codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z,
 * 8/B), drawn with the platform's cryptographic generator, so a code can be read aloud or copied
 * off a board. 25^8 ≈ 1.5 × 10^11 codes: guessing one is hopeless, collisions are retried.
 */
import { randomInt } from "node:crypto";

export const JOIN_CODE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY";
export const JOIN_CODE_LENGTH = 8;

/** A fresh code; `pick` is injectable for tests (defaults to crypto.randomInt). */
export function newJoinCode(pick: (max: number) => number = randomInt): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[pick(JOIN_CODE_ALPHABET.length)];
  return code;
}

/**
 * What a person typed, as a code: case, spaces and dashes are ignored ("abcd-efgh" → "ABCDEFGH").
 * Null when it cannot be a code.
 */
export function normalizeJoinCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, "").toUpperCase();
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** "ABCD-EFGH": easier to read out; normalizeJoinCode accepts it back. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
