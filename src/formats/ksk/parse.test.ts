import { describe, expect, it } from "vitest";
import type { Finding } from "../../checkup/finding.ts";
import { parseKsk } from "./parse.ts";

type Blocks = Record<string, string>;

const xml = (root: string, fields: Record<string, string>) =>
  `<${root}>${Object.entries(fields).map(([k, v]) => `<${k}>${v}</${k}>`).join("")}</${root}>`;
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

const ADMIN = xml("THONG_TIN_HANH_CHINH", { HO_TEN: "Nguyễn Văn An", NGAY_SINH: "198001020000", SO_CCCD: "001080001234", GIOI_TINH: "1" });
const VISIT = xml("THONG_TIN_CHUNG_VE_LAN_KHAM", { MA_LK: "LK1", MA_CSKCB: "01001", TYPE: "Adult", NGAY_VAO: "202611200800" });

function hoso(blocks: Blocks): string {
  return `<HOSO>${Object.entries(blocks)
    .map(([type, content]) => `<FILEHOSO><LOAIHOSO>${type}</LOAIHOSO><NOIDUNGFILE>${content}</NOIDUNGFILE></FILEHOSO>`)
    .join("")}</HOSO>`;
}

function envelope(hosos: Blocks[], opts: { facility?: string; count?: string; signatures?: "inside" | "after" } = {}): string {
  const sig = "<CHUKYDONVI><CKS_BENH_VIEN>SIG-BV</CKS_BENH_VIEN></CHUKYDONVI>";
  return (
    `<KHAMSUCKHOE><THONGTINDONVI><MACSKCB>${opts.facility ?? "8936012345671"}</MACSKCB></THONGTINDONVI>` +
    `<THONGTINHOSO><NGAYLAP>20261120</NGAYLAP><SOLUONGHOSO>${opts.count ?? String(hosos.length)}</SOLUONGHOSO>` +
    `<DANHSACHHOSO>${hosos.map(hoso).join("")}</DANHSACHHOSO>${opts.signatures === "inside" ? sig : ""}</THONGTINHOSO>` +
    `${opts.signatures === "after" ? sig : ""}</KHAMSUCKHOE>`
  );
}

const one = (blocks: Blocks, opts?: Parameters<typeof envelope>[1]) => {
  const result = parseKsk(envelope([blocks], opts));
  const first = result.records[0];
  if (!first) throw new Error(`no record; envelope findings ${result.findings.map((f) => f.code).join(",")}`);
  return { result, ...first };
};
const codes = (findings: readonly Finding[]) => findings.map((f) => f.code);

