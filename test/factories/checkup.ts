/**
 * Check-up records for tests. `buildCheckup()` is a complete, valid adult check-up (zero error
 * findings); `buildMinorCheckup()` and `buildChildCheckup()` the other QĐ 2062 age groups.
 * Overrides merge one level deep into `patient` and `conclusion`; everything else replaces.
 * Every person here is invented.
 */
import {
  emptyConclusion,
  emptyPerson,
  type CheckupRecord,
  type Conclusion,
  type Moment,
  type Observation,
  type Person,
} from "../../src/checkup/model.ts";

export type CheckupOverrides = Partial<Omit<CheckupRecord, "patient" | "conclusion">> & {
  patient?: Partial<Person>;
  conclusion?: Partial<Conclusion>;
};

/** The clock the factory's records were "received" by: ten minutes after the exam. */
export const CHECK_CTX = Object.freeze({
  now: new Date("2026-11-20T01:40:00Z"),
  receivedAt: new Date("2026-11-20T01:40:00Z"),
});

export const moment = (iso: string, raw = iso.replace(/[-T:]/g, "").padEnd(12, "0")): Moment => ({
  raw,
  iso,
  precision: iso.length > 10 ? "minute" : "day",
});

export function buildObservation(overrides: Partial<Observation> = {}): Observation {
  return {
    key: null,
    loinc: null,
    category: "laboratory",
    serviceCode: null,
    localCode: null,
    name: "",
    valueRaw: null,
    unitRaw: null,
    value: null,
    unit: null,
    valueText: null,
    description: null,
    conclusion: null,
    interpretation: null,
    flags: [],
    resultTime: null,
    performer: null,
    path: "HOSO[0]/XML11/CHI_TIET_CLS[0]",
    ...overrides,
  };
}

/**
 * XML10 physical exam as the KSK parser reads it (formats/ksk/form-fields.ts): catalogue keys set,
 * the form unit in `unitRaw`, `HUYET_AP` split into systolic and diastolic at the same path.
 * `localCode` carries the tag so tests can pick a field. BMI agrees with height and weight.
 */
export function vitals(height = "170", weight = "65", bmi = "22.5"): Observation[] {
  const at = (tag: string, key: string, name: string, valueRaw: string, unitRaw: string) =>
    buildObservation({ key, category: "vital-signs", name, localCode: tag, valueRaw, unitRaw, path: `HOSO[0]/XML10/${tag}` });
  return [
    at("CHIEU_CAO", "body_height", "Chiều cao", height, "cm"),
    at("CAN_NANG", "body_weight", "Cân nặng", weight, "kg"),
    at("CHI_SO_BMI", "bmi", "Chỉ số BMI", bmi, "kg/m2"),
    at("MACH", "pulse", "Mạch", "72", "lần/phút"),
    at("HUYET_AP", "bp_systolic", "Huyết áp tâm thu", "120", "mmHg"),
    at("HUYET_AP", "bp_diastolic", "Huyết áp tâm trương", "80", "mmHg"),
  ];
}

function labs(): Observation[] {
  let row = 0;
  const lab = (name: string, valueRaw: string, unitRaw: string | null, serviceCode = "HH01") =>
    buildObservation({ name, valueRaw, unitRaw, serviceCode, path: `HOSO[0]/XML11/CHI_TIET_CLS[${row++}]` });
  return [
    lab("Glucose", "5.2", "mmol/L", "SH01"),
    lab("Hemoglobin", "145", "g/L"),
    lab("Bạch cầu", "6.5", "G/L"),
    lab("Glucose", "Âm tính", null, "NT01"),
    lab("Protein", "Âm tính", null, "NT01"),
    lab("Nitrit", "Âm tính", null, "NT01"),
  ];
}

