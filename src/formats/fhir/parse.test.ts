import { describe, expect, it } from "vitest";
import { hasErrors, type Finding } from "../../checkup/finding.ts";
import { bundle, encounter, observation, oneCheckup, organization, patient, uuid, type Json } from "./fixtures/build.ts";
import { parseFhirBundle, type FhirParseResult } from "./parse.ts";
import { GLN_ALIASES, SID } from "./systems.ts";
import { createFhirValidator } from "./validate.ts";

const validator = createFhirValidator();
const parse = (json: unknown, accept?: Parameters<typeof parseFhirBundle>[2]) => parseFhirBundle(json, validator, accept);
const codes = (findings: readonly Finding[]) => findings.map((f) => f.code);
const entryCodes = (r: FhirParseResult) => r.entries.map((e) => codes(e.findings));
const only = (r: FhirParseResult) => {
  const first = r.records[0];
  if (!first || r.records.length !== 1) throw new Error(`expected one record, got ${r.records.length}`);
  return first;
};

describe("parseFhirBundle: the envelope", () => {
  it("refuses what is not a Bundle, a Bundle type the endpoint does not take, and an empty Bundle", () => {
    expect(codes(parse(patient()).findings)).toEqual(["FHIR-NOT-BUNDLE"]);
    expect(codes(parse([oneCheckup()]).findings)).toEqual(["FHIR-NOT-BUNDLE"]);
    expect(codes(parse(oneCheckup("searchset")).findings)).toEqual(["FHIR-BUNDLE-TYPE"]);
    expect(codes(parse(oneCheckup("transaction"), { accept: ["document", "collection"] }).findings)).toEqual(["FHIR-BUNDLE-TYPE"]);
    expect(codes(parse(bundle("batch", [])).findings)).toEqual(["FHIR-NO-ENTRIES"]);
  });

  it("takes the four Bundle types of issue 3", () => {
    for (const type of ["transaction", "batch", "collection"]) {
      const r = parse(oneCheckup(type));
      expect(r.bundleType).toBe(type);
      expect(hasErrors(only(r).findings)).toBe(false);
    }
  });

  it("a Bundle with no Encounter holds no check-up", () => {
    const r = parse(bundle("batch", [{ fullUrl: uuid(1), resource: patient() }]));
    expect(codes(r.findings)).toEqual(["FHIR-NO-ANCHOR"]);
    expect(r.records).toEqual([]);
  });

  it("a document must open with its Composition (bdl-11)", () => {
    expect(codes(parse(oneCheckup("document")).findings)).toContain("FHIR-DOCUMENT-COMPOSITION");
  });

  it("entries sharing a fullUrl (bdl-7) are errors, and so is their check-up", () => {
    const dup = oneCheckup("collection");
    const entries = dup["entry"] as Json[];
    entries.push({ ...entries[3], fullUrl: uuid(4) });
    const r = parse(dup);
    expect(codes(r.findings)).toEqual([]);
    expect(entryCodes(r)).toEqual([[], [], [], ["FHIR-INVALID"], ["FHIR-INVALID"]]);
    expect(r.entries[4]?.findings[0]).toMatchObject({
      path: "Bundle.entry[4].fullUrl",
      message: { en: "Not valid FHIR R4: fullUrl must be unique in a Bundle (bdl-7)" },
    });
    expect(hasErrors(only(r).findings)).toBe(true);
  });
});

describe("parseFhirBundle: requests (bdl-3) and conditional create", () => {
  it("an entry without request in a transaction is an error on that entry and its check-up only", () => {
    const b = oneCheckup("transaction");
    delete (b["entry"] as Json[])[3]?.["request"];
    const r = parse(b);
    expect(entryCodes(r)).toEqual([[], [], [], ["FHIR-REQUEST-MISSING"]]);
    expect(codes(r.findings)).toEqual([]);
  });

  it("DELETE and GET entries are not taken; request in a collection is ignored with a warning", () => {
    const b = bundle("batch", [
      { fullUrl: uuid(1), resource: patient() },
      { fullUrl: uuid(2), resource: organization() },
      { fullUrl: uuid(3), resource: encounter("LK-1", uuid(1), uuid(2)) },
      { request: { method: "DELETE", url: "Observation/o1" } },
    ]);
    expect(entryCodes(parse(b))[3]).toEqual(["FHIR-METHOD-UNSUPPORTED"]);
    const c = oneCheckup("collection");
    (c["entry"] as Json[])[0] = { fullUrl: uuid(1), resource: patient(), request: { method: "POST", url: "Patient" } };
    expect(entryCodes(parse(c))[0]).toEqual(["FHIR-REQUEST-IGNORED"]);
  });

  it("surfaces ifNoneExist and the identifiers, and warns when they disagree", () => {
    const b = oneCheckup("transaction");
    const enc = (b["entry"] as Json[])[2];
    if (enc) enc["request"] = { method: "POST", url: "Encounter", ifNoneExist: `identifier=${SID.maLk}|LK-2` };
    const r = parse(b);
    expect(r.entries[2]?.request?.ifNoneExist).toBe(`identifier=${SID.maLk}|LK-2`);
    expect(r.entries[2]?.identifiers).toEqual([{ system: SID.maLk, value: "LK-1" }]);
    expect(codes(r.entries[2]?.findings ?? [])).toEqual(["FHIR-IF-NONE-EXIST-MISMATCH"]);
    expect(hasErrors(only(r).findings)).toBe(false);
  });
});

