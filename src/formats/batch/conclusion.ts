/**
 * The conclusion (QĐ 2062 XML12, standards.md §5.2 item 6): health class, diseases as an ICD-10
 * `;`-list (each coded item becomes a diagnosis, as for KSK), problems, advice, the doctor.
 */
import { emptyConclusion, type Conclusion, type Condition } from "../../checkup/model.ts";
import { parseIcdList } from "../ksk/icd.ts";
import { healthClassCode } from "./codes.ts";
import { rowPath } from "./findings.ts";
import type { RowCells } from "./row-cells.ts";

export function readConclusion(cells: RowCells): { conclusion: Conclusion; diagnoses: Condition[] } {
  const healthClass = cells.text("PHAN_LOAI_SK");
  const diseases = cells.text("KET_LUAN_BENH");
  const path = rowPath(cells.row, "KET_LUAN_BENH");
  return {
    conclusion: {
      ...emptyConclusion(),
      healthClass: healthClass === null ? null : healthClassCode(healthClass),
      diseasesText: diseases,
      problems: cells.text("VAN_DE_SUC_KHOE"),
      advice: cells.text("TU_VAN"),
      concludingDoctor: cells.text("BAC_SI_KET_LUAN"),
    },
    diagnoses: parseIcdList(diseases).map((item): Condition => ({ icd10: item.code, text: item.text, kind: "diagnosis", path })),
  };
}
