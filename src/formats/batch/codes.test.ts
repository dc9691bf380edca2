import { describe, expect, it } from "vitest";
import { createCodeLookups, healthClassCode, padCode, sexCode } from "./codes.ts";

const lookups = createCodeLookups();

describe("coded cells", () => {
  it("reads sex as code or word", () => {
    expect(["1", "2", "3", "Nam", "NỮ", "nu", "Chưa xác định", "x"].map(sexCode)).toEqual(["1", "2", "3", "1", "2", "2", "3", "x"]);
  });

  it("reads the health class as digit, roman numeral or 'Loại …'", () => {
    expect(["2", "II", "Loại III", "loai 4", "V", "6", "tốt"].map(healthClassCode)).toEqual(["2", "2", "3", "4", "5", "6", "tốt"]);
  });

  it("puts back leading zeros Excel dropped", () => {
    expect(padCode("4", 5)).toBe("00004");
    expect(padCode("A1", 5)).toBe("A1");
    expect(lookups.province("1")).toBe("01");
    expect(lookups.ethnicity("1")).toBe("01");
    expect(lookups.commune("4", "01")).toBe("00004");
  });

  it("turns names into codes, leaving unknown text for the checks", () => {
    expect(lookups.ethnicity("Kinh")).toBe("01");
    expect(lookups.ethnicity("Khmer")).toBe("05");
    expect(lookups.province("Thành phố Hà Nội")).toBe("01");
    expect(lookups.province("thanh hoa")).toBe("38");
    expect(lookups.province("Atlantis")).toBe("Atlantis");
    expect(lookups.commune("Phường Ba Đình", "01")).toBe("00004");
    expect(lookups.commune("Ba Đình", null)).toBe("Ba Đình");
  });
});
