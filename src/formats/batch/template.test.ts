import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { INPUT_COLUMNS } from "./columns.ts";
import { codes, collect, schoolContext } from "./fixtures/programme.ts";
import { loadWorkbook } from "./fixtures/workbook.ts";
import { parseCsvStream } from "./parse-csv.ts";
import { writeTemplateCsv, writeTemplateXlsx } from "./template.ts";

describe("template", () => {
  it("serves a CSV with a BOM, the Vietnamese headers and an example row the reader skips", async () => {
    const text = writeTemplateCsv();
    expect(text.startsWith("\uFEFF")).toBe(true);
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[0]).toEqual(INPUT_COLUMNS.map((c) => c.header));
    expect(rows[1]?.[0]).toBe("Ví dụ");
    const filled = `${text}1,,Nguyễn Văn An,01/02/1990,1\r\n`;
    const { records, file } = await collect(parseCsvStream(Readable.from([filled]), schoolContext()));
    expect(codes(file)).toEqual(["BATCH-EXAMPLE-SKIPPED@ROW[2]"]);
    expect(records.map((r) => r.record.patient.fullName)).toEqual(["Nguyễn Văn An"]);
  });

  it("serves a `;` CSV on request", () => {
    expect(writeTemplateCsv({ delimiter: ";" }).split("\r\n")[0]).toContain("STT;Mã lượt khám;Họ và tên");
  });

  it("serves an XLSX with data, help and code sheets; code columns formatted as Text", async () => {
    const wb = await loadWorkbook(await writeTemplateXlsx());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Dữ liệu", "Hướng dẫn", "Mã"]);
    const data = wb.getWorksheet("Dữ liệu");
    expect(data?.getRow(1).values).toEqual([undefined, ...INPUT_COLUMNS.map((c) => c.header)]);
    const idColumn = INPUT_COLUMNS.findIndex((c) => c.key === "SO_CCCD") + 1;
    expect(data?.getColumn(idColumn).numFmt).toBe("@");
    const help = wb.getWorksheet("Hướng dẫn");
    const keysExplained = new Set<unknown>();
    help?.eachRow((row) => keysExplained.add(row.getCell(2).value));
    expect(INPUT_COLUMNS.filter((c) => !keysExplained.has(c.key)).map((c) => c.key)).toEqual([]);
    const lists = new Map<string, number>();
    wb.getWorksheet("Mã")?.eachRow((row, n) => {
      if (n > 1) lists.set(String(row.getCell(1).value), (lists.get(String(row.getCell(1).value)) ?? 0) + 1);
    });
    expect(Object.fromEntries(lists)).toMatchObject({
      "Giới tính (GIOI_TINH)": 3,
      "Phân loại sức khỏe (PHAN_LOAI_SK)": 5,
      "Dân tộc (MA_DAN_TOC)": 56,
      "Tỉnh (MATINH_CU_TRU)": 34,
      "Xã/Phường (MAXA_CU_TRU)": 3321,
    });
  });
});
