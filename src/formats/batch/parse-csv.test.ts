import { createReadStream, readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createNormalizer } from "../../checkup/normalize.ts";
import { codes, collect, schoolContext } from "./fixtures/programme.ts";
import { parseCsvStream } from "./parse-csv.ts";

const fixture = (name: string) => createReadStream(new URL(`./fixtures/${name}`, import.meta.url));
const parseText = (text: string | Buffer, chunk = 64 * 1024) => {
  const bytes = typeof text === "string" ? Buffer.from(text) : text;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) chunks.push(bytes.subarray(i, i + chunk));
  return collect(parseCsvStream(Readable.from(chunks), schoolContext()));
};
const HEADER = "STT,Họ và tên,Ngày sinh,Giới tính";

describe("CSV upload", () => {
  it("reads re-ordered columns under a title row, `;`-separated with decimal commas", async () => {
    const { records, file } = await collect(parseCsvStream(fixture("reordered.csv"), schoolContext()));
    expect(codes(file)).toEqual(["BATCH-COLUMN-UNKNOWN@ROW[2]"]);
    expect(records.map((r) => r.row)).toEqual([3, 4, 5]);
    const [first, second, third] = records.map((r) => r.record);
    expect(first).toMatchObject({ format: "batch", path: "ROW[3]", facilityCode: "01001", ageGroup: "minor_6_18" });
    expect(first?.patient).toMatchObject({ fullName: "Phạm Minh Anh", sex: "1", ethnicity: "01", provinceCode: "01", workplace: "Trường THCS Kim Mã" });
    expect(first?.patient.birthDate?.iso).toBe("2013-09-05");
    expect(first?.observations.map((o) => [o.key, o.valueRaw, o.unitRaw, o.path])).toEqual([
      ["body_height", "145", "cm", "ROW[3]/CHIEU_CAO"],
      ["body_weight", "38.5", "kg", "ROW[3]/CAN_NANG"],
      ["bp_systolic", "105", "mmHg", "ROW[3]/HUYET_AP"],
      ["bp_diastolic", "65", "mmHg", "ROW[3]/HUYET_AP"],
    ]);
    expect(first?.conditions.map((c) => c.icd10)).toEqual(["H52.1"]);
    expect(second?.patient.birthDate).toMatchObject({ precision: "year" });
    expect(third?.conclusion.healthClass).toBe("3");
    expect(third?.conditions.map((c) => c.icd10)).toEqual(["K02", "E66"]);
    expect(records.flatMap((r) => r.findings)).toEqual([]);
  });

  it("refuses a file missing a required column, naming it, and reads no row", async () => {
    const { records, file } = await collect(parseCsvStream(fixture("missing-column.csv"), schoolContext()));
    expect(records).toEqual([]);
    expect(file.map((f) => [f.code, f.severity])).toEqual([["BATCH-COLUMN-MISSING", "error"]]);
    expect(file[0]?.message.vi).toContain("Giới tính");
  });

  it("reads dates as typed, refusing only the rows it cannot read", async () => {
    const { records } = await collect(parseCsvStream(fixture("dates.csv"), schoolContext()));
    expect(records.map((r) => [r.row, r.record.patient.birthDate?.iso ?? null, codes(r.findings)])).toEqual([
      [2, "1985-03-15", []],
      [3, "1979-01-01", []],
      [4, "1990-03-01", []],
      [5, "1985-03-01", []],
      [6, "1988-03-15", []],
      [7, null, ["BATCH-DATE-YEAR-2DIGIT@ROW[7]/NGAY_SINH"]],
      [8, null, ["BATCH-DATE-ORDER@ROW[8]/NGAY_SINH"]],
      [9, null, ["BATCH-DATE-INVALID@ROW[9]/NGAY_SINH"]],
    ]);
    expect(records.map((r) => r.record.examTime?.iso)).toEqual([
      "2026-11-20", "2026-11-20", "2026-11-21", "2026-11-20T08:30", "2026-11-20", "2026-11-20", "2026-11-20", "2026-11-20",
    ]);
  });

  it("skips empty rows, pre-numbered rows and the example row; repairs what Excel did to codes", async () => {
    const { records, file } = await collect(parseCsvStream(fixture("empty-rows.csv"), schoolContext()));
    expect(codes(file)).toEqual(["BATCH-EXAMPLE-SKIPPED@ROW[2]"]);
    expect(records.map((r) => r.row)).toEqual([4, 8]);
    expect(records[0]?.record.patient).toMatchObject({ personalId: "001092012345", phone: "0912345678" });
    expect(records[0]?.record.observations[0]?.valueRaw).toBe("8/10");
    expect(codes(records[0]?.findings ?? [])).toEqual(["BATCH-LEADING-ZERO@ROW[4]/SO_CCCD", "BATCH-ACUITY-DATE@ROW[4]/KHONG_KINH_MAT_PHAI"]);
    expect(records[1]?.record.patient.personalId).toBeNull();
    expect(records[1]?.findings.map((f) => [f.code, f.severity])).toEqual([["BATCH-NUMBER-SCIENTIFIC", "error"]]);
  });

  it("refuses a file that is not UTF-8", async () => {
    const { records, file } = await collect(parseCsvStream(fixture("not-utf8.csv"), schoolContext()));
    expect(records).toEqual([]);
    expect(file.map((f) => f.code)).toEqual(["BATCH-ENCODING"]);
  });

  it.each([
    [",", `${HEADER}\n1,"Trần, Văn A",01/02/2000,1\n`],
    [";", `${HEADER.replaceAll(",", ";")}\n1;Trần, Văn A;01/02/2000;1\n`],
    ["tab", `${HEADER.replaceAll(",", "\t")}\n1\tTrần, Văn A\t01/02/2000\t1\n`],
    ["sep= line", `sep=;\n${HEADER.replaceAll(",", ";")}\n1;Trần, Văn A;01/02/2000;1\n`],
  ])("finds the %s delimiter", async (_, text) => {
    const { records } = await parseText(text);
    expect(records.map((r) => [r.row, r.record.patient.fullName])).toEqual([[2, "Trần, Văn A"]]);
  });

  it("reads Excel's UTF-16 'Unicode Text'", async () => {
    const text = `${HEADER.replaceAll(",", "\t")}\r\n1\tĐặng Thị Ánh\t2000\t2\r\n`;
    const { records } = await parseText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    expect(records.map((r) => r.record.patient.fullName)).toEqual(["Đặng Thị Ánh"]);
  });

  it("gives the same records whatever the chunk boundaries (multi-byte letters split)", async () => {
    const text = readFileSync(new URL("./fixtures/reordered.csv", import.meta.url));
    const whole = await parseText(text);
    const bytewise = await parseText(text, 1);
    expect(bytewise.records.map((r) => r.record)).toEqual(whole.records.map((r) => r.record));
  });

  it("keeps rows before an unclosed quote and answers the broken row", async () => {
    const { records } = await parseText(`${HEADER}\n1,An,2000,1\n2,"Bình,2001,1\n3,Chi,2002,2\n`);
    expect(records.map((r) => [r.row, r.record.patient.fullName, codes(r.findings)])).toEqual([
      [2, "An", []],
      [3, null, ["BATCH-ROW-UNREADABLE@ROW[3]"]],
    ]);
  });

  it("stops at a row longer than 1 MB with a file error, after the rows before it", async () => {
    const { records, file } = await parseText(`${HEADER}\n1,An,2000,1\n2,${"x".repeat(1_100_000)},2001,1\n3,Chi,2002,2\n`);
    expect(records.map((r) => r.row)).toEqual([2]);
    expect(codes(file)).toEqual(["BATCH-ROW-TOO-LONG@ROW[3]"]);
  });

  it("refuses a repeated STT in the same file", async () => {
    const { records } = await parseText(`${HEADER}\n7,An,2000,1\n8,Bình,2001,1\n007,Chi,2002,2\n`);
    expect(records.map((r) => codes(r.findings))).toEqual([[], [], ["BATCH-KEY-DUPLICATE@ROW[4]/STT"]]);
    expect(records[2]?.findings[0]?.message.vi).toContain("dòng 2");
  });

  it("answers a file without a header, an empty file and a header without rows", async () => {
    expect(codes((await parseText("a,b,c\n1,2,3\n")).file)).toEqual(["BATCH-HEADER-NOT-FOUND@HEADER"]);
    expect(codes((await parseText("")).file)).toEqual(["BATCH-HEADER-NOT-FOUND@HEADER"]);
    expect(codes((await parseText(`${HEADER}\n,,,\n`)).file)).toEqual(["BATCH-NO-ROWS@ROW[1]"]);
  });

  it("refuses the upload when the programme's date cannot be read", async () => {
    const { file } = await collect(parseCsvStream(Readable.from([`${HEADER}\n1,An,2000,1\n`]), schoolContext({ date: "next Monday" })));
    expect(codes(file)).toEqual(["BATCH-PROGRAMME-INVALID@PROGRAMME"]);
  });

  it("ignores the result columns of a re-uploaded result file", async () => {
    const { records, file } = await parseText(`${HEADER},Trạng thái,Lỗi\n1,An,2000,1,Bị từ chối,"KSK-REQUIRED: …"\n`);
    expect(file).toEqual([]);
    expect(records[0]?.record.blocks["CELLS"]).toEqual({ STT: "1", HO_TEN: "An", NGAY_SINH: "2000", GIOI_TINH: "1" });
  });

  it("keeps cells as typed in blocks, without the row number, so a moved row stores the same content", async () => {
    const a = await parseText(`${HEADER}\n1,An,2000,1\n2,Bình,2001,1\n`);
    const b = await parseText(`${HEADER}\n2,Bình,2001,1\n1,An,2000,1\n`);
    const strip = (r: (typeof a.records)[number]) => JSON.parse(JSON.stringify(r.record).replaceAll(`"${r.record.path}/`, '"')) as unknown;
    expect(strip(b.records[1]!)).toEqual({ ...(strip(a.records[0]!) as object), path: "ROW[3]", index: 1 });
  });

  it("hands measures to the normaliser with the unit the team meant", async () => {
    const { records } = await parseText(
      `${HEADER};Glucose;Đơn vị glucose máu lúc đói;HbA1c (%);HBsAg;Thị lực MT không kính\n`.replaceAll(",", ";") +
        "1;An;1980;1;5,6;;6,1;Âm tính;0,8\n2;Bình;1981;2;100;mg/dL;;Dương tính;\n3;Chi;1982;2;100 mg/dL;;;;\n",
    );
    const normalize = createNormalizer();
    const seen = records.map((r) =>
      normalize.normalizeObservations(r.record).observations.map((o) => [o.key, o.valueRaw, o.unitRaw, o.value === null ? o.valueText : Math.round(o.value * 100) / 100]),
    );
    expect(seen).toEqual([
      [["visual_acuity_left_uncorrected", "0.8", null, 0.8], ["glucose_fasting", "5.6", "mmol/L", 5.6], ["hba1c", "6.1", "%", 6.1], ["hbsag", "Âm tính", null, "negative"]],
      [["glucose_fasting", "100", "mg/dL", 5.55], ["hbsag", "Dương tính", null, "positive"]],
      [["glucose_fasting", "100 mg/dL", null, 5.55]],
    ]);
  });
});
