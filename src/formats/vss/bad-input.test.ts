/**
 * Bad and odd input: every problem is answered on the visit (or the HOSO) it belongs to, with a
 * code and a path, and never takes a good visit of the same file down (design.md invariant 3).
 * Hostile XML is refused by xml.ts on the VSS path too.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hasErrors } from "../../checkup/finding.ts";
import { b64, cls, envelope, tongHop } from "./fixtures/build-envelope.ts";
import { FIXTURE_DIR } from "./fixtures/encode-tables.ts";
import { parseVss, type VssParseResult } from "./parse.ts";

const codes = (r: VssParseResult) => r.visits.map((v) => v.findings.map((f) => `${f.severity} ${f.code} ${f.path}`));
const fixture = (name: string) => parseVss(readFileSync(new URL(`./${name}.xml`, FIXTURE_DIR)));

describe("a file with broken tables", () => {
  const r = fixture("bad-files");

  it("answers each broken HOSO alone and reads the good ones", () => {
    expect(r.findings).toEqual([]);
    expect(codes(r)).toEqual([
      [],
      ["error VSS-FILE-NOT-BASE64 HOSO[1]/XML1"],
      ["error VSS-FILE-NOT-XML HOSO[2]/XML3"],
      ["error VSS-NO-XML1 HOSO[3]/XML1"],
      [],
    ]);
    expect(r.visits.filter((v) => !hasErrors(v.findings)).map((v) => v.record.patient.fullName)).toEqual(["Quách Thị Huệ", "Kha Thị Diễm"]);
  });

  it("still answers a HOSO with no readable XML1 as a record at its own path", () => {
    expect(r.visits[1]?.record).toMatchObject({ path: "HOSO[1]", maLk: null, index: 1 });
    expect(r.visits[3]?.record.path).toBe("HOSO[3]");
  });

  it("never puts personal data in a message", () => {
    const text = JSON.stringify(r.visits.flatMap((v) => v.findings));
    for (const name of ["Lâm Văn Tới", "092070001703", "201703"]) expect(text).not.toContain(name);
  });
});

describe("SOLUONGHOSO", () => {
  it("warns when it does not match and reads every HOSO that arrived", () => {
    const r = fixture("count-mismatch");
    expect(r.declaredCount).toBe(5);
    expect(r.findings.map((f) => [f.severity, f.code, f.path])).toEqual([["warning", "VSS-COUNT-MISMATCH", "THONGTINHOSO/SOLUONGHOSO"]]);
    expect(r.visits.map((v) => v.key.maLk)).toEqual(["201601", "201602"]);
  });

  it("warns when it is not a number", () => {
    const r = parseVss(envelope([[["XML1", tongHop("A1")]]]).replace("<SOLUONGHOSO>1<", "<SOLUONGHOSO>một<"));
    expect(r.findings.map((f) => f.code)).toEqual(["VSS-COUNT-INVALID"]);
    expect(r.declaredCount).toBeNull();
  });
});

describe("rows whose MA_LK matches no XML1", () => {
  it("are reported per table and MA_LK, and the visit keeps its own rows", () => {
    const r = fixture("orphan");
    expect(codes(r)).toEqual([
      ["warning VSS-ORPHAN-TABLE HOSO[0]/XML4/CHI_TIET_CLS[1]/MA_LK", "warning VSS-ORPHAN-TABLE HOSO[0]/XML5/CHI_TIET_DIEN_BIEN_BENH[0]/MA_LK"],
    ]);
    expect(r.visits[0]?.record.observations.map((o) => [o.path, o.valueRaw])).toEqual([
      ["HOSO[0]/XML4/CHI_TIET_CLS[0]", "5.6"],
      ["HOSO[0]/XML4/CHI_TIET_CLS[2]", "4.8"],
    ]);
  });

  it("are not listed again when the HOSO has no XML1 at all", () => {
    const r = parseVss(envelope([[["XML4", cls("B1", "B1")]]]));
    expect(codes(r)).toEqual([["error VSS-NO-XML1 HOSO[0]/XML1"]]);
  });

  it("are reported when MA_LK is missing from a row", () => {
    const xml4 = cls("A1").replace("<MA_LK>A1</MA_LK>", "");
    expect(codes(parseVss(envelope([[["XML1", tongHop("A1")], ["XML4", xml4]]])))).toEqual([["warning VSS-ORPHAN-TABLE HOSO[0]/XML4/CHI_TIET_CLS[0]/MA_LK"]]);
  });
});

describe("replacement per (MA_CSKCB, MA_LK)", () => {
  it("marks a visit replaced by a later HOSO with the same key, and keeps both answers", () => {
    const r = parseVss(envelope([[["XML1", tongHop("A1", { HO_TEN: "Bản đầu" })]], [["XML1", tongHop("A2")]], [["XML1", tongHop("A1", { HO_TEN: "Bản sửa" })]]]));
    expect(r.visits.map((v) => v.replacedBy)).toEqual(["HOSO[2]/XML1", null, null]);
    expect(codes(r)).toEqual([["warning VSS-VISIT-REPLACED HOSO[0]/XML1/MA_LK"], [], []]);
  });

  it("does not mix up the same MA_LK of two facilities", () => {
    const r = parseVss(envelope([[["XML1", tongHop("A1", { MA_CSKCB: "92990" })]], [["XML1", tongHop("A1", { MA_CSKCB: "92991" })]]]));
    expect(r.visits.map((v) => v.replacedBy)).toEqual([null, null]);
  });

  it("inside one HOSO, the later XML1 replaces the earlier one whole and takes the rows", () => {
    const r = parseVss(envelope([[["XML1", tongHop("A1", { HO_TEN: "Bản đầu" })], ["XML1", tongHop("A1", { HO_TEN: "Bản sửa" })], ["XML4", cls("A1")]]]));
    expect(r.visits).toHaveLength(1);
    expect(r.visits[0]?.record.patient.fullName).toBe("Bản sửa");
    expect(r.visits[0]?.xml1Path).toBe("HOSO[0]/XML1[1]");
    expect(r.visits[0]?.record.observations).toHaveLength(1);
    expect(codes(r)).toEqual([["warning VSS-VISIT-REPLACED HOSO[0]/XML1/MA_LK"]]);
  });

  it("gives two XML1 of one HOSO with different MA_LK each its own rows", () => {
    const r = parseVss(envelope([[["XML1", tongHop("A1")], ["XML1", tongHop("A2")], ["XML4", cls("A2", "A1", "A2")]]]));
    expect(r.visits.map((v) => [v.key.maLk, v.record.observations.map((o) => o.path)])).toEqual([
      ["A1", ["HOSO[0]/XML4/CHI_TIET_CLS[1]"]],
      ["A2", ["HOSO[0]/XML4/CHI_TIET_CLS[0]", "HOSO[0]/XML4/CHI_TIET_CLS[2]"]],
    ]);
  });
});

describe("hostile tables go through xml.ts", () => {
  const one = (xml1: string, limits = {}) => parseVss(envelope([[["XML1", tongHop("OK")]], [["XML1", xml1]]]), { limits });

  it("refuses a DOCTYPE or an entity inside a decoded table, on that HOSO only", () => {
    const doctype = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><TONG_HOP><MA_LK>X</MA_LK><HO_TEN>&b;</HO_TEN></TONG_HOP>`;
    expect(codes(one(doctype))).toEqual([[], ["error XML-DOCTYPE HOSO[1]/XML1"]]);
  });

  it("refuses deep nesting and too many elements inside a table", () => {
    const deep = `<TONG_HOP><MA_LK>X</MA_LK><GHI_CHU>${"<A>".repeat(40)}x${"</A>".repeat(40)}</GHI_CHU></TONG_HOP>`;
    expect(codes(one(deep))).toEqual([[], ["error XML-TOO-DEEP HOSO[1]/XML1"]]);
    // The envelope of two HOSO has 16 elements: a limit of 20 passes it and stops a 30-field table.
    const wide = tongHop("X", Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`F${i}`, "x"])));
    expect(codes(one(wide, { maxElements: 20 }))).toEqual([[], ["error XML-TOO-MANY-ELEMENTS HOSO[1]/XML1"]]);
  });

  it("refuses a table that is not well-formed or not UTF-8", () => {
    expect(codes(one("<TONG_HOP><MA_LK>X</MA_LK>"))[1]).toEqual(["error XML-MALFORMED HOSO[1]/XML1"]);
    const latin1 = Buffer.from("<TONG_HOP><HO_TEN>Tr\xe2n</HO_TEN></TONG_HOP>", "latin1").toString("base64");
    expect(codes(parseVss(envelope([[["XML1", latin1, "raw"]]])))).toEqual([["error VSS-FILE-ENCODING HOSO[0]/XML1"]]);
  });

  it("refuses a DOCTYPE in the envelope itself, and a wrong root", () => {
    const env = envelope([[["XML1", tongHop("A1")]]]).replace("<GIAMDINHHS>", '<!DOCTYPE GIAMDINHHS SYSTEM "http://example.invalid/x.dtd"><GIAMDINHHS>');
    expect(parseVss(env).findings.map((f) => f.code)).toEqual(["XML-DOCTYPE"]);
    expect(parseVss(envelope([[["XML1", tongHop("A1")]]], { root: "KHAMSUCKHOE" })).findings.map((f) => [f.code, f.path])).toEqual([["VSS-ROOT", "/"]]);
    expect(parseVss("not xml").findings.map((f) => f.code)).toEqual(["XML-MALFORMED"]);
  });

  it("refuses inline XML in NOIDUNGFILE: QĐ 130 sends base64", () => {
    const inline = envelope([[["XML1", tongHop("A1"), "raw"]]]);
    expect(codes(parseVss(inline))).toEqual([["error VSS-FILE-NOT-BASE64 HOSO[0]/XML1"]]);
  });
});

describe("odd but readable input", () => {
  const read = (tables: Parameters<typeof envelope>[0][number]) => parseVss(envelope([tables]));

  it("reads base64 broken into MIME lines", () => {
    const wrapped = (b64(tongHop("A1")).match(/.{1,76}/g) ?? []).join("\r\n");
    expect(codes(read([["XML1", wrapped, "raw"]]))).toEqual([[]]);
  });

  it("warns on an empty NOIDUNGFILE, an unknown LOAIHOSO, a root that does not match", () => {
    const r = read([["XML1", tongHop("A1")], ["XML2", "", "raw"], ["XML99", "<X><MA_LK>A1</MA_LK></X>"], ["XML4", cls("A1").replaceAll("CHITIEU_CHITIET_DICHVUCANLAMSANG", "CLS")]]);
    expect(codes(r)).toEqual([["warning VSS-FILE-EMPTY HOSO[0]/XML2", "warning VSS-TABLE-UNKNOWN HOSO[0]/FILEHOSO[2]/LOAIHOSO", "warning VSS-TABLE-ROOT HOSO[0]/XML4"]]);
    expect(Object.keys(r.visits[0]?.record.blocks ?? {})).toEqual(["XML1", "XML99", "XML4"]);
    expect(r.visits[0]?.record.observations).toHaveLength(1);
  });

  it("errors on a FILEHOSO without LOAIHOSO and on a HOSO without FILEHOSO", () => {
    const r = parseVss(envelope([[["XML1", tongHop("A1")]], []]).replace("<LOAIHOSO>XML1</LOAIHOSO>", ""));
    expect(codes(r)).toEqual([
      ["error VSS-FILE-TYPE-MISSING HOSO[0]/FILEHOSO[0]/LOAIHOSO", "error VSS-NO-XML1 HOSO[0]/XML1"],
      ["error VSS-HOSO-EMPTY HOSO[1]", "error VSS-NO-XML1 HOSO[1]/XML1"],
    ]);
  });

  it("errors when XML1 has no MA_LK", () => {
    expect(codes(read([["XML1", tongHop("").replace("<MA_LK></MA_LK>", "")]]))).toEqual([["error VSS-MA-LK-MISSING HOSO[0]/XML1/MA_LK"]]);
  });

  it("keeps an empty list table without calling it an orphan", () => {
    const r = read([["XML1", tongHop("A1")], ["XML2", "<CHITIEU_CHITIET_THUOC><DSACH_CHI_TIET_THUOC/></CHITIEU_CHITIET_THUOC>"]]);
    expect(codes(r)).toEqual([[]]);
    expect(r.visits[0]?.record.blocks["XML2"]).toEqual({ DSACH_CHI_TIET_THUOC: "" });
  });

  it("reads the rows of a repeated table, each under its own path", () => {
    const r = read([["XML1", tongHop("A1")], ["XML4", cls("A1")], ["XML4", cls("A1", "A1")]]);
    expect(r.visits[0]?.record.observations.map((o) => o.path)).toEqual(["HOSO[0]/XML4/CHI_TIET_CLS[0]", "HOSO[0]/XML4[1]/CHI_TIET_CLS[0]", "HOSO[0]/XML4[1]/CHI_TIET_CLS[1]"]);
  });

  it("warns on a bad date, a height that is not in cm, insurance lists of different lengths, a repeated field", () => {
    const r = read([["XML1", tongHop("A1", { NGAY_SINH: "19901345", DU_PHONG: "cao 1m60", MA_THE_BHYT: "HT1;HT2", MA_DKBD: "92990", NGAY_RA: "202604101000</NGAY_RA><NGAY_RA>202604101100" })]]);
    expect(codes(r)[0]?.sort()).toEqual([
      "warning VSS-CARD-LIST HOSO[0]/XML1/MA_THE_BHYT",
      "warning VSS-DATE-INVALID HOSO[0]/XML1/NGAY_SINH",
      "warning VSS-FIELD-REPEATED HOSO[0]/XML1/NGAY_RA",
      "warning VSS-HEIGHT-FORMAT HOSO[0]/XML1/DU_PHONG",
    ]);
    expect(r.visits[0]?.record.patient.birthDate).toBeNull();
    expect(r.visits[0]?.encounter.discharged?.raw).toBe("202604101000");
  });

  it("warns on a repeated single-record table, a result row without a name, a field holding elements", () => {
    const xml7 = (n: string) => `<CHI_TIEU_DU_LIEU_GIAY_RA_VIEN><MA_LK>A1</MA_LK><SO_LUU_TRU>${n}</SO_LUU_TRU></CHI_TIEU_DU_LIEU_GIAY_RA_VIEN>`;
    const r = read([
      ["XML1", tongHop("A1", { LY_DO_VV: "<B>x</B>" })],
      ["XML7", xml7("1")],
      ["XML7", xml7("2")],
      ["XML4", cls("A1").replace("<TEN_CHI_SO>Glucose</TEN_CHI_SO>", "<MA_CHI_SO>GLU</MA_CHI_SO>")],
    ]);
    expect(codes(r)[0]?.sort()).toEqual([
      "warning VSS-CLS-NAME-MISSING HOSO[0]/XML4/CHI_TIET_CLS[0]/TEN_CHI_SO",
      "warning VSS-FIELD-NOT-TEXT HOSO[0]/XML1/LY_DO_VV",
      "warning VSS-TABLE-REPEATED HOSO[0]/XML7[1]",
    ]);
    expect(r.visits[0]?.record.blocks["XML7"]).toMatchObject({ SO_LUU_TRU: "2" });
    expect(r.visits[0]?.record.observations[0]?.name).toBe("GLU");
  });

  it("refuses an envelope without HOSO and warns when MACSKCB is missing", () => {
    const r = parseVss(envelope([]).replace("<MACSKCB>92990</MACSKCB>", ""));
    expect(r.findings.map((f) => `${f.severity} ${f.code}`)).toEqual(["warning VSS-FACILITY-MISSING", "error VSS-NO-RECORDS"]);
    expect(r.visits).toEqual([]);
  });

  it("reads MA_LOAI_KCB 16 as a check-up and reads bytes as well as text", () => {
    const r = parseVss(new TextEncoder().encode(envelope([[["XML1", tongHop("A1", { MA_LOAI_KCB: "16" })]]])));
    expect(r.visits[0]?.kind).toBe("checkup");
  });
});
