import { describe, expect, it } from "vitest";
import { displayUnit, formatBand, formatNumber } from "./number.ts";
import { toneOf } from "./interpretation.ts";

describe("numbers and units", () => {
  it("uses a decimal comma in Vietnamese and a point in English", () => {
    expect(formatNumber(22.5, "vi")).toBe("22,5");
    expect(formatNumber(22.5, "en")).toBe("22.5");
    expect(formatNumber(1234, "vi")).toBe("1234");
    expect(formatNumber(null, "vi")).toBe("");
  });

  it("writes UCUM units the way a report prints them", () => {
    expect(displayUnit("mm[Hg]")).toBe("mmHg");
    expect(displayUnit("kg/m2")).toBe("kg/m²");
    expect(displayUnit("mmol/L")).toBe("mmol/L");
  });

  it("writes normal bands with one or both limits", () => {
    expect(formatBand(90, 139, "mm[Hg]", "vi")).toBe("90–139 mmHg");
    expect(formatBand(null, 5.2, "mmol/L", "vi")).toBe("≤ 5,2 mmol/L");
    expect(formatBand(18.5, null, "kg/m2", "en")).toBe("≥ 18.5 kg/m²");
  });

  it("gives every interpretation code a tone", () => {
    expect(toneOf("HH")).toBe("high");
    expect(toneOf("NEG")).toBe("normal");
    expect(toneOf("POS")).toBe("abnormal");
    expect(toneOf(null)).toBe("unknown");
  });
});