describe("parseFhirBundle: which check-up an entry belongs to", () => {
  const twoCheckups = (obsEncounter: string | null, obsSubject = uuid(1)) =>
    bundle("batch", [
      { fullUrl: uuid(1), resource: patient() },
      { fullUrl: uuid(2), resource: organization() },
      { fullUrl: uuid(3), resource: encounter("LK-1", uuid(1), uuid(2)) },
      { fullUrl: uuid(5), resource: patient({ identifier: [{ system: SID.cccd, value: "079195006789" }], gender: "female" }) },
      { fullUrl: uuid(6), resource: encounter("LK-2", uuid(5), uuid(2)) },
      { fullUrl: uuid(4), resource: observation(obsSubject, obsEncounter) },
    ]);

  it("by the encounter it names; shared resources feed every check-up that refers to them", () => {
    const r = parse(twoCheckups(uuid(6), uuid(5)));
    expect(r.entries.map((e) => e.records)).toEqual([[0], [0, 1], [0], [1], [1], [1]]);
    expect(r.records.map((x) => x.record.observations.length)).toEqual([0, 1]);
  });

  it("without an encounter: by the patient's only check-up, else it cannot be placed", () => {
    expect(parse(twoCheckups(null, uuid(5))).entries[5]?.records).toEqual([1]);
    const shared = twoCheckups(null, uuid(1));
    ((shared["entry"] as Json[])[4]?.["resource"] as Json)["subject"] = { reference: uuid(1) };
    const r = parse(shared);
    expect(r.entries[5]?.records).toEqual([]);
    expect(codes(r.entries[5]?.findings ?? [])).toEqual(["FHIR-NO-CHECKUP"]);
    expect(r.records.every((x) => !hasErrors(x.findings))).toBe(true);
  });

  it("without an encounter in a Bundle of one check-up: that one", () => {
    const b = oneCheckup("collection");
    delete ((b["entry"] as Json[])[3]?.["resource"] as Json)["encounter"];
    expect(only(parse(b)).record.observations).toHaveLength(1);
  });

  it("results listed by a DiagnosticReport follow the report", () => {
    const b = twoCheckups(null, uuid(1));
    ((b["entry"] as Json[])[4]?.["resource"] as Json)["subject"] = { reference: uuid(1) };
    (b["entry"] as Json[]).push({
      fullUrl: uuid(7),
      resource: {
        resourceType: "DiagnosticReport",
        status: "final",
        code: { text: "Sinh hóa" },
        subject: { reference: uuid(1) },
        encounter: { reference: uuid(6) },
        result: [{ reference: uuid(4) }],
      },
      request: { method: "POST", url: "DiagnosticReport" },
    });
    expect(parse(b).entries[5]?.records).toEqual([1]);
  });

  it("a reference to the wrong type is an error, and an unreferenced Practitioner a warning", () => {
    const b = oneCheckup("collection");
    ((b["entry"] as Json[])[3]?.["resource"] as Json)["encounter"] = { reference: uuid(2) };
    (b["entry"] as Json[]).push({ fullUrl: uuid(9), resource: { resourceType: "Practitioner", name: [{ text: "Đỗ Hữu Tài" }] } });
    const provenance = { target: [{ reference: uuid(3) }], recorded: "2026-03-10T08:00:00+07:00", agent: [{ who: { reference: uuid(2) } }] };
    (b["entry"] as Json[]).push({ fullUrl: uuid(10), resource: { resourceType: "Provenance", ...provenance } });
    const r = parse(b);
    expect(entryCodes(r).slice(3)).toEqual([["FHIR-REF-TYPE"], ["FHIR-UNUSED"], ["FHIR-TYPE-IGNORED"]]);
    expect(hasErrors(only(r).findings)).toBe(true);
  });

  it("an Encounter without subject is a check-up without patient", () => {
    const b = oneCheckup("collection");
    delete ((b["entry"] as Json[])[2]?.["resource"] as Json)["subject"];
    expect(codes(only(parse(b)).findings)).toContain("FHIR-PATIENT-MISSING");
  });
});

