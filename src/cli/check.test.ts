/**
 * `hoso check` on the mobile teams' sheets, in-process: each row through the hub's reading and
 * checks, findings by sheet row, the programme details from the options. The bin itself is run
 * in cli.test.ts.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeTemplateCsv } from "../formats/batch/template.ts";
import { batchContext, checkFiles, formatOf, formatReport, type CheckOptions } from "./check.ts";

const NOW = new Date("2026-11-21T03:00:00Z");
const FLAGS = { lang: "en", facility: "01001", organisation: "Trường THCS Kim Mã", kind: "school", round: "2026-D1", team: "Đội 3", place: "Hà Nội" } as const;
const options = (date?: string): CheckOptions => ({ now: NOW, batch: batchContext({ ...FLAGS, ...(date ? { date } : {}) }, NOW) });

/** The template's header and its example row made into data rows, each changed by `edit`. */
function sheet(...edits: ((cells: string[]) => void)[]): string {
  const [header, example] = writeTemplateCsv().split("\r\n");
  const rows = edits.map((edit, i) => {
    const cells = (example ?? "").split(",");
    cells[0] = String(i + 1);
    edit(cells);
    return cells.join(",");
  });
  const file = join(mkdtempSync(join(tmpdir(), "hoso-check-")), "team.csv");
  writeFileSync(file, [header, ...rows].join("\r\n"));
  return file;
}

const BIRTH = 3;
const EXAM = 14;
const keep = () => {};

describe("hoso check on a batch sheet", () => {
  it("reports each row by its sheet row: a good row, and one rejected for a missing birth date", async () => {
    const file = sheet(keep, (c) => (c[BIRTH] = ""));
    const [report] = await checkFiles([file], options());
    expect(report?.format).toBe("batch");
    expect(report?.records.map((r) => [r.row, r.verdict])).toEqual([
      [2, "ok"],
      [3, "rejected"],
    ]);
    expect(report?.records[1]?.findings).toContainEqual(expect.objectContaining({ code: "KSK-REQUIRED", severity: "error", path: "ROW[3]/XML1/NGAY_SINH" }));
    const text = formatReport(report!, "en");
    expect(text).toMatch(/: 2 row\(s\)/);
    expect(text).toMatch(/row 3 MA_LK=\S+: rejected\n {4}\[error\] KSK-REQUIRED ROW\[3\]\/XML1\/NGAY_SINH — Required field NGAY_SINH/);
  });

  it("takes the exam date of rows without NGAY_KHAM from --date", async () => {
    const file = sheet((c) => (c[EXAM] = ""));
    const late = await checkFiles([file], options("01/11/2026"));
    expect(late[0]?.records[0]?.findings.map((f) => f.code)).toContain("KSK-LATE-PUSH");
    const sameDay = await checkFiles([file], options("21/11/2026"));
    expect(sameDay[0]?.records[0]?.verdict).toBe("ok");
  });

  it("gives file findings of the sheet apart from the rows", async () => {
    const [report] = await checkFiles([join(import.meta.dirname, "../formats/batch/fixtures/missing-column.csv")], options());
    expect(report?.envelopeFindings.length).toBeGreaterThan(0);
    expect(report?.envelopeFindings.every((f) => f.path.length > 0)).toBe(true);
  });

  it("defaults the programme for offline checking, exam date today in Vietnam", () => {
    const ctx = batchContext({ lang: "vi", facility: "00000", organisation: "x", kind: "other", round: "check", team: "check", place: "check" }, new Date("2026-11-20T18:30:00Z"));
    expect(ctx.programme.date).toBe("2026-11-21");
    expect(ctx.facilityCode).toBe("00000");
  });

  it("tells the formats apart from their first bytes", () => {
    expect(formatOf(Buffer.from("PK\u0003\u0004"))).toBe("batch");
    expect(formatOf(Buffer.from("\uFEFFSTT,Họ và tên"))).toBe("batch");
    expect(formatOf(Buffer.from(' {"resourceType":"Bundle"}'))).toBe("fhir");
    expect(formatOf(Buffer.from("<?xml version='1.0'?><GIAMDINHHS>"))).toBe("vss");
    expect(formatOf(Buffer.from("<?xml version='1.0'?><KHAMSUCKHOE>"))).toBe("ksk");
  });
});
