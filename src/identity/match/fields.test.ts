import { describe, expect, it } from "vitest";
import { birthFromNumber, birthNumber, birthParts, normalizeAddress, normalizePhone } from "./fields.ts";

describe("normal forms", () => {
  it("reads phones with spaces, dots and the +84 country code alike", () => {
    expect(normalizePhone("+84 912 345 678")).toBe("0912345678");
    expect(normalizePhone("0912.345.678")).toBe("0912345678");
    expect(normalizePhone("12345")).toBeNull();
    expect(normalizePhone(null)).toBeNull();
  });

  it("compares addresses without diacritics, case or punctuation, keeping house numbers", () => {
    expect(normalizeAddress("Số 72, Thôn 12, Xã An Viễn")).toBe(normalizeAddress("so 72 thon 12 xa an vien"));
    expect(normalizeAddress("Số 72, Thôn 12")).not.toBe(normalizeAddress("Số 27, Thôn 12"));
    expect(normalizeAddress("  ")).toBeNull();
  });

  it("keeps only the known parts of a partial birth date (`0000` parts)", () => {
    expect(birthParts("1985-01-01", "year")).toEqual({ year: 1985, month: 0, day: 0, precision: "year" });
    expect(birthParts("1985-06-01", "month")).toEqual({ year: 1985, month: 6, day: 0, precision: "month" });
    expect(birthParts("not a date")).toBeNull();
    const full = birthParts("2001-12-31");
    expect(full && birthFromNumber(birthNumber(full))).toEqual(full);
  });
});
