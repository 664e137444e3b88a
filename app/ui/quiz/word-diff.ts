/**
 * Which words of a false statement differ from the sentence it was made from, and which words of
 * the sentence they replaced: a word-level longest common subsequence (case and punctuation
 * ignored), so "490 delegates" against "245 delegates" marks just the numbers.
 */
export interface DiffWord {
  text: string;
  changed: boolean;
}

const key = (word: string) => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

export function wordDiff(
  statement: string,
  original: string,
): { statement: DiffWord[]; original: DiffWord[] } {
  const a = statement.trim().split(/\s+/).filter(Boolean);
  const b = original.trim().split(/\s+/).filter(Boolean);
  const ka = a.map(key);
  const kb = b.map(key);
  // lcs[i][j]: length of the common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = ka[i] === kb[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const keepA = new Array<boolean>(a.length).fill(false);
  const keepB = new Array<boolean>(b.length).fill(false);
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (ka[i] === kb[j]) {
      keepA[i++] = true;
      keepB[j++] = true;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else j++;
  }
  return {
    statement: a.map((text, i) => ({ text, changed: !keepA[i] })),
    original: b.map((text, j) => ({ text, changed: !keepB[j] })),
  };
}
