import { describe, expect, it } from "vitest";
import { colNumber, createMergeFill, scanMerges } from "./merges.ts";
import type { CellNote, CellValue } from "./types.ts";

async function* chunks(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

describe("merged cells", () => {
  const xml = '<sheetData>…</sheetData><mergeCells count="3"><mergeCell ref="J3:J5"/><mergeCell ref="B8:C8"/><x:mergeCell ref="AA10:AB10"/></mergeCells>';

  it("are found in the raw sheet XML, whatever the chunking", async () => {
    for (const size of [3, 7, 1000]) {
      expect(await scanMerges(chunks(xml, size))).toEqual([
        { top: 3, left: 10, bottom: 5, right: 10 },
        { top: 8, left: 2, bottom: 8, right: 3 },
        { top: 10, left: 27, bottom: 10, right: 28 },
      ]);
    }
    expect(colNumber("AB")).toBe(28);
  });

  it("give the first cell's value down the column and mark the cells across", () => {
    const fill = createMergeFill([{ top: 3, left: 2, bottom: 4, right: 3 }]);
    const run = (row: number, values: CellValue[]) => {
      const notes: { col: number; note: CellNote }[] = [];
      fill(row, values, notes);
      return { values, notes };
    };
    expect(run(3, ["a", "20/11/2026", null])).toEqual({ values: ["a", "20/11/2026", null], notes: [{ col: 2, note: "merged-across" }] });
    expect(run(4, ["b", null, null])).toEqual({
      values: ["b", "20/11/2026", null],
      notes: [{ col: 1, note: "merged" }, { col: 2, note: "merged-across" }],
    });
    expect(run(5, ["c", null, null])).toEqual({ values: ["c", null, null], notes: [] });
  });
});
