import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { codes, collect, schoolContext } from "./fixtures/programme.ts";
import { parseXlsx } from "./parse-xlsx.ts";
import { writeTemplateXlsx } from "./template.ts";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe("XLSX upload", () => {
  it("reads the 'Dữ liệu' sheet: formulas, merges, dates, Excel's damage to codes, empty and example rows", async () => {
    const { records, file } = await collect(parseXlsx(fixture("team.xlsx"), schoolContext()));
    expect(codes(file)).toEqual(["BATCH-EXTRA-SHEETS@WORKBOOK", "BATCH-EXAMPLE-SKIPPED@ROW[2]"]);
    expect(records.map((r) => r.row)).toEqual([3, 4, 5, 8]);
    const byRow = new Map(records.map((r) => [r.row, r]));

    const r3 = byRow.get(3);
    expect(r3?.record.patient).toMatchObject({ fullName: "Trương Văn Khải", sex: "1", personalId: "038088012345" });
    expect(r3?.record.patient.birthDate?.iso).toBe("1988-06-01");
    expect(r3?.record.observations.map((o) => [o.key, o.valueRaw])).toEqual([
      ["body_height", "170"], ["body_weight", "65"], ["bmi", "22.4913494809689"], ["visual_acuity_right_uncorrected", "8/10"],
    ]);
    expect(codes(r3?.findings ?? [])).toEqual([
      "BATCH-FORMULA@ROW[3]/CHI_SO_BMI", "BATCH-LEADING-ZERO@ROW[3]/SO_CCCD", "BATCH-ACUITY-DATE@ROW[3]/KHONG_KINH_MAT_PHAI",
    ]);

    const r4 = byRow.get(4);
    expect(r4?.record.patient).toMatchObject({ fullName: "Lưu Thị Phương", sex: "2" });
    expect(r4?.record.patient.birthDate?.iso).toBe("1990-01-01");
    expect(r4?.record.conclusion).toMatchObject({ healthClass: "1", concludingDoctor: "BS. Hà Thị Vân" });
    expect(r4?.record.examTime?.iso).toBe("2026-11-20");
    expect(r4?.record.observations.some((o) => o.key === "bmi")).toBe(false);
    expect(codes(r4?.findings ?? [])).toEqual([
      "BATCH-FORMULA-NO-RESULT@ROW[4]/CHI_SO_BMI", "BATCH-MERGED@ROW[4]/NGAY_KHAM", "BATCH-MERGED@ROW[4]/BAC_SI_KET_LUAN",
    ]);

    const r5 = byRow.get(5);
    expect(r5?.record.patient.birthDate?.precision).toBe("year");
    expect(r5?.record.conclusion.concludingDoctor).toBe("BS. Hà Thị Vân");
    expect(codes(r5?.findings ?? [])).toContain("BATCH-CELL-ERROR@ROW[5]/CHI_SO_BMI");

    const r8 = byRow.get(8);
    expect(r8?.record.patient.birthDate).toBeNull();
    expect(codes(r8?.findings ?? [])).toEqual(["BATCH-MERGED-ACROSS@ROW[8]/NGAY_SINH"]);
    expect(records.flatMap((r) => r.findings).filter((f) => f.severity === "error")).toEqual([]);
  });

  it("reads the first sheet when none is called 'Dữ liệu', under a title row", async () => {
    const { records, file } = await collect(parseXlsx(fixture("first-sheet.xlsx"), schoolContext()));
    expect(codes(file)).toEqual(["BATCH-EXTRA-SHEETS@WORKBOOK"]);
    expect(records.map((r) => [r.row, r.record.maLk, r.record.patient.birthDate?.iso])).toEqual([[3, "KSK-0001", "2018-07-07"]]);
  });

  it("reads from a function that opens the upload", async () => {
    const { records } = await collect(parseXlsx(() => Readable.from([readFixture("first-sheet.xlsx")]), schoolContext()));
    expect(records).toHaveLength(1);
  });

  it("answers a file that is not an XLSX, or is cut short, with a file error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hoso-batch-"));
    writeFileSync(join(dir, "a.xlsx"), "STT,Họ và tên\n1,An\n");
    writeFileSync(join(dir, "b.xlsx"), readFixture("team.xlsx").subarray(0, 3000));
    for (const name of ["a.xlsx", "b.xlsx"]) {
      const { records, file } = await collect(parseXlsx(join(dir, name), schoolContext()));
      expect(records).toEqual([]);
      expect(file.map((f) => [f.code, f.severity])).toEqual([["BATCH-FILE-UNREADABLE", "error"]]);
    }
  });

  it("reads the served template as a file with no rows (its example row is skipped)", async () => {
    const template = await writeTemplateXlsx();
    const { records, file } = await collect(parseXlsx(() => Readable.from([template]), schoolContext()));
    expect(records).toEqual([]);
    expect(codes(file)).toEqual(["BATCH-EXAMPLE-SKIPPED@ROW[2]", "BATCH-NO-ROWS@ROW[1]"]);
  });

  it("leaves no temp file behind when it returns, even when it stops at a refused header or skips extra sheets", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Dữ liệu").addRow(["STT", "Họ và tên", "Ngày sinh"]);
    wb.addWorksheet("Hướng dẫn").addRow(["…"]);
    wb.addWorksheet("Mã").addRow(["…"]);
    wb.addWorksheet("Khác").addRow(["…"]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    // exceljs parks sheets in os.tmpdir() as `tmp-<pid>-…` (the tmp package); this test file runs
    // alone in its worker process, so every such file of this pid is this reader's.
    const ours = () => readdirSync(tmpdir()).filter((f) => f.startsWith(`tmp-${process.pid}-`));
    const before = ours();
    for (let i = 0; i < 10; i++) {
      const { file } = await collect(parseXlsx(() => Readable.from([bytes]), schoolContext()));
      expect(file.map((f) => f.code)).toEqual(["BATCH-EXTRA-SHEETS", "BATCH-COLUMN-MISSING"]);
      // The reader removes its own temp files before it returns: no waiting here.
      expect(ours()).toEqual(before);
    }
  });
});

function readFixture(name: string): Buffer {
  return readFileSync(fixture(name));
}
