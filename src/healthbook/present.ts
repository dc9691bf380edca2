/**
 * One stored check-up as the book shows it (docs/api-healthbook.md §6 CheckupEntry): measures
 * with canonical value and unit, the normal range for the person, the interpretation and flags
 * the checks set, plain-words explanations of what is abnormal (from the catalogue's rule
 * meanings), specialty exams, conclusion and health class, diagnoses, concluding doctor. Pure.
 */
import type { Observation } from "../checkup/model.ts";
import { formatMomentIso, formatMomentVi } from "../formats/moment.ts";
import type { LocalText } from "../outcome.ts";
import type { CheckupRow } from "./book-repo.ts";
import { catalogueView, rangeFor, unitDisplay, type RangeView } from "./catalogue-view.ts";
import { formLabel, healthClass, specialtyName, type HealthClassView } from "./labels.ts";

export interface PersonFacts {
  sex: string | null;
  birthDate: string | null;
}

export interface MeasureView {
  key: string | null;
  loinc: string | null;
  category: string;
  name: LocalText;
  value: number | null;
  unit: string | null;
  unit_display: string | null;
  value_text: string | null;
  description: string | null;
  conclusion: string | null;
  value_as_sent: string | null;
  unit_as_sent: string | null;
  reference_range: RangeView | null;
  interpretation: string | null;
  flags: string[];
  abnormal: boolean;
}

export interface Explanation extends LocalText {
  key: string | null;
  interpretation: string;
}

export interface CheckupEntry {
  checkup_id: string;
  version: number;
  corrected: boolean;
  exam_date: string | null;
  exam_time: string | null;
  exam_time_vi: string | null;
  facility: { code: string; name: string };
  type: { form: string | null; visit_type: string | null } & LocalText;
  reason: string | null;
  measures: MeasureView[];
  exams: { specialty: string; name: LocalText; result: string | null; health_class: string | null; doctor: string | null }[];
  conclusion: {
    health_class: HealthClassView | null;
    diseases_text: string | null;
    problems: string | null;
    other_diseases: string | null;
    advice: string | null;
    next_appointment: string | null;
    referral: string | null;
    concluding_doctor: string | null;
    concluding_doctor_signed: boolean;
  };
  diagnoses: { icd10: string; text: string | null }[];
  abnormal: Explanation[];
}

const NOT_ABNORMAL = new Set(["N", "NEG"]);
export const isAbnormal = (interpretation: string | null): boolean => interpretation !== null && !NOT_ABNORMAL.has(interpretation);

/** Whole years (with fraction) between two `YYYY-MM-DD` dates; null when either is missing. */
export function ageAt(birthDate: string | null, date: string | null): number | null {
  if (!birthDate || !date) return null;
  const ms = Date.parse(`${date}T00:00:00Z`) - Date.parse(`${birthDate}T00:00:00Z`);
  return Number.isFinite(ms) ? ms / (365.2425 * 86_400_000) : null;
}

export function presentCheckup(row: CheckupRow, person: PersonFacts): CheckupEntry {
  const r = row.record;
  const facts = { sex: person.sex ?? r.patient.sex, age: ageAt(person.birthDate, row.exam_date) };
  const measures = r.observations.map((o) => presentMeasure(o, facts));
  const c = r.conclusion;
  return {
    checkup_id: row.checkup_id,
    version: row.version,
    // A version above 1 exists only because the facility sent a newer one: this is the correction.
    corrected: row.version > 1,
    exam_date: row.exam_date,
    exam_time: r.examTime ? formatMomentIso(r.examTime) : null,
    exam_time_vi: r.examTime ? formatMomentVi(r.examTime) : null,
    facility: { code: row.facility_code, name: row.facility_name },
    type: { form: r.formType, visit_type: r.visitType, ...formLabel(r.formType) },
    reason: r.reason,
    measures,
    exams: r.exams.map((e) => ({ specialty: e.specialty, name: specialtyName(e.specialty), result: e.result, health_class: e.healthClass, doctor: e.doctor })),
    conclusion: {
      health_class: healthClass(c.healthClass),
      diseases_text: c.diseasesText,
      problems: c.problems,
      other_diseases: c.otherDiseases,
      advice: c.advice,
      next_appointment: c.nextAppointment,
      referral: c.referral,
      concluding_doctor: c.concludingDoctor,
      concluding_doctor_signed: row.doctor_signed,
    },
    diagnoses: r.conditions.filter((d) => d.kind === "diagnosis").map((d) => ({ icd10: d.icd10, text: d.text })),
    abnormal: measures.flatMap((m, i) => (m.abnormal ? [explain(m, r.observations[i]!)] : [])),
  };
}

