import { describe, expect, it } from "vitest";
import { indexBundle } from "./bundle-index.ts";
import { uuid } from "./fixtures/build.ts";

const BASE = "https://his.example.vn/fhir/";
const index = indexBundle({
  resourceType: "Bundle",
  type: "collection",
  entry: [
    { fullUrl: uuid(1), resource: { resourceType: "Patient", identifier: [{ system: "s", value: "001088012345" }] } },
    { fullUrl: `${BASE}Encounter/e1`, resource: { resourceType: "Encounter", id: "e1" } },
    { fullUrl: `${BASE}Observation/o1`, resource: { resourceType: "Observation", id: "o1" } },
    { resource: { resourceType: "Practitioner", id: "bs1" } },
    "not an entry",
  ],
});
const [, , obs] = index.entries;
const resolve = (ref: string) => (obs ? index.resolve(ref, obs) : undefined);

describe("indexBundle: resolving references in a Bundle (FHIR R4 §2.36.4.1)", () => {
  it("an absolute reference matches a fullUrl, versioned or not", () => {
    expect(resolve(uuid(1))).toBe(0);
    expect(resolve(`${BASE}Encounter/e1`)).toBe(1);
    expect(resolve(`${BASE}Encounter/e1/_history/3`)).toBe(1);
  });

  it("a relative reference is read against the referring entry's RESTful base", () => {
    expect(resolve("Encounter/e1")).toBe(1);
  });

  it("a relative reference also matches an entry by type and id", () => {
    expect(resolve("Practitioner/bs1")).toBe(3);
  });

  it("a conditional reference matches exactly one resource by identifier", () => {
    expect(resolve("Patient?identifier=s|001088012345")).toBe(0);
    expect(resolve("Patient?identifier=001088012345")).toBe(0);
    expect(resolve("Patient?identifier=other|001088012345")).toBeNull();
    expect(resolve("Patient?name=An")).toBeNull();
  });

  it("anything else resolves to nothing", () => {
    expect(resolve(uuid(9))).toBeNull();
    expect(resolve("Patient/p9")).toBeNull();
    expect(resolve("https://other.example/fhir/Encounter/e1")).toBeNull();
  });

  it("keeps every entry in place, even one that is not an object", () => {
    expect(index.entries.map((e) => e.type)).toEqual(["Patient", "Encounter", "Observation", "Practitioner", null]);
  });
});
