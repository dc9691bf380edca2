import { describe, expect, it } from "vitest";
import { buildCheckup, moment } from "../../../test/factories/checkup.ts";
import { evidenceKey } from "./evidence.ts";

const patient = (o: Parameters<typeof buildCheckup>[0] = {}) => buildCheckup(o).patient;

describe("evidence key", () => {
  it("is shared by records saying the same, however the name is typed", () => {
    expect(evidenceKey(patient({ patient: { fullName: "NGUYỄN VĂN  AN" } }))).toBe(evidenceKey(patient()));
  });

  it("differs when any of name (tones included), birth date, sex, ID or commune differs", () => {
    const base = evidenceKey(patient());
    for (const p of [{ fullName: "Nguyễn Văn Ân" }, { birthDate: moment("1990-05-13") }, { sex: "2" }, { personalId: "001090012346" }, { communeCode: "00007" }]) {
      expect(evidenceKey(patient({ patient: p }))).not.toBe(base);
    }
  });

  it("is null for records that say too little to stand for one person", () => {
    expect(evidenceKey(patient({ patient: { birthDate: { raw: "199000000000", iso: "1990-01-01", precision: "year" } } }))).toBeNull();
    expect(evidenceKey(patient({ patient: { fullName: null } }))).toBeNull();
    expect(evidenceKey(patient({ patient: { sex: "3" } }))).toBeNull();
  });
});
