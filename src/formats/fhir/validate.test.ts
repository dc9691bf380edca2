import { describe, expect, it } from "vitest";
import { observation, uuid } from "./fixtures/build.ts";
import { createFhirValidator } from "./validate.ts";
import { concretePath } from "./validate-issues.ts";

const validator = createFhirValidator();
const BASE = "Bundle.entry[3].resource";
const check = (resource: unknown) => validator.validate(resource, BASE);
const brief = (resource: unknown) => check(resource).map((f) => `${f.severity} ${f.code} ${f.path}`);

describe("validate: R4 structure through @medplum/core", () => {
  it("a valid Observation has nothing to say, urn:uuid references included", () => {
    expect(check(observation(uuid(1), uuid(3)))).toEqual([]);
  });

  it("a wrong JSON type names the element with its concrete choice type", () => {
    const bad = observation(uuid(1), uuid(3), { valueQuantity: { value: "168", unit: "cm" } });
    expect(brief(bad)).toEqual([`error FHIR-INVALID ${BASE}.valueQuantity.value`]);
    expect(check(bad)[0]?.message).toEqual({
      vi: "Không đúng FHIR R4: sai kiểu JSON: cần number, nhận string",
      en: "Not valid FHIR R4: wrong JSON type: expected number, got string",
    });
  });

  it("missing required elements are each reported (Observation.status 1..1, Observation.code 1..1)", () => {
    const { status: _s, code: _c, ...bad } = observation(uuid(1), uuid(3));
    expect(brief(bad)).toEqual([`error FHIR-INVALID ${BASE}.status`, `error FHIR-INVALID ${BASE}.code`]);
  });

  it("checks each resource's own invariants (obs-6: dataAbsentReason only without a value)", () => {
    const bad = observation(uuid(1), uuid(3), { dataAbsentReason: { text: "không đo" } });
    expect(brief(bad)).toEqual([`error FHIR-INVALID ${BASE}`]);
    expect(check(bad)[0]?.message.en).toContain("obs-6");
  });

  it("an element R4 does not define is an error", () => {
    expect(brief(observation(uuid(1), uuid(3), { ketQua: "tốt" }))).toEqual([`error FHIR-INVALID ${BASE}.ketQua`]);
  });

  it("unknown resource types, datatypes and abstract bases are FHIR-UNKNOWN-TYPE", () => {
    for (const resourceType of ["KetQuaKham", "Quantity", "DomainResource"]) {
      expect(brief({ resourceType })).toEqual([`error FHIR-UNKNOWN-TYPE ${BASE}.resourceType`]);
    }
    expect(validator.isResourceType("FamilyMemberHistory")).toBe(true);
  });

  it("something that is not a resource is FHIR-INVALID", () => {
    expect(brief("Patient")).toEqual([`error FHIR-INVALID ${BASE}`]);
    expect(brief({ id: "x" })).toEqual([`error FHIR-INVALID ${BASE}.resourceType`]);
  });

  it("messages never quote the values sent", () => {
    const secret = "079195006789";
    const bad = { resourceType: "Patient", birthDate: secret, gender: 2, identifier: { value: secret } };
    const text = JSON.stringify(check(bad).map((f) => f.message));
    expect(check(bad).length).toBeGreaterThan(1);
    expect(text).not.toContain(secret);
  });
});

describe("validateShell: the Bundle without its resources", () => {
  it("reports Bundle-level invariants at Bundle (bdl-9: a document has an identifier)", () => {
    const entry = { fullUrl: uuid(1), resource: { resourceType: "Basic", code: { text: "x" } } };
    const document = { resourceType: "Bundle", type: "document", timestamp: "2026-03-10T08:00:00+07:00", entry: [entry] };
    const findings = validator.validateShell(document);
    expect(findings.map((f) => `${f.code} ${f.path}`)).toEqual(["FHIR-INVALID Bundle"]);
    expect(findings[0]?.message.en).toContain("bdl-9");
  });

  it("reports entry elements at their entry and leaves resource rules to hoso", () => {
    const findings = validator.validateShell({
      resourceType: "Bundle",
      type: "transaction",
      entry: [
        { fullUrl: uuid(1), resource: { resourceType: "Basic" }, request: { url: "Basic" } },
        { fullUrl: uuid(2), resource: { resourceType: "Basic" } },
      ],
    });
    expect(findings.map((f) => f.path)).toEqual(["Bundle.entry[0].request.method"]);
  });
});

describe("concretePath", () => {
  it("fills [x] from the JSON and keeps indexes", () => {
    const r = { component: [{ code: {}, valueQuantity: { value: "1" } }] };
    expect(concretePath("Observation.component[0].value[x].value", r)).toBe("component[0].valueQuantity.value");
    expect(concretePath("Observation", r)).toBe("");
    expect(concretePath("Observation.effective[x]", {})).toBe("effective[x]");
  });
});
