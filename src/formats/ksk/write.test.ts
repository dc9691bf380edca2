import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { emptyConclusion, emptyPerson, type CheckupRecord, type Observation } from "../../checkup/model.ts";
import { parseMoment } from "../moment.ts";
import { parseKsk } from "./parse.ts";
import { writeKsk, type WriteKskOptions } from "./write.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const recordsOf = (input: string | Uint8Array) => parseKsk(input).records.map((r) => r.record);

/** What the round trip must keep: everything the parser reads, minus where it sat and how it was spelled. */
function comparable(record: CheckupRecord): unknown {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([k]) => k !== "path" && k !== "raw" && k !== "blocks")
          .map(([k, v]) => [k, strip(v)]),
      );
    }
    return value;
  };
  return strip(record);
}

const TYPE_OF = { child_under_6: "ChildUnder", minor_6_18: "Minor", adult: "Adult" } as const;

const VARIANTS: Record<string, WriteKskOptions> = {
  defaults: {},
  "inline, ISO birth date, signatures inside, KET_LUAN_VA_TU_VAN, BOM, CRLF, CDATA, empties": {
    contentEncoding: "inline",
    birthDateFormat: "iso",
    signaturePlacement: "inside",
    conclusionRoot: "KET_LUAN_VA_TU_VAN",
    bom: true,
    crlf: true,
    cdata: true,
    writeNulls: true,
    emptyStyle: "pair",
  },
  "compact, no declaration, declaration per block, 5-char MACSKCB": {
    pretty: false,
    declaration: false,
    blockDeclaration: true,
    facilityId: "01001",
  },
};

const FIXTURES = [
  "adult.inline.xml",
  "minor-pretty.base64.xml",
  "child-under-6.inline.xml",
  "three-hoso-middle-broken.inline.xml",
  "compact-driver.base64.xml",
];

describe("parse(write(records)) gives the records back", () => {
  for (const name of FIXTURES) {
    for (const [label, options] of Object.entries(VARIANTS)) {
      it(`${name} — ${label}`, () => {
        const original = recordsOf(fixture(name));
        const written = writeKsk(original, options);
        const reread = parseKsk(written);
        expect(reread.findings).toEqual([]);
        expect(reread.records.flatMap((r) => r.findings)).toEqual([]);
        // The writer always states TYPE; a record that had none gets the one of its age group.
        const expected = original.map((r) => ({ ...r, formType: r.formType ?? (r.ageGroup ? TYPE_OF[r.ageGroup] : null) }));
        expect(reread.records.map((r) => comparable(r.record))).toEqual(expected.map(comparable));
      });
    }
  }

  it("keeps what only `blocks` holds (XML5, XML6, nutrition flags) through a rewrite", () => {
    const [child] = recordsOf(fixture("child-under-6.inline.xml"));
    if (!child) throw new Error("fixture has no record");
    const [again] = recordsOf(writeKsk([child]));
    expect(again?.blocks["XML5"]).toEqual(child.blocks["XML5"]);
    expect(again?.blocks["XML6"]).toEqual(child.blocks["XML6"]);
    expect(again?.blocks["XML4"]).toMatchObject({ CHU_VI_VONG_CANH_TAY: "155", DGDD_BINH_THUONG: "1" });
  });
});

