/** One SpecialtyExam per specialty present in XML7 (and the XML10 fitness class); see specialties.ts. */
import type { Finding } from "../../checkup/finding.ts";
import type { SpecialtyExam } from "../../checkup/model.ts";
import { pickField, type Blocks } from "./fields.ts";
import { composeResult, SPECIALTIES } from "./specialties.ts";

export function readExams(blocks: Blocks, sink: Finding[]): SpecialtyExam[] {
  const out: SpecialtyExam[] = [];
  for (const s of SPECIALTIES) {
    const block = blocks.get(s.block);
    if (!block) continue;
    const main = pickField(block, s.result, sink);
    const picked = s.details.map(([tag, label]) => [tag, label, pickField(block, tag, sink)] as const);
    const details = picked.map(([tag, label, p]) => [tag, label, p?.value ?? null] as const);
    const healthClass = pickField(block, s.healthClass, sink);
    const doctor = pickField(block, s.doctor, sink);
    const result = composeResult(details, main?.value ?? null);
    if (result === null && healthClass === null && doctor === null) continue;
    out.push({
      specialty: s.key,
      result,
      healthClass: healthClass?.value ?? null,
      doctor: doctor?.value ?? null,
      // The path of the first field that carried something, so a check can point at it.
      path: (main ?? picked.find(([, , p]) => p !== null)?.[2] ?? healthClass ?? doctor)?.path ?? block.path,
    });
  }
  return out;
}
