import { describe, expect, it } from "vitest";
import { adminUnits } from "../reference/data.ts";
import { generateFacilities, gs1CheckDigit } from "./facilities.ts";
import { FACILITY_KINDS } from "./types.ts";

const facilities = generateFacilities(3, 200);

describe("generateFacilities", () => {
  it("is deterministic per seed", () => {
    expect(generateFacilities(3, 50)).toEqual(generateFacilities(3, 50));
    expect(generateFacilities(4, 50)).not.toEqual(generateFacilities(3, 50));
  });

  it("covers every kind and every province", () => {
    expect(new Set(facilities.map((f) => f.kind))).toEqual(new Set(FACILITY_KINDS));
    expect(new Set(generateFacilities(1, 4).map((f) => f.kind))).toEqual(new Set(FACILITY_KINDS));
    expect(new Set(facilities.map((f) => f.provinceCode)).size).toBe(34);
  });

  it("issues 5-character codes under the province and valid 893 GLNs, all unique", () => {
    const communes = new Map(adminUnits().communes.map((c) => [c.code, c.provinceCode]));
    for (const f of facilities) {
      expect(f.code).toMatch(/^\d{5}$/);
      expect(f.code.slice(0, 2)).toBe(f.provinceCode);
      expect(f.gln).toMatch(/^893\d{10}$/);
      expect(gs1CheckDigit(f.gln.slice(0, 12))).toBe(f.gln[12]);
      expect(communes.get(f.communeCode)).toBe(f.provinceCode);
    }
    for (const field of ["code", "gln", "name", "username"] as const) {
      expect(new Set(facilities.map((f) => f[field])).size).toBe(facilities.length);
    }
  });

  it("names facilities in Vietnamese by kind", () => {
    const prefix = { hospital: "Bệnh viện", commune_station: "Trạm Y tế", clinic: "Phòng khám Đa khoa", mobile_team: "Đội khám lưu động" };
    for (const f of facilities) expect(f.name.startsWith(prefix[f.kind])).toBe(true);
  });

  it("computes the GS1 check digit", () => {
    expect(gs1CheckDigit("400638133393")).toBe("1"); // GS1's worked example 4006381333931
  });
});