describe("writeKsk options produce the variants receivers meet", () => {
  const records = recordsOf(fixture("adult.inline.xml"));

  it("writes base64 blocks by default and inline XML on request", () => {
    expect(writeKsk(records)).toMatch(/<NOIDUNGFILE>[A-Za-z0-9+/=]+<\/NOIDUNGFILE>/);
    expect(writeKsk(records, { contentEncoding: "inline" })).toMatch(/<NOIDUNGFILE>\s*<THONG_TIN_HANH_CHINH>/);
  });

  it("writes a BOM and CRLF only when asked", () => {
    const plain = writeKsk(records);
    expect(plain.startsWith("<?xml")).toBe(true);
    expect(plain).not.toContain("\r");
    const windows = writeKsk(records, { bom: true, crlf: true });
    expect(windows.startsWith("\uFEFF<?xml")).toBe(true);
    expect(windows.split("\n").every((line, i, all) => i === all.length - 1 || line.endsWith("\r"))).toBe(true);
  });

  it("places CHUKYDONVI after or inside THONGTINHOSO", () => {
    expect(writeKsk(records)).toMatch(/<\/THONGTINHOSO>\s*<CHUKYDONVI>/);
    expect(writeKsk(records, { signaturePlacement: "inside" })).toMatch(/<\/DANHSACHHOSO>\s*<CHUKYDONVI>[\s\S]*<\/CHUKYDONVI>\s*<\/THONGTINHOSO>/);
  });

  it("roots XML12 as asked and writes NGAY_SINH in the asked format", () => {
    const inline = (o: WriteKskOptions) => writeKsk(records, { contentEncoding: "inline", ...o });
    expect(inline({})).toContain("<KET_LUAN>");
    expect(inline({ conclusionRoot: "KET_LUAN_VA_TU_VAN" })).toContain("<KET_LUAN_VA_TU_VAN>");
    expect(inline({})).toContain("<NGAY_SINH>198503120000</NGAY_SINH>");
    expect(inline({ birthDateFormat: "iso" })).toContain("<NGAY_SINH>1985-03-12</NGAY_SINH>");
  });

  it("writes MACSKCB, SOLUONGHOSO and NGAYLAP from the records unless told otherwise", () => {
    const text = writeKsk(records);
    expect(text).toContain("<MACSKCB>8936012345671</MACSKCB>");
    expect(text).toContain("<SOLUONGHOSO>1</SOLUONGHOSO>");
    expect(text).toContain("<NGAYLAP>20261120</NGAYLAP>");
    const told = writeKsk(records, { facilityId: "79024", declaredCount: 2, preparedOn: "20261121" });
    expect(parseKsk(told)).toMatchObject({ facilityId: "79024", declaredCount: 2, findings: [{ code: "KSK-COUNT-MISMATCH" }] });
  });

  it("writes one line when compact", () => {
    expect(writeKsk(records, { pretty: false, declaration: false }).trim()).not.toContain("\n");
  });
});

function observation(o: Partial<Observation> & Pick<Observation, "name">): Observation {
  return {
    key: null, loinc: null, category: "laboratory", serviceCode: null, localCode: null, valueRaw: null, unitRaw: null,
    value: null, unit: null, valueText: null, description: null, conclusion: null, interpretation: null, flags: [],
    resultTime: null, performer: null, path: "", ...o,
  };
}

/** A record as another format or the demo generator would build it: no paths, no blocks. */
function buildCheckup(overrides: Partial<CheckupRecord> = {}): CheckupRecord {
  return {
    format: "batch", index: 0, path: "", maLk: "DEMO-1", facilityCode: "01001", facilityGln: null, formType: null,
    ageGroup: "adult", examTime: parseMoment("202611200800"), visitType: "15", targetGroups: ["13"], fundingSource: "4",
    reason: "Khám sức khỏe định kỳ", patient: { ...emptyPerson(), fullName: "Đặng Thị Mai", birthDate: parseMoment("1979-04-30"), sex: "2" },
    guardians: [], history: {}, observations: [], exams: [], conclusion: emptyConclusion(), conditions: [], signatures: {}, blocks: {},
    ...overrides,
  };
}

