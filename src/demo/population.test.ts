import { describe, expect, it } from "vitest";
import { adminUnits, idPrefixes } from "../reference/data.ts";
import { ageOn } from "./dates.ts";
import { generatePopulation } from "./population.ts";
import type { DemoPerson } from "./types.ts";

const REF = "2025-01-01";
const people = generatePopulation(11, 10_000, { referenceDate: REF });
const byId = new Map(people.map((p) => [p.personalId, p]));

describe("generatePopulation", () => {
  it("gives the same people for the same seed, others for another seed", () => {
    expect(generatePopulation(5, 300)).toEqual(generatePopulation(5, 300));
    const other = generatePopulation(6, 300).map((p) => p.personalId);
    expect(generatePopulation(5, 300).map((p) => p.personalId)).not.toEqual(other);
  });

  it("makes personal IDs unique and consistent with sex, birth year and province", () => {
    expect(byId.size).toBe(people.length);
    const prefixProvince = new Map(idPrefixes().map((p) => [p.prefix, p.currentProvinceCode]));
    for (const p of people) {
      expect(p.personalId).toMatch(/^\d{12}$/);
      const year = Number(p.birthDate.slice(0, 4));
      const digit4 = Number(p.personalId[3]);
      expect(digit4 % 2).toBe(p.sex === "1" ? 0 : 1);
      expect(Math.floor(digit4 / 2)).toBe(Math.floor(year / 100) - 19);
      expect(p.personalId.slice(4, 6)).toBe(String(year % 100).padStart(2, "0"));
      expect(prefixProvince.get(p.personalId.slice(0, 3))).toBe(p.provinceCode);
    }
  });

  it("follows the published family-name shares (Nguyễn ≈ 38 %)", () => {
    const share = (...names: string[]): number => people.filter((p) => names.includes(p.familyName)).length / people.length;
    expect(share("Nguyễn")).toBeGreaterThan(0.36);
    expect(share("Nguyễn")).toBeLessThan(0.41);
    expect(share("Trần")).toBeCloseTo(0.11, 1);
    expect(share("Lê")).toBeCloseTo(0.095, 1);
    expect(share("Hoàng", "Huỳnh")).toBeCloseTo(0.051, 1);
    // Names carry diacritics, and most women's middle names start with Thị.
    expect(people.some((p) => p.fullName !== p.fullName.normalize("NFD"))).toBe(true);
    const women = people.filter((p) => p.sex === "2");
    expect(women.filter((p) => p.middleName.startsWith("Thị")).length / women.length).toBeGreaterThan(0.4);
  });

  it("gives every child a parent of a plausible age at the same address", () => {
    const children = people.filter((p) => ageOn(p.birthDate, REF) < 18);
    expect(children.length / people.length).toBeGreaterThan(0.18); // WPP 2024: 0–17 ≈ 23 %
    for (const child of children) {
      const guardian = byId.get(child.guardianPersonalId ?? "") as DemoPerson;
      expect(guardian).toBeDefined();
      expect(ageOn(guardian.birthDate, REF)).toBeGreaterThanOrEqual(18);
      expect(Number(child.birthDate.slice(0, 4)) - Number(guardian.birthDate.slice(0, 4))).toBeGreaterThanOrEqual(16);
      expect(guardian.address).toBe(child.address);
      expect(guardian.householdId).toBe(child.householdId);
    }
    const sameName = children.filter((c) => byId.get(c.guardianPersonalId ?? "")?.familyName === c.familyName);
    expect(sameName.length / children.length).toBeGreaterThan(0.6);
    expect(people.filter((p) => ageOn(p.birthDate, REF) >= 18 && p.guardianPersonalId).length).toBe(0);
  });

  it("places people in 2025 communes of their province, in an address naming both", () => {
    const units = adminUnits();
    const communes = new Map(units.communes.map((c) => [c.code, c]));
    const provinces = new Map(units.provinces.map((p) => [p.code, p]));
    for (const p of people.slice(0, 2000)) {
      const commune = communes.get(p.communeCode);
      expect(commune?.provinceCode).toBe(p.provinceCode);
      expect(p.address).toContain(commune?.fullName);
      expect(p.address).toContain(provinces.get(p.provinceCode)?.fullName);
    }
    // Weighted by population: Hồ Chí Minh City (≈ 12 % of the figures) outnumbers Lai Châu (< 1 %).
    const inProvince = (code: string): number => people.filter((p) => p.provinceCode === code).length;
    expect(inProvince("79")).toBeGreaterThan(5 * inProvince("12"));
  });

  it("follows the age–sex pyramid", () => {
    const over65 = people.filter((p) => ageOn(p.birthDate, REF) >= 65).length / people.length;
    expect(over65).toBeGreaterThan(0.075); // WPP 2024: 65+ ≈ 9.5 %
    expect(over65).toBeLessThan(0.115);
    const women80 = people.filter((p) => ageOn(p.birthDate, REF) >= 80);
    expect(women80.filter((p) => p.sex === "2").length / women80.length).toBeGreaterThan(0.6);
  });
});