describe("parseKsk: the §5.7 conflict register, every variant accepted", () => {
  it("reads inline blocks and base64 blocks alike, also base64 wrapped over lines", () => {
    const inline = one({ XML1: ADMIN, XML2: VISIT });
    const wrapped = b64(ADMIN).replace(/(.{20})/g, "$1\r\n");
    const base64 = one({ XML1: wrapped, XML2: b64(VISIT) });
    expect(base64.record.patient).toEqual(inline.record.patient);
    expect(base64.findings).toEqual([]);
    expect(inline.record.patient.fullName).toBe("Nguyễn Văn An");
  });

  it("reads a block sent as escaped text or inside CDATA", () => {
    const escaped = ADMIN.replace(/</g, "&lt;").replace(/>/g, "&gt;");
    expect(one({ XML1: escaped, XML2: VISIT }).record.patient.fullName).toBe("Nguyễn Văn An");
    expect(one({ XML1: `<![CDATA[${ADMIN}]]>`, XML2: VISIT }).record.patient.fullName).toBe("Nguyễn Văn An");
  });

  it("accepts MACSKCB as a 13-digit GLN or a 5-character code and fills the record's missing one", () => {
    const visit = xml("THONG_TIN_CHUNG_VE_LAN_KHAM", { MA_LK: "LK1", TYPE: "Adult" });
    const gln = one({ XML1: ADMIN, XML2: visit }, { facility: "8936012345671" });
    expect(gln.result.facilityId).toBe("8936012345671");
    expect([gln.record.facilityGln, gln.record.facilityCode]).toEqual(["8936012345671", null]);
    const code = one({ XML1: ADMIN, XML2: visit }, { facility: "79024" });
    expect([code.record.facilityGln, code.record.facilityCode]).toEqual([null, "79024"]);
    expect(code.result.findings).toEqual([]);
    expect(codes(one({ XML1: ADMIN, XML2: visit }, { facility: "12-34" }).result.findings)).toEqual(["KSK-FACILITY-FORMAT"]);
  });

  it("finds CHUKYDONVI inside or after THONGTINHOSO and keeps it with every record", () => {
    for (const signatures of ["inside", "after"] as const) {
      expect(one({ XML1: ADMIN, XML2: VISIT }, { signatures }).record.signatures).toEqual({ CKS_BENH_VIEN: "SIG-BV" });
    }
  });

  it("reads XML12 rooted at KET_LUAN or KET_LUAN_VA_TU_VAN", () => {
    for (const root of ["KET_LUAN", "KET_LUAN_VA_TU_VAN"]) {
      const { record, findings } = one({ XML1: ADMIN, XML2: VISIT, XML12: xml(root, { PHAN_LOAI_SK: "2", KET_LUAN_BENH: "I10" }) });
      expect(record.conclusion.healthClass).toBe("2");
      expect(record.conditions).toEqual([{ icd10: "I10", text: null, kind: "diagnosis", path: "HOSO[0]/XML12/KET_LUAN_BENH" }]);
      expect(findings).toEqual([]);
    }
  });

  it.each([
    ["198001020000", "1980-01-02", "day"],
    ["1980-01-02", "1980-01-02", "day"],
    ["198000000000", "1980-01-01", "year"],
    ["02/01/1980", "1980-01-02", "day"],
  ])("reads NGAY_SINH %s", (raw, iso, precision) => {
    const admin = xml("THONG_TIN_HANH_CHINH", { HO_TEN: "A", NGAY_SINH: raw });
    expect(one({ XML1: admin, XML2: VISIT }).record.patient.birthDate).toEqual({ raw, iso, precision });
  });

  it("reads year-only yyyy01010000 as year when the caller says the sender writes it so", () => {
    const admin = xml("THONG_TIN_HANH_CHINH", { NGAY_SINH: "195501010000" });
    const text = envelope([{ XML1: admin, XML2: VISIT }]);
    expect(parseKsk(text).records[0]?.record.patient.birthDate?.precision).toBe("day");
    expect(parseKsk(text, { janFirstIsYearOnly: true }).records[0]?.record.patient.birthDate?.precision).toBe("year");
  });

  it.each([
    ["ChildUnder", "child_under_6"],
    ["Minor", "minor_6_18"],
    ["Adult", "adult"],
    ["Driver", "adult"],
    ["adult", "adult"],
  ])("maps TYPE %s to %s", (type, group) => {
    const visit = xml("THONG_TIN_CHUNG_VE_LAN_KHAM", { MA_LK: "LK1", TYPE: type });
    expect(one({ XML1: ADMIN, XML2: visit }).record.ageGroup).toBe(group);
  });

  it("infers the age group from the age at the exam when TYPE is missing or unknown", () => {
    const born = (date: string) => xml("THONG_TIN_HANH_CHINH", { NGAY_SINH: date });
    const visit = (type?: string) =>
      xml("THONG_TIN_CHUNG_VE_LAN_KHAM", { MA_LK: "LK1", NGAY_VAO: "202611200800", ...(type ? { TYPE: type } : {}) });
    expect(one({ XML1: born("20201121"), XML2: visit() }).record.ageGroup).toBe("child_under_6");
    expect(one({ XML1: born("20201120"), XML2: visit() }).record.ageGroup).toBe("minor_6_18");
    expect(one({ XML1: born("20081121"), XML2: visit() }).record.ageGroup).toBe("minor_6_18");
    expect(one({ XML1: born("20081120"), XML2: visit() }).record.ageGroup).toBe("adult");
    const unknown = one({ XML1: born("1990-05-05"), XML2: visit("Senior") });
    expect(unknown.record.ageGroup).toBe("adult");
    expect(unknown.findings).toEqual([expect.objectContaining({ code: "KSK-TYPE-UNKNOWN", severity: "warning", path: "HOSO[0]/XML2/TYPE" })]);
  });
});

