/**
 * Golden files: each fixture (XML in) against its `*.expected.json` (canonical JSON out). After a
 * deliberate change, regenerate with `UPDATE_GOLDEN=1 npx vitest run src/formats/vss` and read the
 * diff. Then what a user of the health book would notice, fixture by fixture.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FIXTURE_DIR, fixtureNames } from "./fixtures/encode-tables.ts";
import { parseVss, type ParseVssOptions, type VssParseResult } from "./parse.ts";

/** The pretty sender writes year-only births as `yyyy01010000` (samples/real-world-files.md). */
const OPTIONS: Record<string, ParseVssOptions> = { pretty: { janFirstIsYearOnly: true } };

const parseFixture = (name: string): VssParseResult =>
  parseVss(readFileSync(new URL(`./${name}.xml`, FIXTURE_DIR)), OPTIONS[name] ?? {});

/** `records` are the same objects as `visits`: written once. */
const canonical = (r: VssParseResult): string =>
  `${JSON.stringify({ facilityId: r.facilityId, declaredCount: r.declaredCount, preparedOn: r.preparedOn, signed: r.signed, findings: r.findings, visits: r.visits }, null, 2)}\n`;

describe("golden files", () => {
  it.each(fixtureNames())("%s", (name) => {
    const golden = new URL(`./${name}.expected.json`, FIXTURE_DIR);
    const actual = canonical(parseFixture(name));
    if (process.env["UPDATE_GOLDEN"] === "1") writeFileSync(golden, actual);
    expect(existsSync(golden), `${name}.expected.json is missing; run with UPDATE_GOLDEN=1`).toBe(true);
    expect(JSON.parse(actual)).toEqual(JSON.parse(readFileSync(golden, "utf8")));
  });
});

describe("the pretty export", () => {
  const r = parseFixture("pretty");
  const visit = r.visits[0];
  const record = visit?.record;

  it("reads the one inpatient visit without a finding", () => {
    expect(r.findings).toEqual([]);
    expect(r.visits).toHaveLength(1);
    expect(r.records).toBe(r.visits);
    expect(visit?.findings).toEqual([]);
    expect(visit).toMatchObject({ kind: "encounter", key: { facility: "92990", maLk: "104233" } });
    expect(record).toMatchObject({ format: "vss", visitType: "03", examTime: { iso: "2026-03-02T09:15" } });
  });

  it("maps XML1 onto the patient: CDATA unwrapped, empty SO_CCCD as null, year-only birth", () => {
    expect(record?.patient).toMatchObject({
      fullName: "Trần Thị Bé Năm",
      personalId: null,
      sex: "2",
      birthDate: { raw: "194801010000", precision: "year" },
      ethnicity: "01",
      nationality: "000",
      provinceCode: "92",
      communeCode: "31186",
      districtCode: null,
    });
  });

  it("keeps the settlement month, amounts and the dotted MA_DOITUONG_KCB as strings", () => {
    expect(visit?.encounter.settlement).toMatchObject({ month: "3", period: "2026-03" });
    expect(visit?.encounter.costs["T_BHTT"]).toBe("6025375");
    expect(visit?.encounter.beneficiaryType).toBe("3.3");
  });

  it("makes conditions of MA_BENH_CHINH and MA_BENH_KT, named from the CHAN_DOAN_VAO lines", () => {
    expect(record?.conditions.map((c) => [c.icd10, c.text, c.path])).toEqual([
      ["J18.9", "Viêm phổi, không đặc hiệu", "HOSO[0]/XML1/MA_BENH_CHINH"],
      ["J44.1", "Bệnh phổi tắc nghẽn mạn tính có đợt cấp, không đặc hiệu", "HOSO[0]/XML1/MA_BENH_KT"],
      ["I10", "Bệnh lý tăng huyết áp vô căn (nguyên phát)", "HOSO[0]/XML1/MA_BENH_KT"],
    ]);
    expect(visit?.encounter.admissionDiagnosis?.split("\n")).toHaveLength(3);
  });

  it("reads weight from CAN_NANG and height in cm from DU_PHONG", () => {
    const measured = record?.observations.filter((o) => o.path.includes("/XML1/")).map((o) => [o.key, o.valueRaw, o.unitRaw]);
    expect(measured).toEqual([
      ["body_weight", "42", "kg"],
      ["body_height", "148", "cm"],
    ]);
  });

  it("skips XML4 panel headers, trims indented names, keeps local codes and imaging text", () => {
    const rows = record?.observations.filter((o) => o.path.includes("/XML4/")) ?? [];
    expect(rows.map((o) => o.path.replace(/^.*\[(\d+)\]$/, "$1"))).toEqual(["1", "2", "3", "4", "6", "7", "8"]);
    expect(rows[1]).toMatchObject({ key: null, name: "LYM#", localCode: "003LYM#", valueRaw: "1.8", unitRaw: "G/L", performer: "0000002/VL-CCHN", resultTime: { iso: "2026-03-02T10:05" } });
    const xray = rows.find((o) => o.serviceCode === "18.0071.0028");
    expect(xray).toMatchObject({ category: "imaging", localCode: null, valueRaw: null, performer: "0001122/CT-CCHN" });
    expect(xray?.conclusion).toBe("Đám mờ không đều vùng đáy phổi phải.\nBóng tim không to.\nKết luận: Theo dõi viêm phổi đáy phải.");
  });

  it("turns each CSST token of XML5 into vital signs at the note's time, and keeps the note text whole", () => {
    const vitals = record?.observations.filter((o) => o.path.endsWith("[0]/DIEN_BIEN_LS")).map((o) => [o.key, o.valueRaw]);
    expect(vitals).toEqual([["pulse", "96"], ["body_temperature", "38.2"], ["bp_systolic", "150"], ["bp_diastolic", "90"], ["respiratory_rate", "24"], ["spo2", "93"]]);
    expect(visit?.notes[0]).toMatchObject({ stage: null, consultation: null, surgery: null, performers: ["0001234/CT-CCHN"], vitals: { HL: "2" } });
    expect(visit?.notes[0]?.text).toContain("\nCSST<M96_T38.2_HA150/90_NT24_SP93_HL2>\n");
    expect(visit?.notes[1]?.performers).toEqual(["0001234/CT-CCHN", "0004567/CT-CCHN"]);
  });

  it("lists drugs and procedures with codes, quantities and amounts as sent; supplies apart", () => {
    expect(visit?.medications[0]).toMatchObject({ code: "40.221", name: "Ceftriaxon", quantity: "14", unitPrice: "45000", amount: "630000", route: "2.10", ordered: { iso: "2026-03-02T11:00" } });
    expect(visit?.procedures.map((p) => p.kind)).toEqual(["service", "service", "service", "service", "supply"]);
    expect(visit?.procedures[4]).toMatchObject({ supplyCode: "N03.02.080", supplyName: "Bơm tiêm nhựa 5ml", name: null });
  });

  it("keeps every table as received, the unread ones included", () => {
    expect(Object.keys(record?.blocks ?? {})).toEqual(["XML1", "XML2", "XML3", "XML4", "XML5", "XML7", "XML8", "XML14"]);
    expect(record?.blocks["XML14"]).toMatchObject({ MA_LK: "104233", NGAY_HEN_KL: "20260323" });
  });
});

