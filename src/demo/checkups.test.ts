import { describe, expect, it } from "vitest";
import { checkupStream, generateCheckups, type CheckupOptions } from "./checkups.ts";
import { ageOn } from "./dates.ts";
import { DEFAULT_DEFECT_RATES } from "./defects.ts";
import { generateFacilities } from "./facilities.ts";
import { generatePopulation } from "./population.ts";
import { DEFECTS, type Defect, type DefectRates, type DemoCheckup } from "./types.ts";

const population = generatePopulation(21, 3000);
const facilities = generateFacilities(21, 60);
const from = new Date("2026-01-01T00:00:00+07:00");
const to = new Date("2026-06-30T23:59:59+07:00");
const base: CheckupOptions = { population, facilities, count: 400, from, to };
const NONE = Object.fromEntries(DEFECTS.map((d) => [d, 0])) as DefectRates;
const clean = generateCheckups(5, { ...base, count: 3000, defectRates: NONE });
const byId = new Map(population.map((p) => [p.personalId, p]));

const value = (c: DemoCheckup, key: string): number => Number(c.record.observations.find((o) => o.key === key)?.valueRaw);

describe("generateCheckups", () => {
  it("gives the same check-ups for the same seed and others for another seed", () => {
    const a = generateCheckups(1, base);
    expect(generateCheckups(1, base)).toEqual(a);
    expect(generateCheckups(2, base).map((c) => c.record.maLk + c.label.personalId)).not.toEqual(a.map((c) => c.record.maLk + c.label.personalId));
  });

  it("keeps exam times in [from, to] and MA_LK unique per facility", () => {
    const keys = new Set<string>();
    for (const c of clean) {
      const exam = Date.parse(`${c.record.examTime?.iso}:00+07:00`);
      expect(exam).toBeGreaterThanOrEqual(from.getTime());
      expect(exam).toBeLessThanOrEqual(to.getTime());
      expect(c.receivedAt.getTime()).toBeGreaterThan(exam);
      expect(c.receivedAt.getTime() - exam).toBeLessThanOrEqual(24 * 3_600_000);
      keys.add(`${c.record.facilityCode}/${c.record.maLk}`);
    }
    expect(keys.size).toBe(clean.length);
  });

  it("uses the form of the age group at the exam, mostly adults, with guardians for children", () => {
    const forms = { adult: "Adult", minor_6_18: "Minor", child_under_6: "ChildUnder" } as const;
    for (const c of clean) {
      const person = byId.get(c.label.personalId);
      const age = ageOn(person?.birthDate ?? "", c.record.examTime?.iso.slice(0, 10) ?? "");
      const group = age < 6 ? "child_under_6" : age < 18 ? "minor_6_18" : "adult";
      expect(c.record.ageGroup).toBe(group);
      expect(c.record.formType).toBe(forms[group]);
      if (group !== "adult") expect(c.record.guardians[0]?.personalId).toBe(person?.guardianPersonalId);
    }
    expect(clean.filter((c) => c.record.ageGroup === "adult").length / clean.length).toBeGreaterThan(0.65);
  });

  it("fills observations as a parser would: raw text kept, derived fields empty", () => {
    const adult = clean.find((c) => c.record.ageGroup === "adult") as DemoCheckup;
    const keys = adult.record.observations.flatMap((o) => (o.key ? [o.key] : []));
    expect(keys).toEqual(expect.arrayContaining(["body_height", "body_weight", "bmi", "pulse", "bp_systolic", "bp_diastolic"]));
    const cls = adult.record.observations.filter((o) => o.path.includes("/XML11/CHI_TIET_CLS["));
    expect(cls.length).toBeGreaterThanOrEqual(20);
    for (const o of adult.record.observations) {
      expect(o.value).toBeNull();
      expect(o.unit).toBeNull();
      expect(o.loinc).toBeNull();
      expect(o.name).not.toBe("");
      expect(o.localCode).not.toBeNull();
      if (o.path.includes("CHI_TIET_CLS")) expect(o.key).toBeNull();
    }
  });

  it("raises blood pressure with age and lands raised BP near the profile's 19–28 %", () => {
    const adults = clean.filter((c) => c.record.ageGroup === "adult");
    const age = (c: DemoCheckup): number => ageOn(byId.get(c.label.personalId)?.birthDate ?? "", c.record.examTime?.iso.slice(0, 10) ?? "");
    const meanSbp = (lo: number, hi: number): number => {
      const group = adults.filter((c) => age(c) >= lo && age(c) <= hi);
      return group.reduce((s, c) => s + value(c, "bp_systolic"), 0) / group.length;
    };
    expect(meanSbp(18, 34)).toBeLessThan(meanSbp(35, 54));
    expect(meanSbp(35, 54)).toBeLessThan(meanSbp(55, 120));
    const working = adults.filter((c) => age(c) <= 69);
    const raised = working.filter((c) => value(c, "bp_systolic") >= 140 || value(c, "bp_diastolic") >= 90).length / working.length;
    expect(raised).toBeGreaterThan(0.14);
    expect(raised).toBeLessThan(0.3);
    const hypertensive = adults.filter((c) => value(c, "bp_systolic") >= 140 || value(c, "bp_diastolic") >= 90);
    expect(hypertensive.every((c) => c.record.conditions.some((d) => d.icd10 === "I10"))).toBe(true);
  });

  it("concludes with the worst specialty class", () => {
    for (const c of clean.filter((c) => c.record.ageGroup !== "child_under_6")) {
      const worst = Math.max(...c.record.exams.map((e) => Number(e.healthClass)));
      expect(c.record.conclusion.healthClass).toBe(String(worst));
    }
  });

  it("injects each defect at its rate and labels it", () => {
    const counts = Object.fromEntries(DEFECTS.map((d) => [d, 0])) as Record<string, number>;
    let n = 0;
    let adults = 0;
    for (const c of checkupStream(8, { ...base, count: 20_000 })) {
      if (c.label.defects.includes("duplicate")) {
        counts.duplicate = (counts.duplicate ?? 0) + 1;
        continue;
      }
      n++;
      if (c.record.ageGroup === "adult") adults++;
      for (const d of c.label.defects) counts[d] = (counts[d] ?? 0) + 1;
    }
    const within = (observed: number, rate: number, of: number): void => {
      const sd = Math.sqrt(of * rate * (1 - rate));
      expect(Math.abs(observed - of * rate)).toBeLessThan(4.5 * sd + 1);
    };
    within(counts.duplicate ?? 0, DEFAULT_DEFECT_RATES.duplicate, 20_000);
    within(counts.unit_mixup_glucose ?? 0, DEFAULT_DEFECT_RATES.unit_mixup_glucose, adults);
    for (const d of ["wrong_id", "name_typo", "unit_mixup_height", "out_of_range", "late_push"] as const) within(counts[d] ?? 0, DEFAULT_DEFECT_RATES[d], n);
    within(counts.missing_id ?? 0, DEFAULT_DEFECT_RATES.missing_id, n);
  });

  it("makes every labelled defect visible in the record", () => {
    const rates = { ...NONE, wrong_id: 0.1, missing_id: 0.1, name_typo: 0.1, unit_mixup_glucose: 0.1, unit_mixup_height: 0.1, out_of_range: 0.1, duplicate: 0.1, late_push: 0.1 };
    const items = generateCheckups(9, { ...base, count: 1500, defectRates: rates });
    const seen = new Set<string>();
    for (const c of items) {
      const truth = byId.get(c.label.personalId);
      const has = (d: Defect): boolean => c.label.defects.includes(d);
      for (const d of c.label.defects) seen.add(d);
      const exam = Date.parse(`${c.record.examTime?.iso}:00+07:00`);
      expect(c.receivedAt.getTime() - exam > 24 * 3_600_000).toBe(has("late_push"));
      if (has("duplicate")) continue;
      expect(c.record.patient.personalId === null).toBe(has("missing_id"));
      if (has("wrong_id")) expect(c.record.patient.personalId).not.toBe(truth?.personalId);
      if (!has("wrong_id") && !has("missing_id")) expect(c.record.patient.personalId).toBe(truth?.personalId);
      expect(c.record.patient.fullName !== truth?.fullName).toBe(has("name_typo"));
      const height = value(c, "body_height");
      if (has("unit_mixup_height")) expect(height).toBeLessThan(3);
      if (has("out_of_range")) expect(c.record.observations.some((o) => o.key !== null && Number(o.valueRaw) > 250)).toBe(true);
      if (has("unit_mixup_glucose")) {
        const glucose = c.record.observations.find((o) => o.serviceCode === "23.0075.1494");
        expect(Number(glucose?.valueRaw)).toBeGreaterThan(50);
        expect(glucose?.unitRaw?.toLowerCase()).toBe("mmol/l");
      }
    }
    expect([...seen].sort()).toEqual([...DEFECTS].sort());
    // A duplicate is the same record sent again.
    const dup = items.find((c) => c.label.defects.includes("duplicate")) as DemoCheckup;
    const original = items.find((c) => c !== dup && c.record.maLk === dup.record.maLk && c.record.facilityCode === dup.record.facilityCode);
    expect(original?.record).toEqual(dup.record);
    expect(dup.receivedAt.getTime()).toBeGreaterThan(original?.receivedAt.getTime() ?? Infinity);
  });
});