describe("parseKsk: envelope", () => {
  it("warns when SOLUONGHOSO does not match the HOSO received, and keeps the records", () => {
    const result = parseKsk(envelope([{ XML1: ADMIN, XML2: VISIT }], { count: "3" }));
    expect(result.declaredCount).toBe(3);
    expect(result.records).toHaveLength(1);
    expect(result.findings).toEqual([
      expect.objectContaining({ code: "KSK-COUNT-MISMATCH", severity: "warning", path: "THONGTINHOSO/SOLUONGHOSO" }),
    ]);
    expect(codes(parseKsk(envelope([{ XML1: ADMIN, XML2: VISIT }], { count: "một" })).findings)).toEqual(["KSK-COUNT-INVALID"]);
  });

  it("refuses an envelope without HOSO, or with another root", () => {
    expect(codes(parseKsk(envelope([])).findings)).toEqual(["KSK-NO-RECORDS"]);
    expect(parseKsk("<GIAMDINHHS><THONGTINDONVI/></GIAMDINHHS>").findings).toEqual([
      expect.objectContaining({ code: "KSK-ROOT", severity: "error" }),
    ]);
  });

  it("reads bytes, with or without a BOM, and refuses bytes that are not UTF-8", () => {
    const text = envelope([{ XML1: ADMIN, XML2: VISIT }]);
    const bytes = new TextEncoder().encode(`\uFEFF${text}`);
    expect(parseKsk(bytes)).toEqual(parseKsk(text));
    expect(codes(parseKsk(new Uint8Array([0x3c, 0xff, 0x3e])).findings)).toEqual(["XML-ENCODING"]);
  });

  it("normalises Vietnamese text to NFC whatever form it arrives in", () => {
    const decomposed = "Nguye\u0302\u0303n Va\u0306n An".normalize("NFD");
    const admin = xml("THONG_TIN_HANH_CHINH", { HO_TEN: decomposed });
    expect(one({ XML1: b64(admin), XML2: VISIT }).record.patient.fullName).toBe("Nguyễn Văn An");
  });
});

describe("parseKsk: a bad record never takes the others down (design.md invariant 3)", () => {
  const good = { XML1: ADMIN, XML2: VISIT };

  it.each([
    ["not base64, not XML", "không phải base64 !!!", "KSK-BLOCK-NOT-BASE64"],
    ["base64 of plain text", b64("HO_TEN=Nguyễn Văn An"), "KSK-BLOCK-NOT-XML"],
    ["base64 of bytes that are not UTF-8", Buffer.from([0xff, 0xfe, 0x00, 0x3c]).toString("base64"), "KSK-BLOCK-ENCODING"],
    ["base64 of XML that is not well-formed", b64("<THONG_TIN_HANH_CHINH><HO_TEN>x</THONG_TIN_HANH_CHINH>"), "XML-MALFORMED"],
    ["base64 of XML with a DOCTYPE", b64('<!DOCTYPE x [<!ENTITY a "b">]><THONG_TIN_HANH_CHINH/>'), "XML-DOCTYPE"],
    ["base64 of XML nested too deep", b64("<THONG_TIN_HANH_CHINH>" + "<A>".repeat(40) + "</A>".repeat(40) + "</THONG_TIN_HANH_CHINH>"), "XML-TOO-DEEP"],
  ])("%s: an error on that record only, at the block's path", (_label, content, code) => {
    const result = parseKsk(envelope([good, { XML1: content, XML2: VISIT }, good]));
    expect(result.findings).toEqual([]);
    expect(result.records.map((r) => codes(r.findings))).toEqual([[], [code], []]);
    expect(result.records[1]?.findings[0]).toMatchObject({ severity: "error", path: "HOSO[1]/XML1" });
    expect(result.records[2]?.record.patient.fullName).toBe("Nguyễn Văn An");
  });

  it("rejects a record missing XML1 or XML2 and warns about blocks it cannot place", () => {
    const { findings } = one({
      XML2: VISIT,
      XML13: xml("KHOI_LA", { A: "1" }),
      XML7: xml("KHAM_THE_LUC", { CHIEU_CAO: "160" }),
      XML9: "",
    });
    expect(findings.map((f) => [f.code, f.severity, f.path])).toEqual([
      ["KSK-BLOCK-UNKNOWN", "warning", "HOSO[0]/FILEHOSO[1]/LOAIHOSO"],
      ["KSK-BLOCK-ROOT", "warning", "HOSO[0]/XML7"],
      ["KSK-BLOCK-EMPTY", "warning", "HOSO[0]/XML9"],
      ["KSK-BLOCK-MISSING", "error", "HOSO[0]/XML1"],
    ]);
  });

  it("reads the first of a repeated block and warns", () => {
    const text = envelope([{ XML1: ADMIN, XML2: VISIT }]).replace(
      "</HOSO>",
      `<FILEHOSO><LOAIHOSO>xml01</LOAIHOSO><NOIDUNGFILE>${xml("THONG_TIN_HANH_CHINH", { HO_TEN: "Khác" })}</NOIDUNGFILE></FILEHOSO></HOSO>`,
    );
    const [first] = parseKsk(text).records;
    expect(first?.record.patient.fullName).toBe("Nguyễn Văn An");
    expect(codes(first?.findings ?? [])).toEqual(["KSK-BLOCK-DUPLICATE"]);
  });

  it("never puts names, IDs or values in finding messages", () => {
    const admin = xml("THONG_TIN_HANH_CHINH", { HO_TEN: "Nguyễn Văn An", HO_TEN_2: "", NGAY_SINH: "19801399" });
    const visit = xml("THONG_TIN_CHUNG_VE_LAN_KHAM", { MA_LK: "LK1", TYPE: "Nguyễn Văn An" });
    const result = parseKsk(envelope([{ XML1: admin, XML2: visit }, { XML1: "Nguyễn Văn An 001080001234", XML2: VISIT }]));
    const all = [...result.findings, ...result.records.flatMap((r) => r.findings)];
    expect(all.length).toBeGreaterThanOrEqual(3);
    const text = JSON.stringify(all.map((f) => f.message));
    expect(text).not.toMatch(/Nguyễn|001080001234|19801399/);
  });
});

