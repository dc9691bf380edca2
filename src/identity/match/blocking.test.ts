import { describe, expect, it } from "vitest";
import { createBlockingIndex, findCandidates, findTwins } from "./blocking.ts";
import { prepareInput } from "./prepare.ts";
import { DEFAULT_MATCH_SETTINGS } from "./settings.ts";
import type { MatchInput, MatchPerson } from "./types.ts";

const base = { provinceCode: "01", communeCode: "00004", address: "Số 1, Tổ 1", phone: null, guardianPersonalId: null };
const people: MatchPerson[] = [
  { ...base, personalId: "001090000001", fullName: "Đặng Văn Đức", birthDate: "1990-04-09", sex: "1", phone: "0912345678" },
  { ...base, personalId: "001090000002", fullName: "Nguyễn Thị Hoà", birthDate: "1990-11-20", sex: "2", communeCode: "00008" },
  { ...base, personalId: "001315000003", fullName: "Đặng Thị Anh", birthDate: "2015-02-03", sex: "2", guardianPersonalId: "001090000001" },
  { ...base, personalId: "001315000004", fullName: "Đặng Thị Ánh", birthDate: "2015-02-03", sex: "2", guardianPersonalId: "001090000001" },
];
const index = createBlockingIndex(people);

const input = (over: Partial<MatchInput>): MatchInput => ({
  fullName: null, birthDate: null, sex: null, personalIdRaw: null, communeCode: null, provinceCode: null,
  address: null, phone: null, insuranceNumber: null, guardianPersonalId: null, ...over,
});
const found = (over: Partial<MatchInput>): string[] =>
  findCandidates(index, prepareInput(input(over)), DEFAULT_MATCH_SETTINGS.blocks).map((c) => index.table.personalIds[c.row] as string);

describe("createBlockingIndex / findCandidates", () => {
  it("finds a person from a name typed without tones, with no ID and no place", () => {
    const day = { raw: "19900409", iso: "1990-04-09", precision: "day" as const };
    expect(found({ fullName: "DANG VAN DUC", birthDate: day, sex: "1" })).toContain("001090000001");
  });

  it("finds a person whose day and month were swapped, by commune", () => {
    const swapped = { raw: "19900904", iso: "1990-09-04", precision: "day" as const };
    expect(found({ fullName: "Zzz", birthDate: swapped, communeCode: "00004" })).toContain("001090000001");
  });

  it("finds a person behind a mistyped or transposed ID, and by phone", () => {
    expect(found({ personalIdRaw: "001090000007" })).toEqual(expect.arrayContaining(["001090000001", "001090000002"]));
    expect(found({ personalIdRaw: "001090000010" })).toContain("001090000001");
    expect(found({ phone: "+84 912 345 678" })).toEqual(["001090000001"]);
  });

  it("finds a parent's children from the parent's ID on a child's record", () => {
    expect(found({ personalIdRaw: "001090000001" })).toEqual(expect.arrayContaining(["001315000003", "001315000004"]));
  });

  it("finds a person with a year-only birth date by name and year", () => {
    const year = { raw: "199000000000", iso: "1990-01-01", precision: "year" as const };
    expect(found({ fullName: "Nguyễn Thị Hòa", birthDate: year, sex: "2" })).toEqual(["001090000002"]);
  });

  it("finds nobody for a record that shares nothing", () => {
    expect(found({ fullName: "Lò Văn Páo", birthDate: { raw: "19500101", iso: "1950-01-01", precision: "day" } })).toEqual([]);
  });

  it("counts names, tone variants together when folded (the scorer's u-probabilities)", () => {
    const given = index.table.names.given;
    expect(given.values[given.byText.get("anh") ?? -1]?.count).toBe(1);
    expect(given.foldedCounts.get("anh")).toBe(2);
    expect(index.table.names.given.byText.has("hoà")).toBe(true);
  });

  it("knows twins: same household and birth date, another given name", () => {
    expect(findTwins(index, 2)).toEqual([3]);
    expect(findTwins(index, 0)).toEqual([]);
  });
});
