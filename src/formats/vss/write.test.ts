/**
 * The writer round-trips what the parser reads, in every export style of the real files, and turns
 * a record from another format into tables a VSS receiver reads the same way.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildCheckup } from "../../../test/factories/checkup.ts";
import { FIXTURE_DIR } from "./fixtures/encode-tables.ts";
import { parseVss, type ParseVssOptions } from "./parse.ts";
import { writeVss, type WriteVssOptions } from "./write.ts";

const OPTIONS: Record<string, ParseVssOptions> = { pretty: { janFirstIsYearOnly: true } };
const parseFixture = (name: string) => parseVss(readFileSync(new URL(`./${name}.xml`, FIXTURE_DIR)), OPTIONS[name] ?? {});

/** LOAIHOSO → decoded table of the first HOSO. */
function tables(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  const hoso = /<HOSO>([\s\S]*?)<\/HOSO>/.exec(xml)?.[1] ?? "";
  for (const m of hoso.matchAll(/<LOAIHOSO>(\w+)<\/LOAIHOSO><NOIDUNGFILE>([^<]*)<\/NOIDUNGFILE>/g)) {
    out[m[1] ?? ""] = Buffer.from(m[2] ?? "", "base64").toString("utf8");
  }
  return out;
}

const PRETTY: WriteVssOptions = { bom: true, pretty: true, tableDeclaration: true, cdata: true, crlfInText: true, emptyStyle: "pair" };
const COMPACT: WriteVssOptions = { pretty: false, emptyStyle: "self-closing", xml1Namespace: "http://www.w3.org/2001/XMLSchema instance" };

describe("parseVss(writeVss(visits))", () => {
  it.each(["pretty", "compact", "three-visits", "count-mismatch"])("gives the visits of %s back, blocks included", (name) => {
    const parsed = parseFixture(name);
    for (const style of [{}, PRETTY, COMPACT]) {
      const again = parseVss(writeVss(parsed.visits, style), OPTIONS[name] ?? {});
      expect(again.findings).toEqual([]);
      expect(again.visits).toEqual(parsed.visits);
    }
  });

  it("writes a result row back as a row once the normaliser has keyed it", () => {
    const visit = parseFixture("three-visits").visits[0];
    if (!visit) throw new Error("no visit");
    // Keys a catalogue could give XML4 rows (a weight on a scale report, a pulse oximeter row).
    const keys: Record<string, string> = { Glucose: "body_weight", "Cholesterol toàn phần": "spo2" };
    const keyed = visit.record.observations.map((o) => (keys[o.name] ? { ...o, key: keys[o.name] ?? null } : o));
    const again = parseVss(writeVss([{ ...visit, record: { ...visit.record, observations: keyed } }])).visits[0];
    expect(again?.record.observations.filter((o) => o.path.includes("/XML4/")).map((o) => o.name)).toEqual(["Glucose", "Cholesterol toàn phần", "Chụp X-quang ngực thẳng", "Điện tim thường"]);
    expect(again?.notes).toEqual(visit.notes);
  });

  it("leaves out what the parser refused: orphan rows and unreadable tables", () => {
    const orphan = parseVss(writeVss(parseFixture("orphan").visits)).visits[0];
    expect(orphan?.findings).toEqual([]);
    expect(orphan?.record.observations.map((o) => o.valueRaw)).toEqual(["5.6", "4.8"]);
  });

  it("writes the facility, NGAYLAP and the declared count", () => {
    const xml = writeVss(parseFixture("three-visits").visits, { declaredCount: 7 });
    const r = parseVss(xml);
    expect([r.facilityId, r.preparedOn, r.declaredCount]).toEqual(["92990", "20260406", 7]);
    expect(r.findings.map((f) => f.code)).toEqual(["VSS-COUNT-MISMATCH"]);
  });
});

