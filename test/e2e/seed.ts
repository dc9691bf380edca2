/**
 * What the browser test reads: three yearly check-ups of Nguyễn Văn An (the newest with blood
 * pressure 165/100, BMI, glucose and cholesterol creeping up), one of his daughter Trần Thị Bình,
 * whom the registry links to him as guardian, and a clinician at the test facility.
 */
import { addClinician } from "../../src/consent/clinicians.ts";
import { upsertRegistryPersons } from "../../src/identity/registry-repo.ts";
import { buildCheckup, buildMinorCheckup, buildObservation, moment, vitals } from "../factories/checkup.ts";
import { envelope, push, REGISTRY, type TestHub } from "../hub.ts";

export const CITIZEN = REGISTRY[0]!;
export const WARD = REGISTRY[1]!;
export const CLINICIAN = { username: "bs.ha", password: "mat khau dai 2026", displayName: "BS. Phạm Thu Hà" } as const;

interface Visit {
  maLk: string;
  at: string;
  weight: string;
  bmi: string;
  bp: [string, string];
  glucose: string;
  cholesterol: string;
}

const VISITS: Visit[] = [
  { maLk: "E2E-2024", at: "2024-11-12T08:00", weight: "68", bmi: "23.5", bp: ["122", "78"], glucose: "5.1", cholesterol: "4.8" },
  { maLk: "E2E-2025", at: "2025-11-18T08:15", weight: "72", bmi: "24.9", bp: ["134", "86"], glucose: "5.6", cholesterol: "5.4" },
  { maLk: "E2E-2026", at: "2026-11-20T08:30", weight: "78", bmi: "27.0", bp: ["165", "100"], glucose: "6.4", cholesterol: "6.1" },
];

function adultVisit(v: Visit) {
  const [sys, dia] = v.bp;
  const obs = vitals("170", v.weight, v.bmi).map((o) =>
    o.key === "bp_systolic" ? { ...o, valueRaw: sys } : o.key === "bp_diastolic" ? { ...o, valueRaw: dia } : o,
  );
  const lab = (i: number, name: string, valueRaw: string, serviceCode: string) =>
    buildObservation({ name, valueRaw, unitRaw: "mmol/L", serviceCode, path: `HOSO[0]/XML11/CHI_TIET_CLS[${i}]` });
  const ymd = v.at.slice(0, 10).replace(/-/g, "");
  return buildCheckup({
    maLk: v.maLk,
    examTime: moment(v.at),
    observations: [...obs, lab(0, "Glucose", v.glucose, "SH01"), lab(1, "Cholesterol toàn phần", v.cholesterol, "SH02")],
    blocks: {
      XML1: { HO_TEN: CITIZEN.fullName, NGAY_SINH: "199005120000", SO_CCCD: CITIZEN.personalId, GIOI_TINH: "1" },
      XML2: { MA_LK: v.maLk, MA_CSKCB: "01013", NGAY_VAO: `${ymd}0800`, TYPE: "Adult" },
    },
  });
}

export async function seed(hub: TestHub): Promise<void> {
  await upsertRegistryPersons(hub.deps.db, [
    { ...WARD, provinceCode: "01", communeCode: "00004", address: null, ethnicity: "01", phone: null, guardianPersonalId: CITIZEN.personalId },
  ]);
  const records = [...VISITS.map(adultVisit), buildMinorCheckup({ maLk: "E2E-WARD", examTime: moment("2026-10-02T09:00") })];
  const r = await push(hub, envelope(records));
  const outcomes = r.data.records.map((x) => `${x.ma_lk}:${x.outcome}`);
  if (!outcomes.every((o) => o.endsWith(":accepted"))) throw new Error(`seed push not accepted: ${outcomes.join(", ")} ${JSON.stringify(r.data.records.flatMap((x) => x.findings).filter((f) => f.severity === "error"))}`);
  await addClinician(hub.deps, { ...CLINICIAN, facilityId: hub.facility.facility.facility_id });
}