describe("parseFhirBundle: mapping to the canonical record", () => {
  it("reads the key, facility, visit and person", () => {
    const b = bundle("collection", [
      { fullUrl: uuid(1), resource: patient({ gender: "other", birthDate: "1990" }) },
      { fullUrl: uuid(2), resource: organization({ identifier: [{ system: GLN_ALIASES[0], value: "8936012345688" }] }) },
      {
        fullUrl: uuid(3),
        resource: encounter("LK-1", uuid(1), uuid(2), {
          identifier: undefined,
          id: "enc-7",
          reasonCode: [{ coding: [{ code: "KSK", display: "Khám tuyển" }] }],
        }),
      },
    ]);
    const { record } = only(parse(b));
    expect(record).toMatchObject({
      format: "fhir",
      path: "Bundle.entry[2]",
      maLk: "enc-7",
      facilityCode: null,
      facilityGln: "8936012345688",
      visitType: "15",
      reason: "Khám tuyển",
      examTime: { iso: "2026-03-10T08:15", precision: "minute" },
      ageGroup: "adult",
    });
    expect(record.patient).toMatchObject({ sex: "3", personalId: "001088012345", birthDate: { iso: "1990-01-01", precision: "year" } });
  });

  it("takes a national ID typed NNVNM or NI when hoso's system is absent, then a passport", () => {
    const id = (type: string, value: string) => ({ type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: type }] }, value });
    const person = (identifier: unknown[]) => {
      const b = oneCheckup("collection");
      ((b["entry"] as Json[])[0]?.["resource"] as Json)["identifier"] = identifier;
      return only(parse(b)).record.patient.personalId;
    };
    expect(person([id("PPN", "B1234567"), id("NNVNM", "079195006789")])).toBe("079195006789");
    expect(person([id("NI", "001088012345")])).toBe("001088012345");
    expect(person([id("PPN", "B1234567")])).toBe("B1234567");
    expect(person([{ system: "urn:other", value: "x" }])).toBeNull();
  });

  it("keeps values as sent: comparator, a non-UCUM unit, text results", () => {
    const r = only(parse(oneCheckup("collection", { valueQuantity: { value: 5, comparator: "<", unit: "lần/phút" } })));
    expect(r.record.observations[0]).toMatchObject({ key: "body_height", loinc: "8302-2", valueRaw: "<5", unitRaw: "lần/phút" });
    const s = only(parse(oneCheckup("collection", { valueQuantity: undefined, valueString: "(+)" })));
    expect(s.record.observations[0]).toMatchObject({ valueRaw: "(+)", valueText: "(+)", unitRaw: null });
  });

  it("an unknown LOINC keeps its code and name with no key; a local code is kept", () => {
    const code = { coding: [{ system: "http://loinc.org", code: "99999-9" }, { system: "urn:lab", code: "XN01" }], text: "Chỉ số lạ" };
    const o = only(parse(oneCheckup("collection", { code }))).record.observations[0];
    expect(o).toMatchObject({ key: null, loinc: "99999-9", localCode: "XN01", name: "Chỉ số lạ" });
  });

  it("an impossible date is a warning, not a rejection", () => {
    const r = only(parse(oneCheckup("collection", { effectiveDateTime: "2026-02-30" })));
    expect(codes(r.findings)).toEqual(["FHIR-DATE-INVALID"]);
    expect(r.record.observations[0]?.resultTime).toBeNull();
  });

  it("codes outside R4's required value sets: an unknown gender is an error, a voided result is left out", () => {
    const b = oneCheckup("collection", { status: "entered-in-error" });
    ((b["entry"] as Json[])[0]?.["resource"] as Json)["gender"] = "nam";
    const r = only(parse(b));
    expect(codes(r.findings)).toEqual(["FHIR-CODE-INVALID", "FHIR-VOIDED"]);
    expect(r.record.patient.sex).toBeNull();
    expect(r.record.observations).toEqual([]);
  });

  it("a Condition without ICD-10 is kept out with a warning", () => {
    const b = oneCheckup("collection");
    (b["entry"] as Json[]).push({
      fullUrl: uuid(8),
      resource: { resourceType: "Condition", code: { text: "Mệt mỏi" }, subject: { reference: uuid(1) }, encounter: { reference: uuid(3) } },
    });
    const r = only(parse(b));
    expect(r.record.conditions).toEqual([]);
    expect(codes(r.findings)).toEqual(["FHIR-CONDITION-NO-ICD"]);
  });
});

describe("parseFhirBundle: hostile shapes are findings, never exceptions", () => {
  it("entries that are not objects, and resources that are not resources, fail one by one", () => {
    const r = parse({ resourceType: "Bundle", type: "collection", entry: [null, 5, [], { resource: [] }, { resource: { resourceType: 5 } }] });
    expect(entryCodes(r)).toEqual([["FHIR-INVALID"], ["FHIR-INVALID"], ["FHIR-INVALID"], ["FHIR-INVALID"], ["FHIR-INVALID"]]);
    expect(codes(r.findings)).toEqual(["FHIR-NO-ANCHOR"]);
  });

  it("a resource nested thousands of levels deep is rejected, its check-up with it", () => {
    const depth = 20_000;
    const deep: unknown = JSON.parse(`{"url":"x",${'"extension":[{"url":"x",'.repeat(depth)}"valueString":"y"${"}]".repeat(depth)}}`);
    const b = oneCheckup("collection");
    ((b["entry"] as Json[])[3]?.["resource"] as Json)["extension"] = [deep];
    const r = parse(b);
    expect(codes(r.entries[3]?.findings ?? [])).toEqual(["FHIR-INVALID"]);
    expect(r.entries[3]?.findings[0]?.message.en).toContain("nested too deeply");
    expect(hasErrors(only(r).findings)).toBe(true);
  });
});
