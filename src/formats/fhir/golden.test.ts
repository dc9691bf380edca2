/**
 * Golden files: every Bundle in `fixtures/` is parsed and compared with the `*.expected.json`
 * beside it (FHIR JSON in, canonical JSON out). After a deliberate change, regenerate with
 *   UPDATE_GOLDEN=1 npx vitest run src/formats/fhir/golden.test.ts
 * and read the diff before committing it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hasErrors } from "../../checkup/finding.ts";
import { fixture } from "./fixtures/build.ts";
import { parseFhirBundle } from "./parse.ts";
import { createFhirValidator } from "./validate.ts";

const dir = new URL("./fixtures/", import.meta.url);
const update = process.env["UPDATE_GOLDEN"] === "1";
const names = readdirSync(dir)
  .filter((n) => n.endsWith(".json") && !n.endsWith(".expected.json"))
  .map((n) => n.replace(/\.json$/, ""))
  .sort();
const validator = createFhirValidator();
const parse = (name: string) => parseFhirBundle(fixture(name), validator);

describe("golden: FHIR Bundle in, canonical JSON out", () => {
  it("has the fixtures the issue asks for", () => {
    expect(names).toEqual([
      "collection-relative-refs",
      "document-one-checkup",
      "invalid-missing-required",
      "invalid-not-a-bundle",
      "invalid-unknown-type",
      "invalid-unresolved-reference",
      "invalid-wrong-types",
      "transaction-two-checkups",
    ]);
  });

  for (const name of names) {
    it(name, () => {
      const expected = new URL(`${name}.expected.json`, dir);
      const actual = `${JSON.stringify(parse(name), null, 2)}\n`;
      if (update || !existsSync(expected)) writeFileSync(expected, actual);
      expect(actual).toBe(readFileSync(expected, "utf8"));
    });
  }
});

describe("bad input is answered per check-up and never loses the good one", () => {
  const verdicts = (name: string) => parse(name).records.map((r) => (hasErrors(r.findings) ? "rejected" : "kept"));

  it("the valid fixtures give only clean check-ups", () => {
    expect(verdicts("transaction-two-checkups")).toEqual(["kept", "kept"]);
    expect(verdicts("document-one-checkup")).toEqual(["kept"]);
    expect(verdicts("collection-relative-refs")).toEqual(["kept"]);
  });

  it.each([
    ["invalid-wrong-types", ["rejected", "kept"]],
    ["invalid-missing-required", ["rejected", "kept"]],
    ["invalid-unresolved-reference", ["rejected", "kept"]],
    ["invalid-unknown-type", ["kept", "rejected"]],
  ])("%s rejects only the broken check-up", (name, expected) => {
    expect(verdicts(name)).toEqual(expected);
  });

  it("a body that is not a Bundle is refused whole", () => {
    const r = parse("invalid-not-a-bundle");
    expect(r.records).toEqual([]);
    expect(r.findings.map((f) => f.code)).toEqual(["FHIR-NOT-BUNDLE"]);
  });
});
