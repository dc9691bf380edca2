import { describe, expect, it } from "vitest";
import { directIds, readIdEvidence } from "./old-id.ts";

const crosswalk = new Map([
  ["123456789", "001090012345"],
  ["001190099999", "001090012345"],
]);

describe("readIdEvidence", () => {
  it("resolves a 9-digit old ID-card number through the crosswalk", () => {
    const e = readIdEvidence("123 456 789", crosswalk);
    expect(e).toEqual({ kind: "old-id-card", sent: "123456789", resolved: "001090012345" });
    expect(directIds(e)).toEqual(["001090012345"]);
  });

  it("resolves a cancelled 12-digit number to the re-issued one, and keeps the number sent", () => {
    const e = readIdEvidence("001190099999", crosswalk);
    expect(e).toEqual({ kind: "personal-id", sent: "001190099999", resolved: "001090012345" });
    expect(directIds(e)).toEqual(["001190099999", "001090012345"]);
  });

  it("gives no evidence for an unknown old number, a passport or a blank", () => {
    expect(directIds(readIdEvidence("987654321", crosswalk))).toEqual([]);
    expect(readIdEvidence("C1234567", crosswalk)).toEqual({ kind: "none" });
    expect(readIdEvidence(null)).toEqual({ kind: "none" });
  });

  it("takes a current 12-digit ID as it is", () => {
    expect(readIdEvidence("001090012345")).toEqual({ kind: "personal-id", sent: "001090012345", resolved: null });
  });
});
