import { describe, expect, it } from "vitest";
import { ageAt, ageGroupOf, endOf, startOf } from "./age.ts";
import { moment } from "../../test/factories/checkup.ts";

describe("ageAt", () => {
  it("counts completed years, with the fraction of the current one", () => {
    expect(ageAt(moment("1990-05-12"), moment("2026-05-12T08:00"))).toBe(36);
    const a = ageAt(moment("1990-05-12"), moment("2026-05-11"))!;
    expect(Math.floor(a)).toBe(35);
    expect(a).toBeGreaterThan(35.99);
  });
  it("is null when birth is after the date", () => {
    expect(ageAt(moment("2027-01-01"), moment("2026-01-01"))).toBeNull();
  });
});

describe("ageGroupOf", () => {
  it("splits at 6 and 18 (QĐ 2062)", () => {
    expect([5.99, 6, 17.99, 18].map(ageGroupOf)).toEqual(["child_under_6", "minor_6_18", "minor_6_18", "adult"]);
  });
});

describe("startOf / endOf", () => {
  it("reads local time as UTC+7", () => {
    expect(startOf(moment("2026-11-20T08:30"))?.toISOString()).toBe("2026-11-20T01:30:00.000Z");
  });
  it("spans the whole day for a day-precision moment", () => {
    expect(endOf(moment("2026-11-20"))?.toISOString()).toBe("2026-11-20T16:59:00.000Z");
  });
});
