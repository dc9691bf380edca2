/**
 * Where each observation goes when a record is written back to KHAMSUCKHOE: a form field when its
 * key has one for this age group and its value fits the form unit (QĐ 2062 XML3/XML4/XML7/XML10),
 * otherwise a CHI_TIET_CLS row, so nothing is dropped. Rows keep their order.
 */
import type { AgeGroup, Observation } from "../../checkup/model.ts";
import { BLOOD_PRESSURE, FORM_FIELDS, type FormField } from "./form-fields.ts";

export interface Placement {
  /** `XML10/CHIEU_CAO` → value, and the assessment beside it when there is one. */
  fields: Map<string, string>;
  rows: Observation[];
}

const slot = (block: string, tag: string): string => `${block}/${tag}`;

export function placeObservations(observations: readonly Observation[], ageGroup: AgeGroup | null): Placement {
  const fields = new Map<string, string>();
  const rows: Observation[] = [];
  const pressure: { systolic?: string; diastolic?: string; held: Observation[] } = { held: [] };
  for (const obs of observations) {
    if (obs.path.includes("/XML11/")) rows.push(obs);
    else if (obs.key === BLOOD_PRESSURE.systolic.key || obs.key === BLOOD_PRESSURE.diastolic.key) holdPressure(obs, pressure);
    else if (!placeInForm(obs, ageGroup, fields)) rows.push(obs);
  }
  if (pressure.systolic !== undefined && pressure.diastolic !== undefined) {
    fields.set(slot(BLOOD_PRESSURE.block, BLOOD_PRESSURE.tag), `${pressure.systolic}/${pressure.diastolic}`);
  } else rows.push(...pressure.held);
  return { fields, rows };
}

function holdPressure(obs: Observation, pressure: { systolic?: string; diastolic?: string; held: Observation[] }): void {
  const value = formValue(obs, { unit: BLOOD_PRESSURE.unit, ucum: BLOOD_PRESSURE.ucum });
  const part = obs.key === BLOOD_PRESSURE.systolic.key ? "systolic" : "diastolic";
  if (value === null || pressure[part] !== undefined) {
    pressure.held.push(obs);
    return;
  }
  pressure[part] = value;
}

function placeInForm(obs: Observation, ageGroup: AgeGroup | null, fields: Map<string, string>): boolean {
  const def = chooseField(obs, ageGroup);
  if (!def || fields.has(slot(def.block, def.tag))) return false;
  const value = formValue(obs, def);
  if (value === null) return false;
  fields.set(slot(def.block, def.tag), value);
  if (def.assessment && obs.conclusion !== null) fields.set(slot(def.block, def.assessment), obs.conclusion);
  return true;
}

/** The field it was read from, else the one of its age group's form (children: XML3/XML4; others: XML10). */
function chooseField(obs: Observation, ageGroup: AgeGroup | null): FormField | undefined {
  const candidates = FORM_FIELDS.filter((f) => f.key === obs.key);
  const fromPath = candidates.find((f) => obs.path.endsWith(`/${f.block}/${f.tag}`));
  if (fromPath) return fromPath;
  const child = ageGroup === "child_under_6";
  return candidates.find((f) => f.block === "XML7" || (child ? f.block !== "XML10" : f.block === "XML10"));
}

/** The value as the form expects it: the raw text when its unit is the form's, else the canonical value. */
function formValue(obs: Observation, def: Pick<FormField, "unit" | "ucum">): string | null {
  const raw = obs.valueRaw ?? obs.valueText;
  if (raw !== null && (obs.unitRaw === null || sameUnit(obs.unitRaw, def.unit))) return raw;
  if (obs.value !== null && obs.unit !== null && obs.unit === def.ucum) return String(obs.value);
  return null;
}

const sameUnit = (a: string, b: string | null): boolean =>
  b !== null && a.replace(/\s+/g, "").toLowerCase() === b.replace(/\s+/g, "").toLowerCase();
