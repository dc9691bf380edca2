import { describe, expect, it } from "vitest";
import { createRng, deriveSeed, weightedTable } from "./rng.ts";

const draws = (seed: number): number[] => {
  const rng = createRng(seed);
  return Array.from({ length: 20 }, () => rng.int(0, 1_000_000));
};

describe("rng", () => {
  it("repeats a stream for a seed and differs between seeds", () => {
    expect(draws(42)).toEqual(draws(42));
    expect(draws(42)).not.toEqual(draws(43));
  });

  it("keeps int within bounds and float in [0, 1)", () => {
    const rng = createRng(1);
    for (let i = 0; i < 10_000; i++) {
      const n = rng.int(3, 7);
      expect(n >= 3 && n <= 7 && Number.isInteger(n)).toBe(true);
      const f = rng.float();
      expect(f >= 0 && f < 1).toBe(true);
    }
  });

  it("samples a weighted table in proportion to its weights", () => {
    const rng = createRng(7);
    const table = weightedTable([["a", 1], ["b", 3], ["c", 0], ["d", 6]] as const);
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const k = rng.weighted(table);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect(counts.get("c")).toBeUndefined();
    expect((counts.get("a") ?? 0) / 20_000).toBeCloseTo(0.1, 1);
    expect((counts.get("d") ?? 0) / 20_000).toBeCloseTo(0.6, 1);
  });

  it("draws normals with the requested mean and spread", () => {
    const rng = createRng(9);
    const xs = Array.from({ length: 20_000 }, () => rng.normal(10, 2));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeCloseTo(2, 1);
  });

  it("derives distinct sub-stream seeds per label", () => {
    expect(deriveSeed(1, "defects")).toBe(deriveSeed(1, "defects"));
    expect(deriveSeed(1, "defects")).not.toBe(deriveSeed(1, "style"));
    expect(deriveSeed(1, "defects")).not.toBe(deriveSeed(2, "defects"));
  });
});
