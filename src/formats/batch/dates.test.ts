import { describe, expect, it } from "vitest";
import { readDate } from "./dates.ts";

const read = (v: Parameters<typeof readDate>[0]) => {
  const r = readDate(v);
  return r === null ? null : "moment" in r ? `${r.moment.iso} ${r.moment.precision}` : r.problem;
};

describe("dates in spreadsheets", () => {
  it.each([
    ["15/03/2012", "2012-03-15 day"],
    ["5/3/2012", "2012-03-05 day"],
    ["15-03-2012", "2012-03-15 day"],
    ["15.03.2012", "2012-03-15 day"],
    ["20/11/2026 08:30", "2026-11-20T08:30 minute"],
    ["03/2012", "2012-03-01 month"],
    ["2012", "2012-01-01 year"],
    ["2012-03-15", "2012-03-15 day"],
    ["20120315", "2012-03-15 day"],
    ["15032012", "2012-03-15 day"],
    ["40983", "2012-03-15 day"],
  ])("reads the text %j", (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it("reads Excel serials, whole years and Date cells", () => {
    expect(read(40983)).toBe("2012-03-15 day");
    expect(read(46346.354166666664)).toBe("2026-11-20T08:30 minute");
    expect(read(1990)).toBe("1990-01-01 year");
    expect(read(new Date(Date.UTC(2012, 2, 15)))).toBe("2012-03-15 day");
  });

  it("refuses what it would have to guess", () => {
    expect(read("15/03/12")).toBe("two-digit-year");
    expect(read("03/15/2012")).toBe("month-day-order");
    expect(read("31/02/2012")).toBe("invalid");
    expect(read("mười lăm")).toBe("invalid");
    expect(read(-3)).toBe("invalid");
  });

  it("treats a blank cell as no date", () => {
    expect(readDate(null)).toBeNull();
    expect(readDate("  ")).toBeNull();
  });

  it("keeps the text as typed in the moment", () => {
    const r = readDate("15.03.2012");
    expect(r !== null && "moment" in r ? r.moment.raw : null).toBe("15.03.2012");
  });
});
