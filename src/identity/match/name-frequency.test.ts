import { describe, expect, it } from "vitest";
import { familyShares, familyVariants, profileNames } from "./name-frequency.ts";

describe("family-name frequencies (population-profile.json names.familyShares)", () => {
  const shares = familyShares(profileNames());

  it("gives the published shares, keyed by the normalised name", () => {
    expect(shares.get("nguyễn")).toBeCloseTo(0.384, 3);
    expect(shares.get("lý")).toBeCloseTo(0.005, 3);
  });

  it("gives a variant the share it is counted in (Huỳnh with Hoàng, Võ with Vũ)", () => {
    expect(shares.get("huỳnh")).toBe(shares.get("hoàng"));
    expect(shares.get("võ")).toBe(shares.get("vũ"));
  });

  it("knows names only seen in the sample (Trương)", () => {
    expect(shares.get("trương")).toBeGreaterThan(0.01);
  });

  it("pairs variant spellings both ways", () => {
    const pairs = familyVariants(profileNames());
    expect(pairs.has("hoàng|huỳnh")).toBe(true);
    expect(pairs.has("huỳnh|hoàng")).toBe(true);
    expect(pairs.has("nguyễn|trần")).toBe(false);
  });
});
