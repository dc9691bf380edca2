/**
 * The model back into the tables it was read from: XML1 from the record and the encounter, XML2
 * from medications, XML3 from procedures, XML4 from result observations, XML5 from notes. Vital
 * signs read from a CSST token travel inside the note text; vital signs from elsewhere (a record
 * built by hand or from another format) get a CSST token of their own.
 */
import type { CheckupRecord, Observation } from "../../checkup/model.ts";
import type { VssClinicalNote, VssEncounter, VssMedication, VssProcedure } from "./types.ts";
import { MEDICATION_TAGS, PROCEDURE_TAGS } from "./drugs.ts";
import { HEIGHT, WEIGHT } from "./measures.ts";
import { joinList, momentText, type Managed, type Placed } from "./write-rows.ts";
import {
  CARD_TAGS, COST_TAGS, ENCOUNTER_LISTS, ENCOUNTER_MOMENTS, ENCOUNTER_TEXT, PATIENT_TAGS, RECORD_TAGS,
} from "./xml1-tags.ts";
import { BLOOD_PRESSURE, VITAL_SIGNS, vitalsToken } from "./xml5-vitals.ts";

export function xml1Fields(record: CheckupRecord, encounter: VssEncounter | undefined): Managed {
  const out: Record<string, string | null> = {
    [RECORD_TAGS.maLk]: record.maLk,
    [RECORD_TAGS.facilityCode]: record.facilityCode,
    [RECORD_TAGS.visitType]: record.visitType,
    [RECORD_TAGS.examTime]: momentText(record.examTime),
    [RECORD_TAGS.reason]: record.reason,
    [RECORD_TAGS.birthDate]: momentText(record.patient.birthDate),
  };
  for (const [field, tag] of Object.entries(PATIENT_TAGS)) out[tag] = record.patient[field as keyof typeof PATIENT_TAGS];
  const main = record.conditions.filter((c) => c.path.endsWith(`/${RECORD_TAGS.mainDiagnosis}`));
  const chosen = main.length > 0 ? main : record.conditions.slice(0, 1);
  out[RECORD_TAGS.mainDiagnosis] = joinList(chosen.map((c) => c.icd10));
  out[RECORD_TAGS.otherDiagnoses] = joinList(record.conditions.filter((c) => !chosen.includes(c)).map((c) => c.icd10));
  out[RECORD_TAGS.weight] = measureText(record.observations, WEIGHT);
  out[RECORD_TAGS.height] = measureText(record.observations, HEIGHT);
  out[ENCOUNTER_TEXT.dischargeDiagnosis] = record.conclusion.diseasesText;
  if (encounter) Object.assign(out, encounterFields(encounter));
  return out;
}

function encounterFields(e: VssEncounter): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [field, tag] of Object.entries(ENCOUNTER_TEXT)) out[tag] = e[field as keyof typeof ENCOUNTER_TEXT];
  for (const [field, tag] of Object.entries(ENCOUNTER_MOMENTS)) out[tag] = momentText(e[field as keyof typeof ENCOUNTER_MOMENTS]);
  for (const [field, tag] of Object.entries(ENCOUNTER_LISTS)) out[tag] = joinList(e[field as keyof typeof ENCOUNTER_LISTS]);
  if (e.insuranceCards.length > 0) {
    const cards = e.insuranceCards;
    out[CARD_TAGS.number] = cards.map((c) => c.number).join(";");
    out[CARD_TAGS.firstRegistration] = cards.map((c) => c.firstRegistration ?? "").join(";");
    out[CARD_TAGS.validFrom] = cards.map((c) => momentText(c.validFrom, 8) ?? "").join(";");
    out[CARD_TAGS.validTo] = cards.map((c) => momentText(c.validTo, 8) ?? "").join(";");
  }
  out[RECORD_TAGS.followUps] = joinList(e.followUps.map((m) => momentText(m, 8) ?? ""));
  out[RECORD_TAGS.settlementYear] = e.settlement.year;
  out[RECORD_TAGS.settlementMonth] = e.settlement.month;
  out[RECORD_TAGS.paidAt] = momentText(e.settlement.paidAt);
  for (const tag of COST_TAGS) out[tag] = e.costs[tag] ?? null;
  return out;
}

/** CAN_NANG in kg, DU_PHONG in cm: the first observation of the key whose unit is the table's. */
function measureText(observations: readonly Observation[], def: { key: string; unit: string }): string | null {
  for (const o of observations) {
    if (o.key !== def.key) continue;
    if (o.valueRaw !== null && (o.unitRaw === null || o.unitRaw.trim().toLowerCase() === def.unit)) return o.valueRaw;
    if (o.value !== null && o.unit === def.unit) return String(o.value);
  }
  return null;
}

