/**
 * Observations from the fixed form fields (vitals, growth, physical exam, eyes, ears) and the
 * blood pressure split. Values stay as sent; the normaliser converts them.
 */
import type { Finding } from "../../checkup/finding.ts";
import type { Observation, ObservationCategory } from "../../checkup/model.ts";
import { pickField, type Blocks } from "./fields.ts";
import { kskFinding } from "./findings.ts";
import { BLOOD_PRESSURE, FORM_FIELDS, FORM_ORDER } from "./form-fields.ts";

export interface ObservationSeed {
  key: string | null;
  category: ObservationCategory;
  name: string;
  path: string;
  valueRaw?: string | null;
  unitRaw?: string | null;
  valueText?: string | null;
  serviceCode?: string | null;
  localCode?: string | null;
  description?: string | null;
  conclusion?: string | null;
  resultTime?: Observation["resultTime"];
  performer?: string | null;
}

/** An Observation with everything the parser does not know left empty. */
export function observation(seed: ObservationSeed): Observation {
  return {
    key: seed.key,
    loinc: null,
    category: seed.category,
    serviceCode: seed.serviceCode ?? null,
    localCode: seed.localCode ?? null,
    name: seed.name,
    valueRaw: seed.valueRaw ?? null,
    unitRaw: seed.unitRaw ?? null,
    value: null,
    unit: null,
    valueText: seed.valueText ?? null,
    description: seed.description ?? null,
    conclusion: seed.conclusion ?? null,
    interpretation: null,
    flags: [],
    resultTime: seed.resultTime ?? null,
    performer: seed.performer ?? null,
    path: seed.path,
  };
}

export function readFormObservations(blocks: Blocks, sink: Finding[]): Observation[] {
  const out: Observation[] = [];
  for (const block of FORM_ORDER) {
    for (const def of FORM_FIELDS.filter((f) => f.block === block)) {
      const picked = pickField(blocks.get(def.block), def.tag, sink);
      if (!picked) continue;
      const assessment = def.assessment ? pickField(blocks.get(def.block), def.assessment, sink)?.value : null;
      out.push(
        observation({
          key: def.key,
          category: def.category,
          name: def.name,
          path: picked.path,
          valueRaw: picked.value,
          unitRaw: def.unit,
          valueText: def.keepText ? picked.value : null,
          conclusion: assessment ?? null,
        }),
      );
    }
    if (block === BLOOD_PRESSURE.block) out.push(...readBloodPressure(blocks, sink));
  }
  return out;
}

const BP = /^(\d{2,3}(?:[.,]\d+)?)\s*\/\s*(\d{2,3}(?:[.,]\d+)?)\s*(?:mm\s*hg)?$/i;

function readBloodPressure(blocks: Blocks, sink: Finding[]): Observation[] {
  const picked = pickField(blocks.get(BLOOD_PRESSURE.block), BLOOD_PRESSURE.tag, sink);
  if (!picked) return [];
  const m = BP.exec(picked.value);
  if (!m) {
    sink.push(kskFinding("KSK-BP-FORMAT", picked.path));
    return [];
  }
  const [, systolic = "", diastolic = ""] = m;
  const part = (def: { key: string; name: string }, value: string): Observation =>
    observation({ key: def.key, category: "vital-signs", name: def.name, path: picked.path, valueRaw: value, unitRaw: BLOOD_PRESSURE.unit });
  return [part(BLOOD_PRESSURE.systolic, systolic), part(BLOOD_PRESSURE.diastolic, diastolic)];
}
