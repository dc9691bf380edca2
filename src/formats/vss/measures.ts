/**
 * Weight and height of every insured visit (standards.md §1 item 14): CAN_NANG in kg (QĐ 3176
 * Bảng 1 field 60) and DU_PHONG, which 3176 re-purposes for the height in cm (field 66). Values stay
 * as sent; the normaliser converts them. `0` is how exports fill the required CAN_NANG when nobody
 * weighed the patient: it is not a measurement.
 */
import type { Finding } from "../../checkup/finding.ts";
import type { Observation } from "../../checkup/model.ts";
import { observation } from "../ksk/observations.ts";
import type { RowReader } from "./fields.ts";
import { vssFinding } from "./findings.ts";
import { RECORD_TAGS } from "./xml1-tags.ts";

const NUMBER = /^\d+(?:[.,]\d+)?$/;
const ZERO = /^0+(?:[.,]0+)?$/;

export const WEIGHT = { key: "body_weight", name: "Cân nặng", unit: "kg" } as const;
export const HEIGHT = { key: "body_height", name: "Chiều cao", unit: "cm" } as const;

export function readMeasures(xml1: RowReader, sink: Finding[]): Observation[] {
  const out: Observation[] = [];
  const weight = xml1.text(RECORD_TAGS.weight);
  if (weight !== null && !ZERO.test(weight)) out.push(measure(WEIGHT, weight, xml1.path(RECORD_TAGS.weight)));
  const height = xml1.text(RECORD_TAGS.height);
  if (height !== null && NUMBER.test(height)) {
    if (!ZERO.test(height)) out.push(measure(HEIGHT, height, xml1.path(RECORD_TAGS.height)));
  } else if (height !== null) sink.push(vssFinding("VSS-HEIGHT-FORMAT", xml1.path(RECORD_TAGS.height)));
  return out;
}

const measure = (def: { key: string; name: string; unit: string }, value: string, path: string): Observation =>
  observation({ key: def.key, category: "vital-signs", name: def.name, path, valueRaw: value, unitRaw: def.unit });