describe("writeKsk from records built elsewhere", () => {
  it("puts form measurements in their form fields and everything else in CHI_TIET_CLS", () => {
    const record = buildCheckup({
      observations: [
        observation({ key: "body_height", category: "vital-signs", name: "Height", value: 158, unit: "cm", valueRaw: "1.58", unitRaw: "m" }),
        observation({ key: "body_weight", category: "vital-signs", name: "Cân nặng", valueRaw: "55", unitRaw: "kg" }),
        observation({ key: "bp_systolic", category: "vital-signs", name: "SBP", valueRaw: "142", unitRaw: "mmHg" }),
        observation({ key: "bp_diastolic", category: "vital-signs", name: "DBP", valueRaw: "91", unitRaw: "mm Hg" }),
        observation({ key: "body_temperature", category: "vital-signs", name: "Nhiệt độ", valueRaw: "36.8", unitRaw: "°C" }),
        observation({ key: "glucose_fasting", name: "Glucose", valueRaw: "7.2", unitRaw: "mmol/L", localCode: "GLU", resultTime: parseMoment("202611200930") }),
        observation({ name: "X-quang", category: "imaging", conclusion: "Bình thường" }),
      ],
    });
    const [back] = recordsOf(writeKsk([record]));
    expect(back?.observations.map((o) => [o.key, o.name, o.valueRaw, o.unitRaw, o.path])).toEqual([
      ["body_height", "Chiều cao", "158", "cm", "HOSO[0]/XML10/CHIEU_CAO"],
      ["body_weight", "Cân nặng", "55", "kg", "HOSO[0]/XML10/CAN_NANG"],
      ["bp_systolic", "Huyết áp tâm thu", "142", "mmHg", "HOSO[0]/XML10/HUYET_AP"],
      ["bp_diastolic", "Huyết áp tâm trương", "91", "mmHg", "HOSO[0]/XML10/HUYET_AP"],
      // An adult form has no temperature field: it travels as a paraclinical row.
      [null, "Nhiệt độ", "36.8", "°C", "HOSO[0]/XML11/CHI_TIET_CLS[0]"],
      [null, "Glucose", "7.2", "mmol/L", "HOSO[0]/XML11/CHI_TIET_CLS[1]"],
      [null, "X-quang", null, null, "HOSO[0]/XML11/CHI_TIET_CLS[2]"],
    ]);
    expect(back?.observations[5]?.resultTime?.iso).toBe("2026-11-20T09:30");
    expect(back?.formType).toBe("Adult");
  });

  it("writes a child's measurements into XML3/XML4 with their assessments", () => {
    const record = buildCheckup({
      ageGroup: "child_under_6",
      observations: [
        observation({ key: "body_height", category: "vital-signs", name: "Chiều dài", valueRaw: "88", unitRaw: "cm", conclusion: "Bình thường" }),
        observation({ key: "body_temperature", category: "vital-signs", name: "Nhiệt độ", valueRaw: "37", unitRaw: "°C" }),
      ],
    });
    const [back] = recordsOf(writeKsk([record]));
    expect(back?.observations.map((o) => [o.key, o.conclusion, o.path])).toEqual([
      ["body_temperature", null, "HOSO[0]/XML3/NHIET_DO"],
      ["body_height", "Bình thường", "HOSO[0]/XML4/CHIEU_DAI"],
    ]);
    expect(back?.formType).toBe("ChildUnder");
  });

  it("writes composed exam results back into their fields", () => {
    const record = buildCheckup({
      exams: [
        { specialty: "rang_ham_mat", result: "Hàm trên: Bình thường; Hàm dưới: Sâu răng 36; Sâu răng; viêm lợi", healthClass: "2", doctor: "BS-A", path: "" },
        { specialty: "noi_tuan_hoan", result: "Tim đều", healthClass: "1", doctor: null, path: "" },
      ],
    });
    const text = writeKsk([record], { contentEncoding: "inline" });
    expect(text).toContain("<HAM_DUOI>Sâu răng 36</HAM_DUOI>");
    expect(text).toContain("<BENH_KHAC_RANG_HAM_MAT>Sâu răng; viêm lợi</BENH_KHAC_RANG_HAM_MAT>");
    const [back] = recordsOf(text);
    expect(back?.exams.map((e) => [e.specialty, e.result, e.healthClass, e.doctor])).toEqual([
      ["noi_tuan_hoan", "Tim đều", "1", null],
      ["rang_ham_mat", "Hàm trên: Bình thường; Hàm dưới: Sâu răng 36; Sâu răng; viêm lợi", "2", "BS-A"],
    ]);
  });

  it("writes coded conditions as ICD lists when the text fields are empty", () => {
    const record = buildCheckup({
      conditions: [
        { icd10: "I10", text: "Tăng huyết áp", kind: "diagnosis", path: "" },
        { icd10: "E11", text: null, kind: "family-history", path: "" },
      ],
    });
    const [back] = recordsOf(writeKsk([record]));
    expect(back?.conclusion.diseasesText).toBe("I10 Tăng huyết áp");
    expect(back?.history).toEqual({ TSGD_MA_BENH: "E11" });
    expect(back?.conditions.map((c) => [c.kind, c.icd10, c.text])).toEqual([
      ["family-history", "E11", null],
      ["diagnosis", "I10", "Tăng huyết áp"],
    ]);
  });

  it("escapes markup and drops characters XML cannot carry, in base64 and inline alike", () => {
    const record = buildCheckup({ reason: "Khám <định kỳ> & \u0001tuyển dụng ]]> xong" });
    for (const options of [{}, { contentEncoding: "inline" as const }, { contentEncoding: "inline" as const, cdata: true }]) {
      const result = parseKsk(writeKsk([record], options));
      expect(result.records[0]?.record.reason).toBe("Khám <định kỳ> & tuyển dụng ]]> xong");
    }
  });

  it("writes an envelope with no records that the parser refuses as empty", () => {
    expect(parseKsk(writeKsk([])).findings.map((f) => f.code)).toEqual(["KSK-FACILITY-MISSING", "KSK-NO-RECORDS"]);
  });
});
