import { describe, expect, it } from "vitest";
import { generatePopulation } from "../../demo/index.ts";
import { createBlockingIndex } from "./blocking.ts";
import { matchRecord, type MatchResult } from "./decide.ts";
import { MATCH_FIELDS } from "./score.ts";
import { matchSettings } from "./settings.ts";
import type { MatchInput, MatchPerson } from "./types.ts";

// One household in Ba Đình (Hà Nội): father, mother, twin girls Anh and Ánh, a younger son.
const HOME = { communeCode: "00004", provinceCode: "01", address: "Số 12, Tổ 3, Phường Ba Đình, Thành phố Hà Nội" };
const person = (p: Partial<MatchPerson> & Pick<MatchPerson, "personalId" | "fullName" | "birthDate" | "sex">): MatchPerson => ({
  ...HOME,
  phone: null,
  guardianPersonalId: null,
  ...p,
});
const father = person({ personalId: "001080000101", fullName: "Lý Văn Hải", birthDate: "1980-03-15", sex: "1", phone: "0912000101" });
const mother = person({ personalId: "001182000102", fullName: "Phan Thị Lan", birthDate: "1982-07-02", sex: "2", phone: "0912000102" });
const twinAnh = person({ personalId: "001315483920", fullName: "Lý Thị Anh", birthDate: "2015-09-10", sex: "2", guardianPersonalId: father.personalId });
const twinAnhTone = person({ personalId: "001315170244", fullName: "Lý Thị Ánh", birthDate: "2015-09-10", sex: "2", guardianPersonalId: father.personalId });
const son = person({ personalId: "001218000105", fullName: "Lý Minh Khôi", birthDate: "2018-04-12", sex: "1", guardianPersonalId: father.personalId });
// Elsewhere: a woman with a phone, and two namesakes born the same day in two communes.
const hoa = person({
  personalId: "079175000201", fullName: "Trần Thị Hoa", birthDate: "1975-04-08", sex: "2", phone: "0903000201",
  communeCode: "26740", provinceCode: "79", address: "Số 5, Tổ 1, Phường Sài Gòn, Thành phố Hồ Chí Minh",
});
const namA = person({ personalId: "036090000301", fullName: "Nguyễn Văn Nam", birthDate: "1990-05-05", sex: "1", communeCode: "14389", provinceCode: "37", address: "Thôn 2, Xã Gia Lâm" });
const namB = person({ personalId: "040090000302", fullName: "Nguyễn Văn Nam", birthDate: "1990-05-05", sex: "1", communeCode: "16681", provinceCode: "40", address: "Tổ 9, Phường Thành Vinh" });

const OLD_ID = "012345678";
const CANCELLED = "079175999999";
const BHXH = "7912345678";
const index = createBlockingIndex([...generatePopulation(7, 3000), father, mother, twinAnh, twinAnhTone, son, hoa, namA, namB], {
  crosswalks: { formerIds: new Map([[OLD_ID, hoa.personalId], [CANCELLED, hoa.personalId]]), insurance: new Map([[BHXH, hoa.personalId]]) },
});

/** What a facility sends about `p`, all fields right; tests then spoil some. */
const sent = (p: MatchPerson, over: Partial<MatchInput> = {}): MatchInput => ({
  fullName: p.fullName,
  birthDate: { raw: p.birthDate.replaceAll("-", ""), iso: p.birthDate, precision: "day" },
  sex: p.sex === "1" ? "1" : "2",
  personalIdRaw: p.personalId,
  communeCode: p.communeCode,
  provinceCode: p.provinceCode,
  address: p.address ?? null,
  phone: p.phone ?? null,
  insuranceNumber: null,
  guardianPersonalId: p.guardianPersonalId ?? null,
  ...over,
});

const level = (r: MatchResult, field: string): string | undefined => r.breakdown.find((c) => c.field === field)?.level;
const candidate = (r: MatchResult, id: string) => r.candidates.find((c) => c.personalId === id);

