import { describe, expect, it } from "vitest";
import { createSharedStrings } from "./shared-strings.ts";

describe("shared strings", () => {
  it("give back every string by index while growing, diacritics and empty strings included", () => {
    const table = createSharedStrings();
    const texts = Array.from({ length: 20_000 }, (_, i) => (i % 7 === 0 ? "" : `Nguyễn Thị Ánh ${i}`));
    for (const t of texts) table.add(t);
    expect(table.size).toBe(texts.length);
    expect([0, 1, 6999, 19_999].map((i) => table.get(i))).toEqual([0, 1, 6999, 19_999].map((i) => texts[i]));
    expect(table.get(20_000)).toBeNull();
    expect(table.get(-1)).toBeNull();
  });
});
