import { describe, expect, it } from "vitest";
import { parseFraction, parseNumber, parseQualitative } from "./values.ts";

describe("parseNumber", () => {
  it("reads a plain number", () => {
    expect(parseNumber(" 5.6 ")).toEqual({ value: 5.6, decimalComma: false, unit: "" });
  });
  it("reads a comma as the decimal separator and says so", () => {
    expect(parseNumber("5,6")).toEqual({ value: 5.6, decimalComma: true, unit: "" });
  });
  it("keeps a unit typed after the number", () => {
    expect(parseNumber("5.6 mmol/L")).toEqual({ value: 5.6, decimalComma: false, unit: "mmol/L" });
    expect(parseNumber("98%")?.unit).toBe("%");
  });
  it.each(["120/80", "3 - 5", "abc", "", "<0.5", "1.2.3"])("does not read %j as a number", (raw) => {
    expect(parseNumber(raw)).toBeNull();
  });
});

describe("parseFraction", () => {
  it("reads a/b with an optional unit", () => {
    expect(parseFraction("8/10")).toEqual({ top: 8, bottom: 10, unit: "" });
    expect(parseFraction("120 / 80 mmHg")).toEqual({ top: 120, bottom: 80, unit: "mmHg" });
  });
  it("refuses other text", () => {
    expect(parseFraction("120-80")).toBeNull();
  });
});

describe("parseQualitative", () => {
  it.each([
    ["Âm tính", "negative"],
    ["âm tính (-)", "negative"],
    ["(-)", "negative"],
    ["NEG", "negative"],
    ["Bình thường", "negative"],
    ["Dương tính", "positive"],
    ["(+)", "positive"],
    ["Positive", "positive"],
    ["Vết", "trace"],
    ["(±)", "trace"],
    ["2+", "2+"],
    ["(++)", "2+"],
    ["+++", "3+"],
    ["Dương tính 3+", "3+"],
  ] as const)("reads %j as %s", (raw, expected) => {
    expect(parseQualitative(raw)).toBe(expected);
  });
  it("returns null for numbers and narrative", () => {
    expect(parseQualitative("5.6")).toBeNull();
    expect(parseQualitative("Hình ảnh tim phổi")).toBeNull();
  });
});
