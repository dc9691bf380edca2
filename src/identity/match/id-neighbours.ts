/**
 * The 12-digit numbers one keying slip away from a personal ID: one digit replaced (the commonest
 * error, 108 neighbours) or two adjacent digits swapped (up to 11). Used to find the person behind
 * a mistyped ID; the scorer then names the slip (levels `one-digit`, `transposition`).
 */
export function idNeighbours(id: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < id.length; i++) {
    for (let d = 0; d <= 9; d++) {
      const digit = String(d);
      if (digit !== id[i]) out.push(id.slice(0, i) + digit + id.slice(i + 1));
    }
  }
  for (let i = 0; i + 1 < id.length; i++) {
    if (id[i] !== id[i + 1]) out.push(id.slice(0, i) + (id[i + 1] as string) + (id[i] as string) + id.slice(i + 2));
  }
  return out;
}

export type IdRelation = "exact" | "one-digit" | "transposition" | "other";

/** How two 12-digit IDs relate, by the slips `idNeighbours` enumerates. */
export function idRelation(sent: string, held: string): IdRelation {
  if (sent === held) return "exact";
  if (sent.length !== held.length) return "other";
  let first = -1;
  let second = -1;
  for (let i = 0; i < sent.length; i++) {
    if (sent.charCodeAt(i) === held.charCodeAt(i)) continue;
    if (first < 0) first = i;
    else if (second < 0) second = i;
    else return "other";
  }
  if (second < 0) return "one-digit";
  const swapped = second === first + 1 && sent[first] === held[second] && sent[second] === held[first];
  return swapped ? "transposition" : "other";
}
