import { describe, expect, it } from "vitest";
import { createChecker } from "../check.ts";
import { buildCheckup, CHECK_CTX, moment } from "../../../test/factories/checkup.ts";

const check = createChecker();
const at = (examIso: string, receivedAt: string, raw?: string) =>
  check(buildCheckup({ examTime: moment(examIso, raw) }), { now: new Date(receivedAt), receivedAt: new Date(receivedAt) })
    .findings.map((f) => `${f.severity} ${f.code} ${f.path}`);

describe("exam time and delivery", () => {
  it("rejects an exam in the future beyond 10 minutes of clock skew", () => {
    // 08:30 in Hà Nội is 01:30 UTC.
    expect(at("2026-11-20T08:30", "2026-11-20T01:19:00Z")).toEqual(["error KSK-EXAM-IN-FUTURE HOSO[0]/XML2/NGAY_VAO"]);
    expect(at("2026-11-20T08:30", "2026-11-20T01:21:00Z")).toEqual([]);
  });

  it("keeps a check-up received more than 24 h after the exam, with a warning", () => {
    expect(at("2026-11-20T08:30", "2026-11-21T01:31:00Z")).toEqual(["warning KSK-LATE-PUSH HOSO[0]/XML2/NGAY_VAO"]);
    expect(at("2026-11-20T08:30", "2026-11-21T01:29:00Z")).toEqual([]);
  });

  it("reads a day-precision exam generously both ways", () => {
    const day = (received: string) => at("2026-11-20", received, "202611200000");
    expect(day("2026-11-19T17:05:00Z")).toEqual([]); // 00:05 on the 20th, local
    expect(day("2026-11-21T12:00:00Z")).toEqual([]); // within 24 h of 23:59 on the 20th
  });

  it("uses the clock it is given", () => {
    expect(check(buildCheckup(), CHECK_CTX).findings).toEqual([]);
  });
});
