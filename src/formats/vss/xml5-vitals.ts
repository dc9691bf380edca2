/**
 * Vital signs written inside XML5 DIEN_BIEN_LS as `CSST<M75_T37_HA120/70_NT18_HL2>` (QĐ 4750 Bảng
 * 5, kept by QĐ 3176; standards.md §4.5): M pulse, T temperature, HA blood pressure, NT respiratory
 * rate, SP (or SPO2) oxygen saturation, HL nursing level. Parts are `_`-separated; a `:` or `=`
 * after the label, spaces and a `%` after SpO2 are tolerated. Every part is kept as sent in
 * `vitals`; the measurements become observations with their catalogue key set. A part that does not
 * read is a warning and makes no observation.
 */
import type { Finding } from "../../checkup/finding.ts";
import type { Moment, Observation } from "../../checkup/model.ts";
import { observation } from "../ksk/observations.ts";
import { vssFinding } from "./findings.ts";

interface VitalDef {
  key: string;
  name: string;
  unit: string;
  pattern: RegExp;
}

/** Label → measurement; HA gives two (systolic/diastolic) and is handled apart. */
export const VITAL_SIGNS: Readonly<Record<string, VitalDef>> = {
  M: { key: "pulse", name: "Mạch", unit: "lần/phút", pattern: /^\d{2,3}$/ },
  T: { key: "body_temperature", name: "Nhiệt độ", unit: "°C", pattern: /^\d{2}(?:[.,]\d{1,2})?$/ },
  NT: { key: "respiratory_rate", name: "Nhịp thở", unit: "lần/phút", pattern: /^\d{1,3}$/ },
  SP: { key: "spo2", name: "SpO2", unit: "%", pattern: /^\d{2,3}(?:[.,]\d)?$/ },
};

export const BLOOD_PRESSURE = {
  label: "HA",
  systolic: { key: "bp_systolic", name: "Huyết áp tâm thu" },
  diastolic: { key: "bp_diastolic", name: "Huyết áp tâm trương" },
  unit: "mmHg",
  pattern: /^(\d{2,3})\s*\/\s*(\d{2,3})$/,
} as const;

const TOKEN = /CSST\s*<([^<>]*)>/gi;
const PART = /^(SPO2|SP|HA|NT|HL|M|T|[A-Z]+)\s*[:=]?\s*(.*)$/i;

export interface VitalsRead {
  /** Every labelled part as sent, label upper-cased (`SPO2` read as `SP`). */
  parts: Record<string, string>;
  observations: Observation[];
}

export interface VitalsContext {
  path: string;
  resultTime: Moment | null;
  performer: string | null;
}

export function readVitals(text: string | null, ctx: VitalsContext, sink: Finding[]): VitalsRead {
  const out: VitalsRead = { parts: {}, observations: [] };
  if (text === null || !/CSST/i.test(text)) return out;
  let malformed = false;
  for (const token of text.matchAll(TOKEN)) {
    for (const part of (token[1] ?? "").split("_")) {
      const m = PART.exec(part.trim());
      if (!m) {
        malformed ||= part.trim() !== "";
        continue;
      }
      const label = (m[1] ?? "").toUpperCase().replace(/^SPO2$/, "SP");
      const value = (m[2] ?? "").trim().replace(/%$/, "").trim();
      if (value === "") continue;
      out.parts[label] = value;
      const read = measure(label, value, ctx);
      if (read === null) malformed = true;
      else out.observations.push(...read);
    }
  }
  if (malformed) sink.push(vssFinding("VSS-VITALS-FORMAT", ctx.path));
  return out;
}

/** null: a known label whose value does not read; [] for labels that are not measurements (HL…). */
function measure(label: string, value: string, ctx: VitalsContext): Observation[] | null {
  const make = (def: { key: string; name: string }, raw: string, unit: string): Observation =>
    observation({ key: def.key, category: "vital-signs", name: def.name, path: ctx.path, valueRaw: raw, unitRaw: unit, resultTime: ctx.resultTime, performer: ctx.performer });
  if (label === BLOOD_PRESSURE.label) {
    const bp = BLOOD_PRESSURE.pattern.exec(value);
    if (!bp) return null;
    return [make(BLOOD_PRESSURE.systolic, bp[1] ?? "", BLOOD_PRESSURE.unit), make(BLOOD_PRESSURE.diastolic, bp[2] ?? "", BLOOD_PRESSURE.unit)];
  }
  const def = VITAL_SIGNS[label];
  if (!def) return [];
  return def.pattern.test(value) ? [make(def, value, def.unit)] : null;
}

/** The token the writer puts back into DIEN_BIEN_LS for vitals that came from elsewhere. */
export function vitalsToken(values: Readonly<Record<string, string>>): string {
  const parts = Object.entries(values).map(([label, value]) => `${label}${value}`);
  return `CSST<${parts.join("_")}>`;
}
