import { describe, expect, it } from "vitest";
import { generateCheckups, generateFacilities, generatePopulation } from "../../demo/index.ts";
import { birthDateFromMoment, matchInputFromRecord, matchSex } from "./input.ts";

describe("matchInputFromRecord", () => {
  const population = generatePopulation(3, 400);
  const items = generateCheckups(3, {
    population,
    facilities: generateFacilities(3, 10),
    count: 60,
    from: new Date("2025-03-01T00:00:00+07:00"),
    to: new Date("2025-03-31T00:00:00+07:00"),
  });

  it("reads the patient block as sent, and a child's guardian ID", () => {
    for (const { record } of items) {
      const m = matchInputFromRecord(record);
      expect(m.fullName).toBe(record.patient.fullName);
      expect(m.personalIdRaw).toBe(record.patient.personalId);
      expect(m.communeCode).toBe(record.patient.communeCode);
      expect(m.birthDate?.iso).toBe(record.patient.birthDate?.iso.slice(0, 10));
      expect(m.guardianPersonalId).toBe(record.guardians[0]?.personalId ?? null);
    }
    expect(items.some(({ record }) => matchInputFromRecord(record).guardianPersonalId !== null)).toBe(true);
  });

  it("takes MA_THE_BHYT from the XML1 block when there is one", () => {
    const first = items[0];
    if (!first) throw new Error("no demo check-up");
    const record = { ...first.record, blocks: { ...first.record.blocks, XML1: { MA_THE_BHYT: "GD4790123456789" } } };
    expect(matchInputFromRecord(record).insuranceNumber).toBe("GD4790123456789");
  });
});

describe("birthDateFromMoment / matchSex", () => {
  it("keeps the precision of a partial date and drops the time", () => {
    expect(birthDateFromMoment({ raw: "198500000000", iso: "1985-01-01", precision: "year" })).toEqual({ raw: "198500000000", iso: "1985-01-01", precision: "year" });
    expect(birthDateFromMoment({ raw: "198503070830", iso: "1985-03-07T08:30", precision: "minute" })?.precision).toBe("day");
    expect(birthDateFromMoment(null)).toBeNull();
  });

  it("compares sex 1 and 2 only", () => {
    expect(matchSex(" 1 ")).toBe("1");
    expect(matchSex("3")).toBeNull();
    expect(matchSex(null)).toBeNull();
  });
});
