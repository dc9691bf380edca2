import { describe, expect, it } from "vitest";
import { formatDate, formatInstant, formatLocalDateTime, parseDisplayDate } from "./date.ts";

describe("dates as people in Vietnam write them", () => {
  it("writes dd/mm/yyyy, keeping partial dates partial", () => {
    expect(formatDate("2026-11-20")).toBe("20/11/2026");
    expect(formatDate("1990-05")).toBe("05/1990");
    expect(formatDate("1990")).toBe("1990");
    expect(formatDate(null)).toBe("");
  });

  it("shows an exam's local time as sent", () => {
    expect(formatLocalDateTime("2026-11-20T08:30")).toBe("20/11/2026 08:30");
    expect(formatLocalDateTime("2026-11-20")).toBe("20/11/2026");
  });

  it("shows instants in Vietnam time, across midnight and year end", () => {
    expect(formatInstant("2026-11-20T03:10:00.000Z")).toBe("20/11/2026 10:10");
    expect(formatInstant("2026-12-31T17:30:00Z")).toBe("01/01/2027 00:30");
  });

  it("reads a typed dd/mm/yyyy and refuses dates that do not exist", () => {
    expect(parseDisplayDate("2/3/2016")).toBe("2016-03-02");
    expect(parseDisplayDate("29/02/2023")).toBeNull();
    expect(parseDisplayDate("2016-03-02")).toBeNull();
  });
});
