/**
 * Measures against each other (checkup-catalogue.md step 4, "Cross-field checks"):
 * - BMI ≈ weight / height²: |BMI − w/h²| ≤ 0.5 kg/m² (bmi plausibleRange note), else a warning;
 *   only when all three values are plausible (implausible ones are reported by measures.ts);
 * - systolic > diastolic in the same reading (bp_systolic / bp_diastolic notes), else an error:
 *   a swapped or mistyped pair cannot be stored as a blood pressure.
 */
import { finding } from "../finding.ts";
import type { Observation } from "../model.ts";
import { itemPath, type Check, type CheckInput } from "./context.ts";
import { plausible } from "./measures.ts";

const BMI_TOLERANCE = 0.5;

function firstPlausible(c: CheckInput, key: string): Observation | undefined {
  const ie = c.idx.catalogue.byKey.get(key);
  return ie && c.record.observations.find((o) => o.key === key && o.value !== null && plausible(ie, o.value));
}

function checkBmi(c: CheckInput): ReturnType<typeof finding> | null {
  const bmi = firstPlausible(c, "bmi");
  const height = firstPlausible(c, "body_height");
  const weight = firstPlausible(c, "body_weight");
  if (bmi?.value == null || height?.value == null || weight?.value == null) return null;
  const metres = height.value / 100;
  const computed = weight.value / (metres * metres);
  if (Math.abs(bmi.value - computed) <= BMI_TOLERANCE) return null;
  return finding("KSK-BMI-INCONSISTENT", "warning", itemPath(c.record, bmi),
    `Chỉ số BMI lệch hơn ${BMI_TOLERANCE} kg/m² so với cân nặng / (chiều cao)² của cùng hồ sơ.`,
    `BMI differs by more than ${BMI_TOLERANCE} kg/m² from weight / height² of the same record.`);
}

const bpOrder = (path: string) =>
  finding("KSK-BP-ORDER", "error", path,
    "Huyết áp tâm thu phải lớn hơn huyết áp tâm trương của cùng lần đo.",
    "Systolic pressure must be greater than the diastolic pressure of the same reading.");

export const checkCrossField: Check = (c, out) => {
  const bmi = checkBmi(c);
  if (bmi) out.push(bmi);
  c.record.observations.forEach((o, i) => {
    const bp = c.notes[i]?.bp;
    if (bp && bp.sbp <= bp.dbp) out.push(bpOrder(itemPath(c.record, o)));
  });
  const sbp = c.record.observations.find((o) => o.key === "bp_systolic" && o.value !== null);
  const dbp = c.record.observations.find((o) => o.key === "bp_diastolic" && o.value !== null);
  if (sbp?.value != null && dbp?.value != null && sbp.value <= dbp.value) out.push(bpOrder(itemPath(c.record, sbp)));
};
