/**
 * Observations as a parser leaves them: raw text, name, local code and path set; everything the
 * normaliser derives (value, unit, LOINC, interpretation, flags) left empty. `key` is set only for
 * fixed form fields, which a parser recognises by tag.
 */
import type { Observation, ObservationCategory } from "../checkup/model.ts";

/** What stays the same for one field or one panel row of one facility. */
export interface ObservationBase {
  key?: string | null;
  category: ObservationCategory;
  serviceCode?: string | null;
  localCode: string | null;
  name: string;
  unitRaw: string | null;
  path: string;
}

/** What one record says in that field or row. */
export interface ObservationResult {
  valueRaw: string | null;
  description?: string | null;
  conclusion?: string | null;
  performer?: string | null;
}

// One constructor with every field in a fixed order keeps one object shape for the JS engine.
export function observation(base: ObservationBase, result: ObservationResult): Observation {
  return {
    key: base.key ?? null,
    loinc: null,
    category: base.category,
    serviceCode: base.serviceCode ?? null,
    localCode: base.localCode,
    name: base.name,
    valueRaw: result.valueRaw,
    unitRaw: base.unitRaw,
    value: null,
    unit: null,
    valueText: null,
    description: result.description ?? null,
    conclusion: result.conclusion ?? null,
    interpretation: null,
    flags: [],
    resultTime: null,
    performer: result.performer ?? null,
    path: base.path,
  };
}

/** Fixed decimals, as lab systems print them. */
export const fmt = (value: number, decimals: number): string => value.toFixed(decimals);
