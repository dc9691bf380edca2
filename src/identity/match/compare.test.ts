import { describe, expect, it } from "vitest";
import { birthLevel } from "./compare.ts";
import { birthParts } from "./fields.ts";
import type { BirthPrecision } from "./types.ts";

const held = birthParts("1985-03-07");
const level = (iso: string, precision: BirthPrecision = "day") => {
  if (!held) throw new Error("fixture");
  return birthLevel(birthParts(iso, precision), held);
};

describe("birthLevel", () => {
  it.each([
    ["1985-03-07", "day", "exact"],
    ["1985-07-03", "day", "swapped"],
    ["1958-03-07", "day", "year-typo"],
    ["1986-03-07", "day", "year-typo"],
    ["1985-03-17", "day", "year-month"],
    ["1985-01-01", "day", "jan-first"],
    ["1985-01-01", "year", "year-only"],
    ["1985-03-01", "month", "month-only"],
    ["1985-04-01", "month", "disagree"],
    ["1984-01-01", "year", "disagree"],
    ["1990-11-20", "day", "disagree"],
  ] as const)("%s (%s) against 1985-03-07 is %s", (iso, precision, expected) => {
    expect(level(iso, precision)).toBe(expected);
  });

  it("says nothing when the record has no birth date", () => {
    expect(birthLevel(null, held ?? { year: 0, month: 0, day: 0, precision: "day" })).toBe("missing");
  });
});
