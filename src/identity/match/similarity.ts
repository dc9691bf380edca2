/**
 * String similarity for Vietnamese names. Jaro–Winkler (Winkler 1990, the usual comparator of
 * Fellegi–Sunter record linkage) on the letters of one syllable, and the same measure one level up
 * on the syllables of a multi-syllable part, where two syllables count as the same when they are
 * close letter-wise. Syllables are the unit of Vietnamese writing: a typo stays inside one, and a
 * dropped syllable ("Thị Thu" → "Thu") is a syllable-level change.
 */

/**
 * Jaro similarity over any sequence, `same` deciding equality of two items. `minWindow` widens the
 * matching window for short sequences: Jaro's own is 0 below four items, which would never see
 * "Thị Thu" and "Thu" share a syllable.
 */
function jaro<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean, minWindow = 0): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(minWindow, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const usedB = new Uint8Array(b.length);
  const matchedA: T[] = [];
  const matchedAt = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(b.length - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (usedB[j] === 0 && same(a[i] as T, b[j] as T)) {
        usedB[j] = 1;
        matchedAt[i] = 1;
        matchedA.push(a[i] as T);
        break;
      }
    }
  }
  const m = matchedA.length;
  if (m === 0) return 0;
  let k = 0;
  let halfTranspositions = 0;
  for (let j = 0; j < b.length; j++) {
    if (usedB[j] === 0) continue;
    if (!same(matchedA[k] as T, b[j] as T)) halfTranspositions++;
    k++;
  }
  const t = halfTranspositions / 2;
  return (m / a.length + m / b.length + (m - t) / m) / 3;
}

/** Winkler's boost for a common prefix of up to 4 items, scale 0.1. */
function winkler<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean, j: number): number {
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && same(a[prefix] as T, b[prefix] as T)) prefix++;
  return j + prefix * 0.1 * (1 - j);
}

const eq = (x: string, y: string): boolean => x === y;

/** Jaro–Winkler on the letters (code points) of two strings, in [0, 1]. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const x = [...a];
  const y = [...b];
  return winkler(x, y, eq, jaro(x, y, eq));
}

/** Two syllables at or above this letter-wise similarity count as the same syllable. */
export const SYLLABLE_SAME = 0.88;

/**
 * Similarity of two (folded) multi-syllable names: Jaro–Winkler over syllables, where syllables are
 * equal when their letters are `SYLLABLE_SAME`-similar. One syllable each: letter-wise Jaro–Winkler.
 */
export function syllableSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = a.split(" ").filter((s) => s !== "");
  const y = b.split(" ").filter((s) => s !== "");
  if (x.length === 1 && y.length === 1) return jaroWinkler(x[0] as string, y[0] as string);
  const same = (p: string, q: string): boolean => p === q || jaroWinkler(p, q) >= SYLLABLE_SAME;
  return winkler(x, y, same, jaro(x, y, same, 1));
}
