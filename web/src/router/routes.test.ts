import { describe, expect, it } from "vitest";
import { matchRoute, paths } from "./routes.ts";

describe("routes", () => {
  it("matches every page and its parameters", () => {
    expect(matchRoute("/")).toEqual({ name: "home" });
    expect(matchRoute("/book/1")).toEqual({ name: "book", book: 1 });
    expect(matchRoute("/book/0/checkup/9334e144-5a67-444f-af24-ad376608a601")).toEqual({
      name: "checkup",
      book: 0,
      checkupId: "9334e144-5a67-444f-af24-ad376608a601",
    });
    expect(matchRoute("/book/0/trends", "?k=bmi")).toEqual({ name: "trends", book: 0, key: "bmi" });
    expect(matchRoute("/doctor/grant/7d2e/trends")).toEqual({ name: "grant-trends", grantId: "7d2e", key: "bp" });
    expect(matchRoute("/verify/ABCD-EFGH-JKLM")).toEqual({ name: "verify", code: "ABCD-EFGH-JKLM" });
    expect(matchRoute("/verify", "?code=X")).toEqual({ name: "verify", code: "X" });
    expect(matchRoute("/steward")).toEqual({ name: "steward", reason: null });
    expect(matchRoute("/steward", "?reason=no-id")).toEqual({ name: "steward", reason: "no-id" });
    expect(matchRoute("/steward/case/6d0c-11")).toEqual({ name: "steward-case", caseId: "6d0c-11" });
  });

  it("falls back to blood pressure for an unknown trend and to not-found for unknown paths", () => {
    expect(matchRoute("/book/0/trends", "?k=weight")).toMatchObject({ key: "bp" });
    expect(matchRoute("/book/x")).toEqual({ name: "not-found" });
    expect(matchRoute("/book/0/checkup/a/b")).toEqual({ name: "not-found" });
  });

  it("tolerates a trailing slash", () => {
    expect(matchRoute("/doctor/")).toEqual({ name: "doctor" });
  });

  it("round-trips every path builder", () => {
    expect(matchRoute(...split(paths.trends(2, "glucose_fasting")))).toEqual({ name: "trends", book: 2, key: "glucose_fasting" });
    expect(matchRoute(...split(paths.grantCheckup("g1", "c1")))).toEqual({ name: "grant-checkup", grantId: "g1", checkupId: "c1" });
    expect(matchRoute(...split(paths.accessLog(0)))).toEqual({ name: "access-log", book: 0 });
    expect(matchRoute(...split(paths.steward("mismatch")))).toEqual({ name: "steward", reason: "mismatch" });
    expect(matchRoute(...split(paths.stewardCase("c1")))).toEqual({ name: "steward-case", caseId: "c1" });
  });

  it("never puts a personal ID in a page URL", () => {
    expect(matchRoute("/book/001090012345")).toEqual({ name: "not-found" });
  });
});

function split(href: string): [string, string] {
  const q = href.indexOf("?");
  return q < 0 ? [href, ""] : [href.slice(0, q), href.slice(q)];
}
