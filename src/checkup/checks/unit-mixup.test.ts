import { describe, expect, it } from "vitest";
import { buildCatalogueIndex } from "../catalogue-index.ts";
import { buildMixupHints, parseHints } from "./unit-mixup.ts";

const index = buildCatalogueIndex();

describe("plausibleRange notes", () => {
  it("every note that names a probable unit turns into a hint", () => {
    for (const [key, ie] of index.byKey) {
      if (!/probably/.test(ie.entry.plausibleRange?.note ?? "")) continue;
      expect(parseHints(ie), key).not.toEqual([]);
    }
  });

  it("reads ranges, 'a value <' and 'larger values'", () => {
    const hints = buildMixupHints(index);
    expect(hints.get("glucose_fasting")?.[0]).toMatchObject({ min: 20, max: 900, option: { label: "mg/dL" } });
    expect(hints.get("body_height")?.[0]).toMatchObject({ min: -Infinity, max: 3, option: { label: "m" } });
    expect(hints.get("hearing_right_ear")?.[0]).toMatchObject({ min: 10, max: Infinity, option: { label: "cm" } });
    expect(hints.get("body_temperature")?.[0]?.option.convert?.(98.6)).toBeCloseTo(37, 5);
  });
});
