import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CheckupRecord } from "../../checkup/model.ts";
import { parseKsk } from "../ksk/parse.ts";
import { parseFhirBundle } from "./parse.ts";
import { SID } from "./systems.ts";
import { createFhirValidator } from "./validate.ts";
import { writeFhirBundle, type WriteFhirOptions } from "./write.ts";

const validator = createFhirValidator();
const KSK = ["adult.inline", "child-under-6.inline", "minor-pretty.inline", "compact-driver.inline"];
const kskRecords = (name: string): CheckupRecord[] =>
  parseKsk(readFileSync(new URL(`../ksk/fixtures/${name}.xml`, import.meta.url))).records.map((r) => r.record);
const counter = () => {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
};
const write = (records: readonly CheckupRecord[], options: WriteFhirOptions = {}) =>
  JSON.parse(JSON.stringify(writeFhirBundle(records, { uuid: counter(), timestamp: "2026-11-21T08:00:00+07:00", ...options }))) as Record<string, unknown>;

const DECIMAL = /^(<=|>=|<|>)?-?\d+(\.\d+)?$/;
/** A decimal as a JSON number: `21.0` comes back `21`. */
const numeric = (raw: string | null) => (raw !== null && DECIMAL.test(raw) ? raw.replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "") : raw);

/**
 * The fields FHIR carries, without positions (paths) and what the normaliser derives. Two known
 * losses (write-clinical.ts): trailing zeros of a decimal, and a unit sent with a text result.
 */
function mainFields(r: CheckupRecord) {
  const m = (x: { iso: string; precision: string } | null) => (x === null ? null : `${x.iso}/${x.precision}`);
  const p = r.patient;
  return {
    maLk: r.maLk,
    facility: [r.facilityCode, r.facilityGln],
    visit: [r.formType, r.ageGroup, m(r.examTime), r.visitType, r.targetGroups, r.fundingSource, r.reason],
    patient: [p.fullName, m(p.birthDate), p.sex, p.personalId, p.ethnicity, p.nationality, p.occupation, p.workplace, p.phone],
    address: [p.address, p.provinceCode, p.communeCode, p.districtCode],
    guardians: r.guardians.filter((g) => g.fullName ?? g.phone).map((g) => [g.kind, g.fullName, g.relationship, g.phone]),
    observations: r.observations.map((o) => {
      const unit = o.valueRaw !== null && DECIMAL.test(o.valueRaw) ? o.unitRaw : null;
      return [o.key, o.name, numeric(o.valueRaw), unit, o.localCode, o.serviceCode, o.description, o.conclusion, o.performer, m(o.resultTime)];
    }),
    exams: r.exams.map((e) => [e.specialty, e.result, e.healthClass, e.doctor]),
    conditions: r.conditions.map((c) => [c.icd10, c.text, c.kind]),
    healthClass: r.conclusion.healthClass,
  };
}

describe("writeFhirBundle", () => {
  it.each(KSK)("%s: parse(write(r)) gives the main fields back", (name) => {
    const records = kskRecords(name);
    const parsed = parseFhirBundle(write(records), validator);
    expect(parsed.findings).toEqual([]);
    expect(parsed.records.flatMap((r) => r.findings)).toEqual([]);
    expect(parsed.records.map((r) => mainFields(r.record))).toEqual(records.map(mainFields));
  });

  it.each(["transaction", "batch", "collection", "document"] as const)("writes a %s Bundle that is valid R4", (type) => {
    const b = write(kskRecords("adult.inline"), { type });
    expect(validator.validateShell(b)).toEqual([]);
    const entries = b["entry"] as { resource: unknown }[];
    for (const [i, e] of entries.entries()) expect(validator.validate(e.resource, `Bundle.entry[${i}].resource`)).toEqual([]);
    expect(parseFhirBundle(b, validator).records).toHaveLength(1);
  });

  it("a document opens with its Composition and holds exactly one check-up", () => {
    const b = write(kskRecords("adult.inline"), { type: "document" });
    const first = (b["entry"] as { resource: { resourceType: string } }[])[0];
    expect(first?.resource.resourceType).toBe("Composition");
    const two = [...kskRecords("adult.inline"), ...kskRecords("minor-pretty.inline")];
    expect(() => writeFhirBundle(two, { type: "document" })).toThrow(/exactly one/);
  });

  it("makes a re-send safe: conditional creates on the identifiers, agreeing with them", () => {
    const records = [...kskRecords("adult.inline"), ...kskRecords("minor-pretty.inline")];
    const parsed = parseFhirBundle(write(records), validator);
    const encounters = parsed.entries.filter((e) => e.resourceType === "Encounter");
    expect(encounters.map((e) => e.request?.ifNoneExist)).toEqual(records.map((r) => `identifier=${SID.maLk}|${r.maLk}`));
    const conditional = parsed.entries.filter((e) => e.request?.ifNoneExist).map((e) => e.resourceType);
    expect(new Set(conditional)).toEqual(new Set(["Patient", "Organization", "Encounter"]));
    expect(parsed.entries.flatMap((e) => e.findings)).toEqual([]);
  });

  it("shares one Patient and one Organization between check-ups of the same person and facility", () => {
    const [r] = kskRecords("adult.inline");
    if (!r) throw new Error("fixture");
    const b = write([r, { ...r, index: 1, maLk: `${r.maLk}-2` }]);
    const types = (b["entry"] as { resource: { resourceType: string } }[]).map((e) => e.resource.resourceType);
    expect(types.filter((t) => t === "Patient")).toHaveLength(1);
    expect(types.filter((t) => t === "Organization")).toHaveLength(1);
    expect(types.filter((t) => t === "Encounter")).toHaveLength(2);
  });

  it("is repeatable given the same UUID source", () => {
    const records = kskRecords("child-under-6.inline");
    expect(write(records)).toEqual(write(records));
  });
});