describe("the compact export", () => {
  const r = parseFixture("compact");
  const visit = r.visits[0];

  it("reads despite the broken namespace URI, with no finding", () => {
    expect(r.findings).toEqual([]);
    expect(visit?.findings).toEqual([]);
    expect(visit?.record.patient).toMatchObject({ fullName: "Lý Thị Ngọc Hân", bloodGroup: null, address: "Ấp Thạnh Lợi,Xã Thạnh Thới An,,Thành phố Cần Thơ" });
  });

  it("keeps two-decimal amounts, splits departments, cards and newborn weights", () => {
    const e = visit?.encounter;
    expect(e?.costs["T_TONGCHI_BV"]).toBe("19275432.00");
    expect(e?.settlement).toMatchObject({ month: "03", period: "2026-03" });
    expect(e?.departments).toEqual(["K01", "K27"]);
    expect(e?.newbornWeights).toEqual(["3120"]);
    expect(e?.beneficiaryType).toBe("1.12");
    expect(e?.insuranceCards.map((c) => [c.number, c.firstRegistration, c.validTo?.iso])).toEqual([
      ["DN4929212300417", "92990", "2026-12-31"],
      ["HN2929234500417", "92990", "2027-01-31"],
    ]);
  });

  it("keeps the ultrasound report's raw lines in the description", () => {
    const us = visit?.record.observations.find((o) => o.path.endsWith("XML4/CHI_TIET_CLS[0]"));
    expect(us).toMatchObject({ category: "imaging", localCode: null, valueRaw: null });
    expect(us?.description?.split("\n")).toHaveLength(15);
  });

  it("reads a CSST token written with escapes instead of CDATA", () => {
    const vitals = visit?.record.observations.filter((o) => o.path.includes("/XML5/")).map((o) => [o.key, o.valueRaw]);
    expect(vitals).toEqual([["pulse", "84"], ["body_temperature", "37"], ["bp_systolic", "110"], ["bp_diastolic", "70"], ["respiratory_rate", "20"], ["spo2", "98"]]);
  });
});

describe("an envelope of three visits", () => {
  const r = parseFixture("three-visits");

  it("reads every HOSO; MA_LOAI_KCB 15 and 16 are check-ups, 01 an encounter", () => {
    expect(r.visits.map((v) => [v.record.path, v.record.visitType, v.kind])).toEqual([
      ["HOSO[0]", "15", "checkup"],
      ["HOSO[1]", "16", "checkup"],
      ["HOSO[2]", "01", "encounter"],
    ]);
    expect(r.visits.map((v) => v.record.index)).toEqual([0, 1, 2]);
    expect(r.visits.flatMap((v) => v.findings)).toEqual([]);
  });

  it("gives each visit only its own rows", () => {
    expect(r.visits.map((v) => v.record.observations.filter((o) => o.path.includes("/XML4/")).length)).toEqual([4, 2, 0]);
    expect(r.visits.map((v) => v.medications.length)).toEqual([0, 0, 2]);
  });

  it("reads a height with a decimal and ignores a CAN_NANG of 0", () => {
    expect(r.visits[1]?.record.observations.find((o) => o.key === "body_height")?.valueRaw).toBe("152.5");
    expect(r.visits[2]?.record.observations.find((o) => o.key === "body_weight")).toBeUndefined();
  });
});