describe("export styles", () => {
  const visits = parseFixture("pretty").visits;

  it("pretty: BOM, declaration per table, CDATA, CRLF inside text, `<X></X>`", () => {
    const xml = writeVss(visits, PRETTY);
    expect(xml.startsWith("\uFEFF<?xml")).toBe(true);
    expect(xml).not.toContain("\n");
    const t = tables(xml);
    expect(Object.keys(t)).toEqual(["XML1", "XML2", "XML3", "XML4", "XML5", "XML7", "XML8", "XML14"]);
    expect(t["XML1"]).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<TONG_HOP>\n  <MA_LK><!\[CDATA\[104233\]\]><\/MA_LK>\n/);
    expect(t["XML1"]).toContain("<SO_CCCD></SO_CCCD>");
    expect(t["XML5"]).toContain("\r\nCSST<M96_T38.2_HA150/90_NT24_SP93_HL2>\r\n");
  });

  it("compact: one line per table, self-closing empties, escapes, the broken namespace on XML1", () => {
    const t = tables(writeVss(visits, COMPACT));
    expect(t["XML1"]).toMatch(/^<TONG_HOP xmlns:xsi="http:\/\/www\.w3\.org\/2001\/XMLSchema instance"><MA_LK>104233<\/MA_LK>/);
    expect(t["XML1"]).toContain("<SO_CCCD/>");
    expect(t["XML5"]).toContain("CSST&lt;M96_T38.2_HA150/90_NT24_SP93_HL2&gt;");
    expect(t["XML4"]?.split("\n")[0]).toContain("</CHI_TIET_CLS><CHI_TIET_CLS>");
  });
});

describe("a record from another format", () => {
  const record = buildCheckup();
  const visit = parseVss(writeVss([{ record }])).visits[0];

  it("keeps the patient, the visit and its type", () => {
    expect(visit?.findings).toEqual([]);
    expect(visit?.kind).toBe("checkup");
    expect(visit?.record).toMatchObject({
      format: "vss",
      maLk: "LK000123",
      facilityCode: "01013",
      visitType: "15",
      examTime: { iso: "2026-11-20T08:30" },
      reason: "Khám sức khỏe định kỳ",
      patient: { fullName: "Nguyễn Văn An", birthDate: { iso: "1990-05-12" }, personalId: "001090012345", bloodGroup: "O+", communeCode: "00004" },
    });
  });

  it("puts weight and height in XML1, vital signs in a CSST token, everything else in XML4", () => {
    const obs = visit?.record.observations.map((o) => [o.key, o.valueRaw, o.path.replace(/^HOSO\[0\]\//, "")]);
    expect(obs?.slice(0, 5)).toEqual([
      ["body_weight", "65", "XML1/CAN_NANG"],
      ["body_height", "170", "XML1/DU_PHONG"],
      ["pulse", "72", "XML5/CHI_TIET_DIEN_BIEN_BENH[0]/DIEN_BIEN_LS"],
      ["bp_systolic", "120", "XML5/CHI_TIET_DIEN_BIEN_BENH[0]/DIEN_BIEN_LS"],
      ["bp_diastolic", "80", "XML5/CHI_TIET_DIEN_BIEN_BENH[0]/DIEN_BIEN_LS"],
    ]);
    const rows = visit?.record.observations.filter((o) => o.path.includes("/XML4/")).map((o) => [o.name, o.valueRaw, o.unitRaw, o.serviceCode]);
    expect(rows).toEqual([
      ["Chỉ số BMI", "22.5", "kg/m2", null],
      ["Glucose", "5.2", "mmol/L", "SH01"],
      ["Hemoglobin", "145", "g/L", "HH01"],
      ["Bạch cầu", "6.5", "G/L", "HH01"],
      ["Glucose", "Âm tính", null, "NT01"],
      ["Protein", "Âm tính", null, "NT01"],
      ["Nitrit", "Âm tính", null, "NT01"],
    ]);
  });

  it("writes no table of the other format back", () => {
    expect(Object.keys(visit?.record.blocks ?? {})).toEqual(["XML1", "XML4", "XML5"]);
  });
});
