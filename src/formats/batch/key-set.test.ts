import { describe, expect, it } from "vitest";
import { createKeySet } from "./key-set.ts";

describe("key set", () => {
  it("returns the earlier row of a repeated key", () => {
    const keys = createKeySet();
    expect(keys.add("A-1", 2)).toBeNull();
    expect(keys.add("A-2", 3)).toBeNull();
    expect(keys.add("A-1", 9)).toBe(2);
  });

  it("tells 200,000 distinct keys apart while growing", () => {
    const keys = createKeySet();
    let repeats = 0;
    for (let i = 0; i < 200_000; i++) if (keys.add(`2026-D1-DOI-3-ABC123-${i}`, i + 2) !== null) repeats++;
    expect(repeats).toBe(0);
    expect(keys.add("2026-D1-DOI-3-ABC123-199999", 1)).toBe(200_001);
  });
});
