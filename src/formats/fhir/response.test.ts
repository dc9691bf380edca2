import { describe, expect, it } from "vitest";
import { createChecker } from "../../checkup/check.ts";
import { finding, hasErrors } from "../../checkup/finding.ts";
import { HOSO_CODE_SYSTEM } from "../../outcome.ts";
import { fhirOutcome } from "./fhir-outcome.ts";
import { fixture } from "./fixtures/build.ts";
import { parseFhirBundle, type FhirParseResult } from "./parse.ts";
import { entryOutcomes, responseBundle, responseType, type RecordVerdict } from "./response.ts";
import { createFhirValidator } from "./validate.ts";

const validator = createFhirValidator();
const parse = (name: string) => parseFhirBundle(fixture(name), validator);
/** What the route would decide without the checks: parse errors reject, the rest is stored new. */
const byParse = (r: FhirParseResult): RecordVerdict[] =>
  r.records.map((x) => ({ status: hasErrors(x.findings) ? "rejected" : "created", findings: x.findings }));
const statuses = (name: string) => {
  const r = parse(name);
  return entryOutcomes(r, byParse(r)).map((o) => o.status);
};

describe("entryOutcomes: one answer per entry", () => {
  it("a clean transaction: every entry 201 Created", () => {
    expect(new Set(statuses("transaction-two-checkups"))).toEqual(new Set(["201 Created"]));
  });

  it("an unresolved reference fails its entry and its check-up; the other check-up and shared entries are created", () => {
    const r = parse("invalid-unresolved-reference");
    const out = entryOutcomes(r, byParse(r));
    const codesAt = (i: number) => out[i]?.findings.map((f) => f.code);
    expect(out[9]).toMatchObject({ status: "400 Bad Request" });
    expect(codesAt(9)).toEqual(["FHIR-REF-UNRESOLVED"]);
    expect(codesAt(6)).toEqual(["FHIR-RECORD-REJECTED"]);
    expect(out[6]?.status).toBe("400 Bad Request");
    expect(out[2]?.status).toBe("201 Created"); // the Organization also feeds the good check-up
    const good = r.sources[1]?.entries ?? [];
    expect(good.map((i) => out[i]?.status)).toEqual(good.map(() => "201 Created"));
  });

  it("an unknown resource type fails only its own entry", () => {
    const s = statuses("invalid-unknown-type");
    expect(s[37]).toBe("400 Bad Request");
    expect(s[4]).toBe("201 Created");
  });

  it("re-sends and corrections are 200 OK; the Encounter carries the location", () => {
    const r = parse("transaction-two-checkups");
    const out = entryOutcomes(r, [
      { status: "unchanged", findings: [], location: "Encounter/a" },
      { status: "updated", findings: [], location: "Encounter/b" },
    ]);
    expect(new Set(out.map((o) => o.status))).toEqual(new Set(["200 OK"]));
    expect(out[4]?.location).toBe("Encounter/a");
    expect(out[5]?.location).toBe("Encounter/b");
    expect(out[6]?.location).toBeUndefined();
  });

  it("the checks' findings land on the entry and element the value came from", () => {
    const r = parse("transaction-two-checkups");
    const required = finding("KSK-REQUIRED", "error", "Bundle.entry[4]/XML2/MA_LK", "Thiếu MA_LK.", "MA_LK is required.");
    const name = finding("KSK-REQUIRED", "error", "Bundle.entry[4]/XML1/HO_TEN", "Thiếu HO_TEN.", "HO_TEN is required.");
    const bmi = finding("KSK-VALUE-HIGH", "warning", "Bundle.entry[4]/Bundle.entry[8].resource", "Cao.", "High.");
    const out = entryOutcomes(r, [
      { status: "rejected", findings: [required, name, bmi] },
      { status: "created", findings: [] },
    ]);
    expect(out[4]?.findings.map((f) => f.path)).toEqual(["Bundle.entry[4].resource.identifier"]);
    expect(out[0]?.findings.map((f) => f.path)).toEqual(["Bundle.entry[0].resource.name"]);
    expect(out[8]?.findings.map((f) => `${f.code} ${f.path}`)).toEqual([
      "KSK-VALUE-HIGH Bundle.entry[8].resource",
      "FHIR-RECORD-REJECTED Bundle.entry[8]",
    ]);
  });

  it("runs through the hub's own checks: the clean fixtures pass them", () => {
    const check = createChecker();
    const now = new Date("2026-03-10T12:00:00+07:00");
    for (const name of ["transaction-two-checkups", "document-one-checkup", "collection-relative-refs"]) {
      const r = parse(name);
      const verdicts = r.records.map((x): RecordVerdict => {
        const checked = check(x.record, { now, receivedAt: now });
        const findings = [...x.findings, ...checked.findings];
        return { status: hasErrors(findings) ? "rejected" : "created", findings };
      });
      expect(verdicts.flatMap((v) => v.findings)).toEqual([]);
      expect(new Set(entryOutcomes(r, verdicts).map((o) => o.status))).toEqual(new Set(["201 Created"]));
    }
  });
});

describe("responseBundle: a valid R4 transaction-response / batch-response", () => {
  it("answers a transaction with a transaction-response, anything else with a batch-response", () => {
    expect(responseType("transaction")).toBe("transaction-response");
    for (const t of ["batch", "document", "collection"] as const) expect(responseType(t)).toBe("batch-response");
  });

  it("has one entry per request entry, in order, each with an OperationOutcome that R4 accepts", () => {
    const r = parse("invalid-unresolved-reference");
    const out = entryOutcomes(r, byParse(r));
    const b = responseBundle("transaction-response", out, "2026-03-10T12:00:00+07:00");
    expect(b.entry).toHaveLength(r.entries.length);
    expect(b.entry[9]?.response.status).toBe("400 Bad Request");
    expect(validator.validate(b, "Bundle")).toEqual([]);
    for (const e of b.entry) expect(validator.validate(e.response.outcome, "OperationOutcome")).toEqual([]);
  });

  it("carries hoso's code, the Vietnamese text and its English translation", () => {
    const f = finding("FHIR-REF-UNRESOLVED", "error", "Bundle.entry[9].resource.subject", "Tham chiếu sai", "Bad reference");
    expect(fhirOutcome([f]).issue[0]).toEqual({
      severity: "error",
      code: "not-found",
      details: {
        coding: [{ system: HOSO_CODE_SYSTEM, code: "FHIR-REF-UNRESOLVED" }],
        text: "Tham chiếu sai",
        _text: {
          extension: [
            {
              url: "http://hl7.org/fhir/StructureDefinition/translation",
              extension: [
                { url: "lang", valueCode: "en" },
                { url: "content", valueString: "Bad reference" },
              ],
            },
          ],
        },
      },
      expression: ["Bundle.entry[9].resource.subject"],
    });
    expect(fhirOutcome([]).issue.map((i) => [i.severity, i.details.coding[0]?.code])).toEqual([["information", "FHIR-ACCEPTED"]]);
  });
});
