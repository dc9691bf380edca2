import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCheckup } from "../../test/factories/checkup.ts";
import { createTestDeps, type TestDeps } from "../../test/deps.ts";
import { loadConfig } from "../config.ts";
import { upsertRegistryPersons, type RegistryImportRow } from "./registry-repo.ts";
import { createMatcher, matcherSettings, withMatcherIndex } from "./matcher.ts";
import { embeddedRegistry } from "./registry.ts";

const row = (o: Partial<RegistryImportRow> & Pick<RegistryImportRow, "personalId" | "fullName" | "birthDate" | "sex">): RegistryImportRow => ({
  provinceCode: "01", communeCode: "00004", address: null, ethnicity: "01", phone: null, guardianPersonalId: null, ...o,
});

let deps: TestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
  await upsertRegistryPersons(deps.db, [
    row({ personalId: "001090012345", fullName: "Nguyễn Văn An", birthDate: "1990-05-12", sex: "1" }),
    row({ personalId: "001316004321", fullName: "Trần Thị Bình", birthDate: "2016-03-02", sex: "2" }),
  ]);
});
afterAll(async () => deps.testDb.drop());

describe("the hub's matcher", () => {
  it("answers null until built, then links a record without its ID to the registry person", async () => {
    const matcher = createMatcher(deps);
    const record = buildCheckup({ patient: { personalId: null } });
    expect(matcher.match(record)).toBeNull();
    await matcher.refresh();
    expect(matcher.match(record)).toMatchObject({ decision: "linked", personalId: "001090012345" });
    expect(matcher.person("001090012345")).toEqual({ personalId: "001090012345", fullName: "Nguyễn Văn An", birthDate: "1990-05-12", sex: "1", provinceCode: "01", communeCode: "00004" });
    expect(matcher.person("001090012346")).toBeUndefined();
  });

  it("sees persons imported after a refresh, not before", async () => {
    const matcher = createMatcher(deps);
    await matcher.refresh();
    const record = buildCheckup({ patient: { personalId: null, fullName: "Lê Thị Cúc", birthDate: { raw: "198001020000", iso: "1980-01-02", precision: "day" }, sex: "2" } });
    expect(matcher.match(record)?.decision).toBe("new");
    await upsertRegistryPersons(deps.db, [row({ personalId: "001180000777", fullName: "Lê Thị Cúc", birthDate: "1980-01-02", sex: "2" })]);
    expect(matcher.person("001180000777")).toBeUndefined();
    await Promise.all([matcher.refresh(), matcher.refresh()]);
    expect(matcher.match(record)).toMatchObject({ decision: "linked", personalId: "001180000777" });
  });

  it("takes its thresholds from the settings: a link threshold out of reach sends the same record to review", async () => {
    const config = loadConfig({ HOSO_MATCH_LINK_THRESHOLD: "500", HOSO_MATCH_REVIEW_THRESHOLD: "5" });
    const matcher = createMatcher({ ...deps, config }, matcherSettings(config));
    await matcher.refresh();
    const result = matcher.match(buildCheckup({ patient: { personalId: null } }));
    expect(result).toMatchObject({ decision: "review", reasons: ["below-link-threshold"] });
    expect(result!.breakdown.map((b) => b.field)).toContain("birthDate");
    expect(() => loadConfig({ HOSO_MATCH_LINK_THRESHOLD: "8", HOSO_MATCH_REVIEW_THRESHOLD: "10" })).toThrow(/HOSO_MATCH_REVIEW_THRESHOLD/);
  });

  it("is built by intake's first registry look-up, not before (a process that only serves books never holds it)", async () => {
    const matcher = createMatcher(deps);
    const registry = withMatcherIndex(embeddedRegistry(deps.db), matcher);
    expect(matcher.ready()).toBe(false);
    expect([...(await registry.lookup(["001090012345"])).keys()]).toEqual(["001090012345"]);
    expect(matcher.ready()).toBe(true);
    expect(matcher.match(buildCheckup({ patient: { personalId: null } }))).toMatchObject({ decision: "linked", personalId: "001090012345" });
  });

  it("indexes nothing with a remote registry: records go to review as before", async () => {
    const config = loadConfig({ HOSO_REGISTRY_URL: "http://registry.invalid" });
    const matcher = createMatcher({ ...deps, config });
    await matcher.refresh();
    expect(matcher.ready()).toBe(false);
    expect(matcher.match(buildCheckup())).toBeNull();
  });
});