function presentMeasure(o: Observation, facts: { sex: string | null; age: number | null }): MeasureView {
  const entry = o.key === null ? undefined : catalogueView().byKey.get(o.key);
  return {
    key: o.key,
    loinc: o.loinc,
    category: o.category,
    name: entry?.name ?? { vi: o.name, en: o.name },
    value: o.value,
    unit: o.unit,
    unit_display: unitDisplay(o.unit),
    value_text: o.valueText,
    description: o.description,
    conclusion: o.conclusion,
    value_as_sent: o.valueRaw,
    unit_as_sent: o.unitRaw,
    reference_range: entry ? rangeFor(entry, facts) : null,
    interpretation: o.interpretation,
    flags: o.flags,
    abnormal: isAbnormal(o.interpretation),
  };
}

const SEVERITY: Readonly<Record<string, number>> = { HH: 3, LL: 3, H: 2, L: 2, A: 1, POS: 1 };

const GENERIC: Readonly<Record<string, LocalText>> = {
  H: { vi: "cao hơn mức bình thường", en: "higher than normal" },
  HH: { vi: "cao hơn nhiều so với mức bình thường", en: "much higher than normal" },
  L: { vi: "thấp hơn mức bình thường", en: "lower than normal" },
  LL: { vi: "thấp hơn nhiều so với mức bình thường", en: "much lower than normal" },
  POS: { vi: "dương tính", en: "positive" },
  A: { vi: "bất thường", en: "abnormal" },
};

/**
 * "Huyết áp tâm thu 146 mmHg: Tăng huyết áp (HATT ≥ 140). Mức bình thường: 90–139 mmHg." — the
 * meanings of the catalogue rules that fired, else a plain word for the interpretation.
 */
export function explain(m: MeasureView, o: Observation): Explanation {
  const rules = catalogueView().rules;
  const fired = o.key === null ? [] : o.flags.flatMap((id) => {
    const rule = rules.get(`${o.key}|${id}`);
    return rule && rule.interpretation !== "N" ? [rule] : [];
  });
  // One sentence per result: the most severe rule's meaning (two guidelines saying the same thing
  // — ADA and WHO impaired fasting glucose — would only repeat it).
  const top = Math.max(...fired.map((r) => SEVERITY[r.interpretation] ?? 0));
  const meanings = fired.filter((r) => (SEVERITY[r.interpretation] ?? 0) === top).slice(0, 1);
  const generic = GENERIC[m.interpretation ?? "A"] ?? GENERIC["A"]!;
  const meaning = (lang: "vi" | "en") =>
    meanings.length > 0 ? meanings.map((r) => (lang === "vi" ? r.meaningVi : r.meaningEn)).join("; ") : generic[lang];
  const shown = (lang: "vi" | "en") => {
    const v = m.value !== null ? `${formatNumber(m.value, lang)}${m.unit_display ? ` ${m.unit_display}` : ""}` : (m.value_text ?? m.value_as_sent ?? "");
    return v === "" ? "" : ` ${v}`;
  };
  const range = (lang: "vi" | "en") => {
    const r = m.reference_range;
    if (!r) return "";
    const text = r.low === null && r.high === null ? r.text.split(" / ")[lang === "vi" ? 0 : 1] ?? r.text : localRange(r, lang);
    return lang === "vi" ? ` Mức bình thường: ${text}.` : ` Normal: ${text}.`;
  };
  return {
    key: m.key,
    interpretation: m.interpretation ?? "A",
    vi: `${m.name.vi}${shown("vi")}: ${meaning("vi")}.${range("vi")}`,
    en: `${m.name.en}${shown("en")}: ${meaning("en")}.${range("en")}`,
  };
}

/** Vietnamese writes a decimal comma (5,6 mmol/L). */
const formatNumber = (n: number, lang: "vi" | "en"): string => (lang === "vi" ? String(n).replace(".", ",") : String(n));

function localRange(r: RangeView, lang: "vi" | "en"): string {
  const unit = unitDisplay(r.unit);
  const suffix = unit ? ` ${unit}` : "";
  if (r.low !== null && r.high !== null) return `${formatNumber(r.low, lang)}–${formatNumber(r.high, lang)}${suffix}`;
  if (r.high !== null) return `≤ ${formatNumber(r.high, lang)}${suffix}`;
  return `≥ ${formatNumber(r.low!, lang)}${suffix}`;
}