function baseRecord(): CheckupRecord {
  return {
    format: "ksk",
    index: 0,
    path: "HOSO[0]",
    maLk: "LK000123",
    facilityCode: "01013",
    facilityGln: "8930000000017",
    formType: "Adult",
    ageGroup: "adult",
    examTime: moment("2026-11-20T08:30"),
    visitType: "15",
    targetGroups: ["13"],
    fundingSource: "4",
    reason: "Khám sức khỏe định kỳ",
    patient: {
      ...emptyPerson(),
      fullName: "Nguyễn Văn An",
      birthDate: moment("1990-05-12"),
      sex: "1",
      personalId: "001090012345",
      ethnicity: "01",
      nationality: "000",
      bloodGroup: "O+",
      address: "Số 1 phố Mẫu, Phường Ba Đình, Thành phố Hà Nội",
      provinceCode: "01",
      communeCode: "00004",
      occupation: "13",
      phone: "0912000000",
    },
    guardians: [],
    history: {},
    observations: [...vitals(), ...labs()],
    exams: [
      { specialty: "noi_tuan_hoan", result: "Bình thường", healthClass: "1", doctor: "BS A", path: "HOSO[0]/XML7/NOI_KHOA_TUAN_HOAN_PL" },
      { specialty: "mat", result: "Bình thường", healthClass: "2", doctor: "BS B", path: "HOSO[0]/XML7/MAT_PL" },
    ],
    conclusion: { ...emptyConclusion(), healthClass: "2", concludingDoctor: "BS C" },
    conditions: [],
    signatures: {},
    blocks: {
      XML1: { HO_TEN: "Nguyễn Văn An", NGAY_SINH: "199005120000", SO_CCCD: "001090012345", GIOI_TINH: "1" },
      XML2: { MA_LK: "LK000123", MA_CSKCB: "01013", NGAY_VAO: "202611200830", TYPE: "Adult" },
    },
  };
}

function merge(base: CheckupRecord, o: CheckupOverrides): CheckupRecord {
  const { patient, conclusion, ...rest } = o;
  return {
    ...base,
    ...rest,
    patient: { ...base.patient, ...patient },
    conclusion: { ...base.conclusion, ...conclusion },
  };
}

export const buildCheckup = (overrides: CheckupOverrides = {}): CheckupRecord => merge(baseRecord(), overrides);

/** A 10-year-old pupil (QĐ 2062 `Minor` form). */
export const buildMinorCheckup = (overrides: CheckupOverrides = {}): CheckupRecord =>
  merge(
    merge(baseRecord(), {
      formType: "Minor",
      ageGroup: "minor_6_18",
      targetGroups: ["6"],
      patient: { fullName: "Trần Thị Bình", birthDate: moment("2016-03-02"), sex: "2", personalId: "001316004321" },
      observations: vitals("140", "33", "16.8"),
      guardians: [{ kind: "guardian", fullName: "Trần Văn Cường", personalId: null, relationship: "Bố", phone: null }],
    }),
    overrides,
  );

/** A 3-year-old (QĐ 2062 `ChildUnder` form): no PHAN_LOAI_SK, a guardian's name is required. */
export const buildChildCheckup = (overrides: CheckupOverrides = {}): CheckupRecord =>
  merge(
    merge(baseRecord(), {
      formType: "ChildUnder",
      ageGroup: "child_under_6",
      targetGroups: ["5"],
      patient: { fullName: "Lê Minh Đức", birthDate: moment("2023-06-15"), sex: "1", personalId: "001223001111" },
      observations: [
        buildObservation({ key: "body_temperature", category: "vital-signs", name: "Nhiệt độ", valueRaw: "36.8", unitRaw: "°C", path: "HOSO[0]/XML3/NHIET_DO" }),
        buildObservation({ key: "body_weight", category: "vital-signs", name: "Cân nặng", valueRaw: "14", unitRaw: "kg", path: "HOSO[0]/XML4/CAN_NANG" }),
      ],
      exams: [],
      conclusion: { healthClass: null, normal: "1" },
      guardians: [{ kind: "accompanying", fullName: "Lê Thị Hoa", personalId: null, relationship: "Mẹ", phone: null }],
    }),
    overrides,
  );