describe("parseKsk: mapping into the model", () => {
  it("splits HUYET_AP into systolic and diastolic, and warns when it cannot", () => {
    const physical = (bp: string) => ({ XML1: ADMIN, XML2: VISIT, XML10: xml("KHAM_THE_LUC", { HUYET_AP: bp }) });
    const { record } = one(physical("130 / 85 mmHg"));
    expect(record.observations.map((o) => [o.key, o.valueRaw, o.unitRaw, o.path])).toEqual([
      ["bp_systolic", "130", "mmHg", "HOSO[0]/XML10/HUYET_AP"],
      ["bp_diastolic", "85", "mmHg", "HOSO[0]/XML10/HUYET_AP"],
    ]);
    const bad = one(physical("130-85"));
    expect(bad.record.observations).toEqual([]);
    expect(bad.findings).toEqual([expect.objectContaining({ code: "KSK-BP-FORMAT", path: "HOSO[0]/XML10/HUYET_AP" })]);
  });

  it("reads paraclinical rows: skips panel headers, trims names, keeps codes and narrative", () => {
    const row = (f: Record<string, string>) => xml("CHI_TIET_CLS", f);
    const cls = `<KHAM_CAN_LAM_SANG><DANH_SACH_CLS>${[
      row({ MA_DICH_VU: "22.0120.1369", TEN_CHI_SO: "TPT TẾ BÀO MÁU (Máu)", GIA_TRI: "", MO_TA: "", KET_LUAN: "" }),
      row({ MA_DICH_VU: "22.0120.1369", MA_CHI_SO: "003LYM#", TEN_CHI_SO: "<![CDATA[    LYM#]]>", GIA_TRI: "2.1", DON_VI_DO: "G/L", CKDT_KET_QUA_CLS: "BS-ROW" }),
      row({ MA_DICH_VU: "18.0067.0028", TEN_CHI_SO: "Chụp X-quang ngực thẳng", GIA_TRI: "", KET_LUAN: "Chưa phát hiện bất thường", NGAY_KQ: "202611201030" }),
      row({ MA_CHI_SO: "GLU", GIA_TRI: "5.1", NGAY_KQ: "20261340" }),
    ].join("")}</DANH_SACH_CLS><CKDT_KET_QUA_CLS>BS-BLOCK</CKDT_KET_QUA_CLS></KHAM_CAN_LAM_SANG>`;
    const { record, findings } = one({ XML1: ADMIN, XML2: VISIT, XML11: cls });
    expect(record.observations.map((o) => [o.name, o.localCode, o.valueRaw, o.unitRaw, o.conclusion, o.category, o.performer, o.path])).toEqual([
      ["LYM#", "003LYM#", "2.1", "G/L", null, "laboratory", "BS-ROW", "HOSO[0]/XML11/CHI_TIET_CLS[1]"],
      ["Chụp X-quang ngực thẳng", null, null, null, "Chưa phát hiện bất thường", "imaging", "BS-BLOCK", "HOSO[0]/XML11/CHI_TIET_CLS[2]"],
      ["GLU", "GLU", "5.1", null, null, "laboratory", "BS-BLOCK", "HOSO[0]/XML11/CHI_TIET_CLS[3]"],
    ]);
    expect(record.observations.every((o) => o.key === null && o.value === null && o.loinc === null)).toBe(true);
    expect(record.observations[1]?.resultTime).toEqual({ raw: "202611201030", iso: "2026-11-20T10:30", precision: "minute" });
    expect(record.signatures).toMatchObject({ CKDT_KET_QUA_CLS: "BS-BLOCK" });
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ["KSK-CLS-NAME-MISSING", "HOSO[0]/XML11/CHI_TIET_CLS[3]/TEN_CHI_SO"],
      ["KSK-DATE-INVALID", "HOSO[0]/XML11/CHI_TIET_CLS[3]/NGAY_KQ"],
    ]);
  });

  it("reads one CHI_TIET_CLS without DANH_SACH_CLS as a list of one", () => {
    const cls = `<KHAM_CAN_LAM_SANG><CHI_TIET_CLS><TEN_CHI_SO>Hồng cầu</TEN_CHI_SO><GIA_TRI>4.5</GIA_TRI></CHI_TIET_CLS></KHAM_CAN_LAM_SANG>`;
    expect(one({ XML1: ADMIN, XML2: VISIT, XML11: cls }).record.observations.map((o) => o.name)).toEqual(["Hồng cầu"]);
  });

  it("takes the child's history from XML1 and turns ICD lists into conditions, text kept", () => {
    const admin = xml("THONG_TIN_HANH_CHINH", { HO_TEN: "Bé", TSGD_MAC_BENH: "1", TSGD_MA_BENH: "j45 Hen phế quản; e11", TS_TIEP_XUC_LAO: "0" });
    const history = xml("TIEN_SU_BENH_TAT", { TSBT_MA_BENH: "Viêm dạ dày (K29.7)", TSGD_MAC_BENH: "0" });
    const { record } = one({ XML1: admin, XML2: VISIT, XML9: history });
    expect(record.history).toEqual({ TSGD_MAC_BENH: "0", TSGD_MA_BENH: "j45 Hen phế quản; e11", TS_TIEP_XUC_LAO: "0", TSBT_MA_BENH: "Viêm dạ dày (K29.7)" });
    expect(record.conditions.map((c) => [c.kind, c.icd10, c.text, c.path])).toEqual([
      ["family-history", "J45", "Hen phế quản", "HOSO[0]/XML1/TSGD_MA_BENH"],
      ["family-history", "E11", null, "HOSO[0]/XML1/TSGD_MA_BENH"],
      ["personal-history", "K29.7", "Viêm dạ dày", "HOSO[0]/XML9/TSBT_MA_BENH"],
    ]);
  });

  it("maps NGUOI_DI_CUNG to accompanying and NGUOI_GIAM_HO to guardian, only when given", () => {
    const admin = xml("THONG_TIN_HANH_CHINH", { HO_TEN_NGUOI_DI_CUNG: "Lê Thị Hoa", MOI_QUAN_HE_VOI_TRE: "2", NGUOI_GIAM_HO: "", SO_CCCD_NGH: "" });
    expect(one({ XML1: admin, XML2: VISIT }).record.guardians).toEqual([
      { kind: "accompanying", fullName: "Lê Thị Hoa", personalId: null, relationship: "2", phone: null },
    ]);
  });

  it("reads QĐ 1551 spellings too", () => {
    const visit = xml("THONG_TIN_CHUNG_VE_LAN_KHAM", { MA_LK: "LK1", NGUON_KINH_PHI: "4", DOI_TUONG: "13; 17;" });
    const exam = xml("KHAM_LAM_SANG", { NOI_KHOA_THAN_TIETNIEU: "Bình thường", NOI_KHOA_THAN_TIETNIEU_PL: "1", BENH_TAI_MUI_HONG: "Viêm mũi" });
    const { record } = one({ XML1: ADMIN, XML2: visit, XML7: exam });
    expect([record.fundingSource, record.targetGroups]).toEqual(["4", ["13", "17"]]);
    expect(record.exams.map((e) => [e.specialty, e.result, e.healthClass])).toEqual([
      ["noi_than_tiet_nieu", "Bình thường", "1"],
      ["tai_mui_hong", "Viêm mũi", null],
    ]);
  });

  it("warns about a repeated field and reads its first value", () => {
    const admin = "<THONG_TIN_HANH_CHINH><HO_TEN>Một</HO_TEN><HO_TEN>Hai</HO_TEN></THONG_TIN_HANH_CHINH>";
    const { record, findings } = one({ XML1: admin, XML2: VISIT });
    expect(record.patient.fullName).toBe("Một");
    expect(findings.map((f) => [f.code, f.path])).toEqual([["KSK-FIELD-REPEATED", "HOSO[0]/XML1/HO_TEN"]]);
  });

  it("is pure: the same input gives the same output", () => {
    const text = envelope([{ XML1: ADMIN, XML2: VISIT }]);
    expect(parseKsk(text)).toEqual(parseKsk(text));
  });
});
