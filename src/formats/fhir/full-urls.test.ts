import { describe, expect, it } from "vitest";
import { uuid } from "./fixtures/build.ts";
import { checkFullUrls } from "./full-urls.ts";

const check = (...urls: unknown[]) => checkFullUrls(urls.map((fullUrl) => ({ fullUrl }))).map((f) => `${f.path} ${f.message.en}`);

describe("checkFullUrls: R4 Bundle.entry.fullUrl", () => {
  it("accepts distinct uuids and RESTful URLs, and entries without one", () => {
    expect(check(uuid(1), "https://his.example.vn/fhir/Patient/1", undefined)).toEqual([]);
  });

  it("marks every entry that shares a fullUrl (bdl-7)", () => {
    expect(check(uuid(1), uuid(2), uuid(1))).toEqual([
      "Bundle.entry[0].fullUrl Not valid FHIR R4: fullUrl must be unique in a Bundle (bdl-7)",
      "Bundle.entry[2].fullUrl Not valid FHIR R4: fullUrl must be unique in a Bundle (bdl-7)",
    ]);
  });

  it("refuses version-specific URLs (bdl-8), whitespace and non-strings", () => {
    expect(check("https://his.example.vn/fhir/Patient/1/_history/2", "urn:uuid: 1", 7)).toEqual([
      "Bundle.entry[0].fullUrl Not valid FHIR R4: fullUrl cannot be a version specific reference (bdl-8)",
      "Bundle.entry[1].fullUrl Not valid FHIR R4: invalid uri format",
      "Bundle.entry[2].fullUrl Not valid FHIR R4: wrong JSON type: expected string",
    ]);
  });
});
