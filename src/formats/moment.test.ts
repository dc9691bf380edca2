import { describe, expect, it } from "vitest";
import { formatMomentDigits, formatMomentIso, formatMomentVi, parseMoment } from "./moment.ts";

describe("parseMoment", () => {
  it.each([
    ["202607151430", "2026-07-15T14:30", "minute"],
    ["202607150000", "2026-07-15", "day"],
    ["202607000000", "2026-07-01", "month"],
    ["199000000000", "1990-01-01", "year"],
    ["20260715", "2026-07-15", "day"],
    ["19900000", "1990-01-01", "year"],
    ["2026-07-15", "2026-07-15", "day"],
    ["2026-07-15T08:05", "2026-07-15T08:05", "minute"],
    ["2026-07-15T08:05:59", "2026-07-15T08:05", "minute"],
    ["2026-07-15 08:05", "2026-07-15T08:05", "minute"],
    ["15/07/2026", "2026-07-15", "day"],
    ["5/7/2026 9:05", "2026-07-05T09:05", "minute"],
    ["2026-07", "2026-07-01", "month"],
    ["1990", "1990-01-01", "year"],
    ["20240229", "2024-02-29", "day"],
    ["20260715143059", "2026-07-15T14:30", "minute"],
  ])("%s → %s (%s)", (raw, iso, precision) => {
    expect(parseMoment(raw)).toEqual({ raw, iso, precision });
  });

  it("reads yyyy01010000 as a real 1 January unless the caller says it means year only", () => {
    expect(parseMoment("195501010000")).toMatchObject({ iso: "1955-01-01", precision: "day" });
    expect(parseMoment("195501010000", { janFirstIsYearOnly: true })).toMatchObject({
      raw: "195501010000",
      iso: "1955-01-01",
      precision: "year",
    });
    expect(parseMoment("1955-01-01", { janFirstIsYearOnly: true })?.precision).toBe("year");
  });

  it("turns an explicit offset into Vietnam local time", () => {
    expect(parseMoment("2026-07-15T20:30:00Z")?.iso).toBe("2026-07-16T03:30");
    expect(parseMoment("2026-07-15T08:30:00+07:00")?.iso).toBe("2026-07-15T08:30");
  });

  it("keeps the raw text, trimmed", () => {
    expect(parseMoment(" 20260715 ")?.raw).toBe("20260715");
  });

  it.each([
    "202613010000", // month 13
    "202602310000", // 31 February
    "20230229", // not a leap year
    "202607152430", // hour 24
    "202607151460", // minute 60
    "199000150000", // a day without a month
    "000000000000",
    "2026-13-01",
    "31/02/2026",
    "2026/07/15",
    "15-07-2026",
    "2026071",
    "abc",
    "",
  ])("rejects %s", (raw) => {
    expect(parseMoment(raw)).toBeNull();
  });
});

describe("formatting", () => {
  const m = (raw: string) => {
    const parsed = parseMoment(raw);
    if (!parsed) throw new Error(`fixture ${raw} does not parse`);
    return parsed;
  };

  it("prints Vietnamese dates to the known precision", () => {
    expect(formatMomentVi(m("202607151430"))).toBe("15/07/2026 14:30");
    expect(formatMomentVi(m("20260715"))).toBe("15/07/2026");
    expect(formatMomentVi(m("202607000000"))).toBe("07/2026");
    expect(formatMomentVi(m("199000000000"))).toBe("1990");
  });

  it("writes the digit form with 0000 for unknown parts, and reads it back", () => {
    for (const raw of ["202607151430", "202607150000", "202607000000", "199000000000"]) {
      expect(formatMomentDigits(m(raw))).toBe(raw);
      expect(parseMoment(formatMomentDigits(m(raw)))).toEqual(m(raw));
    }
    expect(formatMomentDigits(m("2026-07-15T08:05"), 8)).toBe("20260715");
  });

  it("writes ISO cut to the known precision, and reads it back to the same moment", () => {
    for (const raw of ["202607151430", "20260715", "202607000000", "199000000000"]) {
      const iso = formatMomentIso(m(raw));
      expect(parseMoment(iso)).toEqual({ ...m(raw), raw: iso });
    }
  });
});