export const medicationFields = (m: VssMedication): Managed => ({
  ...tagged(MEDICATION_TAGS, m),
  NGAY_YL: momentText(m.ordered),
  NGAY_TH_YL: momentText(m.given),
});

export const procedureFields = (p: VssProcedure): Managed => ({
  ...tagged(PROCEDURE_TAGS, p),
  MA_PTTT_QT: joinList(p.procedureCodes),
  NGUOI_THUC_HIEN: joinList(p.performers),
  NGAY_YL: momentText(p.ordered),
  NGAY_TH_YL: momentText(p.performed),
  NGAY_KQ: momentText(p.resulted),
});

export const resultFields = (o: Observation): Managed => ({
  MA_DICH_VU: o.serviceCode,
  MA_CHI_SO: o.localCode,
  TEN_CHI_SO: o.name,
  GIA_TRI: o.valueRaw,
  DON_VI_DO: o.unitRaw,
  MO_TA: o.description,
  KET_LUAN: o.conclusion,
  NGAY_KQ: momentText(o.resultTime),
  MA_BS_DOC_KQ: o.performer,
});

export const noteFields = (n: VssClinicalNote): Managed => ({
  DIEN_BIEN_LS: n.text,
  GIAI_DOAN_BENH: n.stage,
  HOI_CHAN: n.consultation,
  PHAU_THUAT: n.surgery,
  THOI_DIEM_DBLS: momentText(n.time),
  NGUOI_THUC_HIEN: joinList(n.performers),
});

const tagged = <K extends string>(tags: Readonly<Record<K, string>>, item: Readonly<Record<K, string | null>>): Managed =>
  Object.fromEntries(Object.entries<string>(tags).map(([field, tag]) => [tag, item[field as K]]));

const VITAL_KEYS = new Map<string, string>([
  ...Object.entries(VITAL_SIGNS).map(([label, def]): [string, string] => [def.key, label]),
  [BLOOD_PRESSURE.systolic.key, "HA"],
  [BLOOD_PRESSURE.diastolic.key, "HA"],
]);

export interface SortedObservations {
  /** XML4 rows, with where each was read. */
  results: Placed<Observation>[];
  /** A note carrying the vital signs that did not come from a CSST token, or null. */
  vitalsNote: VssClinicalNote | null;
}

/** Which table each observation goes back to; XML1 measures and XML5 vitals are written with their source. */
export function sortObservations(record: CheckupRecord, placeOf: (path: string) => string | null): SortedObservations {
  const results: Placed<Observation>[] = [];
  const vitals: Record<string, string> = {};
  const pressure: { sys?: Placed<Observation> & { raw: string }; dia?: Placed<Observation> & { raw: string } } = {};
  for (const o of record.observations) {
    const at = placeOf(o.path);
    // A result row stays a result row, even once the normaliser has given it a vital-sign key.
    const row = at !== null && at.startsWith("XML4");
    if (!row && (at?.startsWith("XML1/") || at?.startsWith("XML5/") || o.key === WEIGHT.key || o.key === HEIGHT.key)) continue;
    const label = o.key === null ? undefined : VITAL_KEYS.get(o.key);
    const raw = o.valueRaw ?? (o.value === null ? null : String(o.value));
    if (row || label === undefined || raw === null) results.push({ item: o, at: row ? at : null });
    else if (o.key === BLOOD_PRESSURE.systolic.key) pressure.sys ??= { item: o, at: null, raw };
    else if (o.key === BLOOD_PRESSURE.diastolic.key) pressure.dia ??= { item: o, at: null, raw };
    else vitals[label] ??= raw;
  }
  // HA is written as systolic/diastolic: a lone half goes to XML4 rather than be lost.
  if (pressure.sys && pressure.dia) vitals["HA"] = `${pressure.sys.raw}/${pressure.dia.raw}`;
  else results.push(...[pressure.sys, pressure.dia].flatMap((p) => (p ? [{ item: p.item, at: null }] : [])));
  const vitalsNote: VssClinicalNote | null =
    Object.keys(vitals).length === 0
      ? null
      : { path: "", time: record.examTime, text: vitalsToken(vitals), stage: null, consultation: null, surgery: null, performers: [], vitals };
  return { results, vitalsNote };
}
