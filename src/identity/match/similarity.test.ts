import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jaroWinkler, syllableSimilarity } from "./similarity.ts";

describe("jaroWinkler", () => {
  it("matches the published examples (Winkler 1990)", () => {
    expect(jaroWinkler("martha", "marhta")).toBeCloseTo(0.961, 3);
    expect(jaroWinkler("dwayne", "duane")).toBeCloseTo(0.84, 3);
    expect(jaroWinkler("dixon", "dicksonx")).toBeCloseTo(0.813, 3);
  });

  it("is 1 for equal strings, 0 with nothing in common, symmetric and within [0, 1]", () => {
    expect(jaroWinkler("anh", "anh")).toBe(1);
    expect(jaroWinkler("abc", "xyz")).toBe(0);
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = jaroWinkler(a, b);
        return s >= 0 && s <= 1 && Math.abs(s - jaroWinkler(b, a)) < 1e-12;
      }),
    );
  });
});

describe("syllableSimilarity", () => {
  it("sees a typo inside one syllable of a multi-syllable name", () => {
    expect(syllableSimilarity("thi thu", "thi thuu")).toBeGreaterThan(0.9);
    expect(syllableSimilarity("van", "van")).toBe(1);
  });

  it("tells different names apart (Minh/Linh, Văn/Thị)", () => {
    expect(syllableSimilarity("minh", "linh")).toBeLessThan(0.88);
    expect(syllableSimilarity("van", "thi")).toBeLessThan(0.5);
  });

  it("counts a dropped middle syllable as partly similar", () => {
    const s = syllableSimilarity("thi thu", "thu");
    expect(s).toBeGreaterThan(0.5);
    expect(s).toBeLessThan(0.88);
  });
});
