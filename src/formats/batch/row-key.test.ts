import { describe, expect, it } from "vitest";
import type { Finding } from "../../checkup/finding.ts";
import { schoolContext } from "./fixtures/programme.ts";
import type { RowCells } from "./row-cells.ts";
import { keySlug, programmeKeyPrefix, rowKey } from "./row-key.ts";

const cells = (values: Record<string, string>, row = 7): RowCells => ({
  row,
  has: (k) => k in values,
  value: (k) => values[k],
  text: (k) => values[k]?.trim() || null,
});

describe("row keys", () => {
  const prefix = programmeKeyPrefix(schoolContext().programme);

  it("build round, team and an organisation tag", () => {
    expect(prefix).toMatch(/^2026-D1-DOI-3-[0-9A-F]{6}$/);
    expect(keySlug("Đợt 1 / 2026")).toBe("DOT-1-2026");
  });

  it("keep two schools of the same team and round apart", () => {
    expect(programmeKeyPrefix(schoolContext({ organisation: "Trường Tiểu học Lê Lợi" }).programme)).not.toBe(prefix);
    expect(programmeKeyPrefix(schoolContext({ organisation: "TRƯỜNG THCS KIM MÃ" }).programme)).toBe(prefix);
  });

  it("use MA_LK when given, else STT, with 012 and 12 the same", () => {
    const sink: Finding[] = [];
    expect(rowKey(cells({ MA_LK: "KSK-77", STT: "3" }), prefix, sink)).toBe("KSK-77");
    expect(rowKey(cells({ STT: "012" }), prefix, sink)).toBe(`${prefix}-12`);
    expect(rowKey(cells({ STT: "12" }), prefix, sink)).toBe(`${prefix}-12`);
    expect(sink).toEqual([]);
  });

  it("fall back to the row number with a warning", () => {
    const sink: Finding[] = [];
    expect(rowKey(cells({ STT: " " }, 9), prefix, sink)).toBe(`${prefix}-R9`);
    expect(sink.map((f) => [f.code, f.path])).toEqual([["BATCH-KEY-ROW", "ROW[9]/STT"]]);
  });
});