describe("matchRecord — what a data steward expects", () => {
  it("links a record with a typo in the given name when the ID is right", () => {
    const r = matchRecord(sent(son, { fullName: "Lý Minh Kôi" }), index);
    expect(r.decision).toBe("linked");
    expect(r.personalId).toBe(son.personalId);
    expect(level(r, "personalId")).toBe("exact");
    expect(level(r, "given")).toBe("similar");
  });

  it("does not link to the real person a wrong ID points at; finds the true one by name, date and place", () => {
    const r = matchRecord(sent(mother, { personalIdRaw: hoa.personalId }), index);
    expect(r.personalId).not.toBe(hoa.personalId);
    expect(r.decision).toBe("linked");
    expect(r.personalId).toBe(mother.personalId);
    expect(level(r, "personalId")).toBe("disagree");
    expect(candidate(r, hoa.personalId)?.score ?? -Infinity).toBeLessThan(0);
  });

  it("links a record whose ID has one digit wrong, naming the slip", () => {
    const r = matchRecord(sent(hoa, { personalIdRaw: "079175000207" }), index);
    expect(r.decision).toBe("linked");
    expect(r.personalId).toBe(hoa.personalId);
    expect(level(r, "personalId")).toBe("one-digit");
  });

  describe("twins are never merged", () => {
    it("links a twin whose ID and given name (with tones) both agree", () => {
      const r = matchRecord(sent(twinAnhTone), index);
      expect(r.decision).toBe("linked");
      expect(r.personalId).toBe(twinAnhTone.personalId);
    });

    it("sends a twin's record without an ID to review, even with her exact name", () => {
      const r = matchRecord(sent(twinAnhTone, { personalIdRaw: null }), index);
      expect(r.decision).toBe("review");
      expect(r.reasons).toContain("has-twin");
      expect(r.candidates.map((c) => c.personalId)).toEqual(expect.arrayContaining([twinAnh.personalId, twinAnhTone.personalId]));
    });

    it("does not pick a twin for a record typed without tones (ANH could be Anh or Ánh)", () => {
      const r = matchRecord(sent(twinAnhTone, { fullName: "LY THI ANH" }), index);
      expect(r.decision).not.toBe("linked");
    });

    it("does not link Ánh's record that carries her sister's ID to the sister", () => {
      const r = matchRecord(sent(twinAnhTone, { personalIdRaw: twinAnh.personalId }), index);
      expect(r.decision).toBe("review");
      expect(r.personalId).toBeUndefined();
    });
  });

  describe("a child's record with the parent's ID", () => {
    it("is never linked to the parent, who is the guardian on that record; the child is found", () => {
      const r = matchRecord(sent(son, { personalIdRaw: father.personalId }), index);
      expect(candidate(r, father.personalId)?.excludedBy).toBe("guardian-is-candidate");
      expect(r.decision).toBe("linked");
      expect(r.personalId).toBe(son.personalId);
      expect(level(r, "personalId")).toBe("guardian-id");
    });

    it("without a guardian block, is still not linked to the parent at the same address (parent/child rule)", () => {
      const r = matchRecord(sent(son, { personalIdRaw: father.personalId, guardianPersonalId: null }), index);
      expect(candidate(r, father.personalId)?.excludedBy).toBe("parent-child");
      expect(r.personalId).not.toBe(father.personalId);
    });
  });

  it("links a record without ID on unique, exact demographics, and sends it to review when the link threshold is set higher", () => {
    const input = sent(hoa, { personalIdRaw: null });
    const byDefault = matchRecord(input, index);
    expect(byDefault.decision).toBe("linked");
    expect(byDefault.personalId).toBe(hoa.personalId);
    const strict = matchRecord(input, index, matchSettings({ linkThreshold: byDefault.score + 1 }));
    expect(strict.decision).toBe("review");
    expect(strict.reasons).toEqual(["below-link-threshold"]);
    expect(strict.candidates[0]?.personalId).toBe(hoa.personalId);
  });

  it("sends namesakes born the same day to review when nothing else tells them apart", () => {
    const r = matchRecord(sent(namA, { personalIdRaw: null, communeCode: null, provinceCode: null, address: null }), index);
    expect(r.decision).toBe("review");
    expect(r.reasons).toContain("ambiguous");
  });

  it("weighs agreement on Nguyễn far less than on a rare family name", () => {
    const nguyen = matchRecord(sent(namA), index).breakdown.find((c) => c.field === "family");
    const ly = matchRecord(sent(son), index).breakdown.find((c) => c.field === "family");
    expect(nguyen?.level).toBe("exact");
    expect(nguyen?.weight).toBeLessThan(2);
    expect(ly?.weight ?? 0).toBeGreaterThan((nguyen?.weight ?? 0) + 3);
  });

  it("links through an old 9-digit ID-card number or a cancelled ID the crosswalk knows", () => {
    for (const id of [OLD_ID, CANCELLED]) {
      const r = matchRecord(sent(hoa, { personalIdRaw: id }), index);
      expect(r.personalId).toBe(hoa.personalId);
      expect(level(r, "personalId")).toBe("former-id");
    }
  });

  it("uses the BHXH number of an insurance card as supporting evidence", () => {
    const r = matchRecord(sent(hoa, { personalIdRaw: null, insuranceNumber: `HC479${BHXH}` }), index);
    expect(level(r, "insurance")).toBe("agree");
    expect(r.personalId).toBe(hoa.personalId);
  });

  it("links with day and month swapped, or with a year-only birth date, naming the level", () => {
    const swapped = matchRecord(sent(hoa, { personalIdRaw: null, birthDate: { raw: "19750804", iso: "1975-08-04", precision: "day" } }), index);
    expect(swapped.personalId).toBe(hoa.personalId);
    expect(level(swapped, "birthDate")).toBe("swapped");
    const yearOnly = matchRecord(sent(hoa, { personalIdRaw: null, birthDate: { raw: "197500000000", iso: "1975-01-01", precision: "year" } }), index);
    expect(yearOnly.personalId).toBe(hoa.personalId);
    expect(level(yearOnly, "birthDate")).toBe("year-only");
  });

  it("calls someone the registry does not hold new", () => {
    const stranger: MatchInput = {
      fullName: "Hà Văn Tú", birthDate: { raw: "19700120", iso: "1970-01-20", precision: "day" }, sex: "1",
      personalIdRaw: "001070999999", communeCode: "00004", provinceCode: "01", address: null, phone: null,
      insuranceNumber: null, guardianPersonalId: null,
    };
    const r = matchRecord(stranger, index);
    expect(r.decision).toBe("new");
    expect(r.personalId).toBeUndefined();
  });

  it("explains every answer: one term per field, summing to the score", () => {
    for (const r of [matchRecord(sent(hoa), index), matchRecord(sent(son, { personalIdRaw: null }), index)]) {
      expect(r.breakdown.map((c) => c.field)).toEqual([...MATCH_FIELDS]);
      expect(r.breakdown.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(r.score, 9);
      for (const c of r.candidates) expect(c.breakdown.reduce((s, t) => s + t.weight, 0)).toBeCloseTo(c.score, 9);
    }
  });
});

describe("name weights", () => {
  it("never weigh a typo of a family name more than the exact name", () => {
    const exact = matchRecord(sent(namA, { personalIdRaw: null }), index).breakdown.find((c) => c.field === "family");
    const typo = matchRecord(sent(namA, { personalIdRaw: null, fullName: "Nguyn Văn Nam" }), index).breakdown.find((c) => c.field === "family");
    expect(typo?.level).toBe("similar");
    expect(typo?.weight ?? Infinity).toBeLessThan(exact?.weight ?? -Infinity);
  });
});
