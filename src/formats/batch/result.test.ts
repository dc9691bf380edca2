import { parse } from "csv-parse/sync";
import { PassThrough, Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { finding } from "../../checkup/finding.ts";
import { codes, collect, schoolContext } from "./fixtures/programme.ts";
import { loadWorkbook } from "./fixtures/workbook.ts";
import { parseCsvStream } from "./parse-csv.ts";
import { parseXlsx } from "./parse-xlsx.ts";
import { writeResultCsv, writeResultXlsx, type RowOutcome } from "./result.ts";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

async function capture(write: (out: PassThrough) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await write(out);
  return Buffer.concat(chunks);
}

const required = finding("KSK-REQUIRED", "error", "ROW[4]/XML12/PHAN_LOAI_SK", "Thiếu phân loại sức khỏe.", "Health class is required.");
const weight = finding("KSK-UNIT-UNKNOWN", "warning", "ROW[3]/CAN_NANG", "Đơn vị không rõ.", "Unknown unit.");

describe("result spreadsheet", () => {
  const csv = "\uFEFFSTT;Họ và tên;Ngày sinh;Giới tính;Cân nặng (kg)\r\n1;An;2000;1;60\r\n\r\n2;Bình;2001;1;\r\n";
  const outcomes: RowOutcome[] = [
    { row: 2, status: "accepted", findings: [weight] },
    { row: 4, status: "rejected", findings: [required] },
  ];

  it("streams the CSV back with status and findings, same delimiter, BOM, every row kept", async () => {
    const out = await capture((o) => writeResultCsv(Readable.from([csv]), outcomes, o));
    expect(out.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(parse(out, { bom: true, delimiter: ";", relax_column_count: true })).toEqual([
      ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Cân nặng (kg)", "Trạng thái", "Lỗi"],
      ["1", "An", "2000", "1", "60", "Đã nhận", 'KSK-UNIT-UNKNOWN: (cảnh báo) Đơn vị không rõ. — cột "Cân nặng (kg)"'],
      [""],
      ["2", "Bình", "2001", "1", "", "Bị từ chối", 'KSK-REQUIRED: Thiếu phân loại sức khỏe. — cột "Phân loại sức khỏe"'],
    ]);
  });

  it("is a file the team can fix and upload again: result columns replaced, not added twice", async () => {
    const first = await capture((o) => writeResultCsv(Readable.from([csv]), outcomes, o));
    const reparsed = await collect(parseCsvStream(Readable.from([first]), schoolContext()));
    expect(reparsed.file).toEqual([]);
    expect(reparsed.records.map((r) => r.row)).toEqual([2, 4]);
    const second = await capture((o) => writeResultCsv(Readable.from([first]), [{ row: 4, status: "accepted", findings: [] }], o));
    const lines = second.toString("utf8").slice(1).split("\r\n");
    expect(lines[0]).toBe("STT;Họ và tên;Ngày sinh;Giới tính;Cân nặng (kg);Trạng thái;Lỗi");
    expect(lines[1]).toBe("1;An;2000;1;60;;");
    expect(lines[3]).toBe("2;Bình;2001;1;;Đã nhận;");
  });

  it("counts outcomes whose row never came", async () => {
    const summary = await writeResultCsv(Readable.from([csv]), [{ row: 3, status: "accepted", findings: [] }, ...outcomes, { row: 99, status: "review", findings: [] }], new PassThrough().resume());
    expect(summary).toEqual({ rows: 4, withOutcome: 2, unmatched: 2 });
  });

  it("streams the XLSX back: data with status (coloured) and findings, then the help and code sheets", async () => {
    const parsed = await collect(parseXlsx(fixture("team.xlsx"), schoolContext()));
    const results: RowOutcome[] = parsed.records.map((r) => ({
      row: r.row,
      status: r.row === 8 ? "rejected" : "accepted",
      findings: r.findings,
    }));
    const out = await capture((o) => writeResultXlsx(fixture("team.xlsx"), results, o));
    const wb = await loadWorkbook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Dữ liệu", "Hướng dẫn", "Mã"]);
    const ws = wb.getWorksheet("Dữ liệu");
    expect(ws?.getRow(1).getCell(13).value).toBe("Trạng thái");
    expect(ws?.getRow(1).getCell(14).value).toBe("Lỗi");
    expect(ws?.getRow(4).getCell(10).value).toEqual(new Date(Date.UTC(2026, 10, 20)));
    expect(ws?.getRow(3).getCell(8).value).toBe(22.49134948096886);
    expect(ws?.getRow(8).getCell(13).value).toBe("Bị từ chối");
    expect(ws?.getRow(8).getCell(13).fill).toMatchObject({ fgColor: { argb: "FFFFC7CE" } });
    expect(String(ws?.getRow(4).getCell(14).value)).toContain('BATCH-MERGED: (cảnh báo) Ô thuộc vùng gộp ô; giá trị lấy từ ô đầu của vùng — cột "Ngày khám"');
    expect(ws?.getRow(2).getCell(13).value ?? null).toBeNull();
    // Rows 9–10 held only a merged doctor: read as empty, and written back empty, not filled.
    expect([9, 10].map((n) => ws?.getRow(n).getCell(11).value ?? null)).toEqual([null, null]);

    const again = await collect(parseXlsx(() => Readable.from([out]), schoolContext()));
    expect(again.records.map((r) => r.row)).toEqual([3, 4, 5, 8]);
    // Formulas came back as values and merges as filled cells: nothing left to warn about but what the team typed.
    expect(codes(again.records[1]?.findings ?? [])).toEqual([]);
    expect(codes(again.records[0]?.findings ?? [])).toEqual(["BATCH-LEADING-ZERO@ROW[3]/SO_CCCD", "BATCH-ACUITY-DATE@ROW[3]/KHONG_KINH_MAT_PHAI"]);
    expect(again.records[1]?.record.conclusion.concludingDoctor).toBe("BS. Hà Thị Vân");
  });
});
