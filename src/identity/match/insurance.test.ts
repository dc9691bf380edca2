import { describe, expect, it } from "vitest";
import { parseInsuranceCard, socialInsuranceNumber } from "./insurance.ts";

describe("parseInsuranceCard", () => {
  it("reads group, benefit level, province and the 10-digit BHXH number (standards.md §7.2)", () => {
    expect(parseInsuranceCard("GD4790123456789")).toEqual({
      group: "GD",
      benefitLevel: 4,
      provinceCode: "79",
      socialInsuranceNumber: "0123456789",
    });
  });

  it("refuses other layouts", () => {
    for (const bad of ["GD6790123456789", "G14790123456789", "GD479012345678", "GD47901234567890", ""]) {
      expect(parseInsuranceCard(bad)).toBeNull();
    }
  });
});

describe("socialInsuranceNumber", () => {
  it("takes the card's last 10 digits, the bare number, or the first readable of several cards", () => {
    expect(socialInsuranceNumber("dn1010123456789")).toBe("0123456789");
    expect(socialInsuranceNumber(" 0123456789 ")).toBe("0123456789");
    expect(socialInsuranceNumber("XX;HC1011111111111")).toBe("1111111111");
  });

  it("gives null when there is no number", () => {
    expect(socialInsuranceNumber(null)).toBeNull();
    expect(socialInsuranceNumber("12345")).toBeNull();
  });
});
