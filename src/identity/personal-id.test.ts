import { describe, expect, it } from "vitest";
import { classifyPersonalId, encodePersonalId } from "./personal-id.ts";

describe("classifyPersonalId", () => {
  it("reads a 12-digit ID that agrees with the record", () => {
    const info = classifyPersonalId("001090012345", { birthYear: 1990, sex: "1" });
    expect(info).toEqual({
      kind: "personal-id",
      prefix: "001",
      prefixProvince: "01",
      sexFromId: "male",
      birthCentury: 1900,
      yearDigits: "90",
      problems: [],
    });
  });

  it("reads century and sex from digit 4 (odd = female, 2/3 = 2000s)", () => {
    const info = classifyPersonalId("079305000001", { birthYear: 2005, sex: "2" });
    expect(info.sexFromId).toBe("female");
    expect(info.birthCentury).toBe(2000);
    expect(info.problems).toEqual([]);
  });

  it("maps an old prefix to its 2025 province for statistics", () => {
    expect(classifyPersonalId("030190000001").prefixProvince).toBe("31"); // Hải Dương → Hải Phòng
  });

  it("reports sex disagreeing with GIOI_TINH", () => {
    expect(classifyPersonalId("001090012345", { birthYear: 1990, sex: "2" }).problems).toEqual(["sex-mismatch"]);
  });

  it("does not compare sex 3 (undetermined)", () => {
    expect(classifyPersonalId("001090012345", { birthYear: 1990, sex: "3" }).problems).toEqual([]);
  });

  it("reports a birth year that differs in the year digits or in the century", () => {
    expect(classifyPersonalId("001091012345", { birthYear: 1990 }).problems).toEqual(["birth-year-mismatch"]);
    expect(classifyPersonalId("001290012345", { birthYear: 1990 }).problems).toEqual(["birth-year-mismatch"]);
  });

  it("reports a prefix outside the 63-code list, and still reads the other digits", () => {
    const info = classifyPersonalId("003090012345", { birthYear: 1990, sex: "1" });
    expect(info.problems).toEqual(["prefix-unknown"]);
    expect(info.prefixProvince).toBeUndefined();
    expect(info.sexFromId).toBe("male");
  });

  it.each([
    ["123456789", "old-id-card"],
    ["C1234567", "passport"],
    ["AB123456", "passport"],
    ["", "blank"],
    ["   ", "blank"],
    ["0010900123", "other"],
    ["00109001234X", "other"],
  ] as const)("classifies %j as %s", (raw, kind) => {
    const info = classifyPersonalId(raw);
    expect(info.kind).toBe(kind);
    expect(info.problems).toEqual([]);
  });

  it("treats null as blank", () => {
    expect(classifyPersonalId(null).kind).toBe("blank");
  });
});

describe("encodePersonalId", () => {
  it("builds an ID that classifies back to the same facts", () => {
    const id = encodePersonalId("079", "female", 2003, 42);
    expect(id).toBe("079303000042");
    expect(classifyPersonalId(id, { birthYear: 2003, sex: "2" }).problems).toEqual([]);
  });

  it("accepts GIOI_TINH codes for sex", () => {
    expect(encodePersonalId("001", "1", 1985, 7)).toBe("001085000007");
  });

  it("refuses impossible input", () => {
    expect(() => encodePersonalId("01", "male", 1990, 1)).toThrow(RangeError);
    expect(() => encodePersonalId("001", "male", 1850, 1)).toThrow(RangeError);
    expect(() => encodePersonalId("001", "male", 1990, 1_000_000)).toThrow(RangeError);
  });
});
