/**
 * Merged cells. OOXML lists merged ranges after all the rows (`<mergeCells>` follows
 * `<sheetData>`), so a reader that streams rows learns of a merge only once the rows are gone;
 * hence a cheap first pass that scans the sheet's raw XML for `<mergeCell ref="…"/>`, and then, in
 * the real pass, the fill: a range merged down one column (the same exam date or doctor for a
 * group of people) gives its first cell's value to every row it spans, with a warning on each;
 * the other columns of a range merged across read as empty, with a warning. A merge does not stay
 * hidden behind a value the team never typed into that row.
 */
import type { CellNote, CellValue } from "./types.ts";

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MERGE_CELL = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/g;
const TAIL_KEEP = 512;

/** Merged ranges from the raw sheet XML, chunk by chunk (a tag may straddle two chunks). */
export async function scanMerges(chunks: AsyncIterable<Buffer | string>): Promise<MergeRange[]> {
  const out: MergeRange[] = [];
  let carry = "";
  for await (const chunk of chunks) {
    const text = carry + (typeof chunk === "string" ? chunk : chunk.toString("utf8"));
    let lastEnd = 0;
    for (const m of text.matchAll(MERGE_CELL)) {
      const [, c1 = "A", r1 = "1", c2 = c1, r2 = r1] = m;
      out.push({ top: Number(r1), left: colNumber(c1), bottom: Number(r2), right: colNumber(c2) });
      lastEnd = (m.index ?? 0) + m[0].length;
    }
    carry = text.slice(Math.max(lastEnd, text.length - TAIL_KEEP));
  }
  return out.filter((r) => r.bottom >= r.top && r.right >= r.left && (r.bottom > r.top || r.right > r.left));
}

/** `A` → 1, `AB` → 28. */
export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

interface Active extends MergeRange {
  value: CellValue;
}

/** Applies the ranges to rows given in sheet order; holds only the ranges not yet passed. */
export function createMergeFill(ranges: readonly MergeRange[]) {
  const pending = [...ranges].sort((a, b) => a.top - b.top);
  let next = 0;
  let active: Active[] = [];
  return (row: number, values: CellValue[], notes: { col: number; note: CellNote }[]): void => {
    while (next < pending.length && (pending[next]?.top ?? Infinity) <= row) {
      const r = pending[next++];
      if (r) active.push({ ...r, value: null });
    }
    active = active.filter((r) => r.bottom >= row);
    for (const r of active) {
      if (r.top === row) r.value = values[r.left - 1] ?? null;
      if (r.value === null || r.value === "") continue;
      if (r.top < row) {
        values[r.left - 1] = r.value;
        notes.push({ col: r.left - 1, note: "merged" });
      }
      for (let c = r.left + 1; c <= r.right; c++) notes.push({ col: c - 1, note: "merged-across" });
    }
  };
}
