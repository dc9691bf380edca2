/**
 * The conclusion: XML12 (KET_LUAN or KET_LUAN_VA_TU_VAN, standards.md §5.7 row 6) for 6 years and
 * over, XML8 KET_LUAN_VA_TU_VAN for children; XML12 wins a field both carry. KET_LUAN_BENH is an
 * ICD-10 `;`-list (QĐ 2062): each coded item becomes a diagnosis condition.
 */
import type { Finding } from "../../checkup/finding.ts";
import type { Conclusion, Condition } from "../../checkup/model.ts";
import { pickFrom, type Blocks } from "./fields.ts";
import { parseIcdList } from "./icd.ts";

type ConclusionText = Exclude<keyof Conclusion, "advice" | "concludingDoctor">;

/** Tags per field, QĐ 2062 spelling first; `advice` and `concludingDoctor` have no confirmed tag. */
export const CONCLUSION_TAGS: Readonly<Record<ConclusionText, readonly string[]>> = {
  healthClass: ["PHAN_LOAI_SK"],
  diseasesText: ["KET_LUAN_BENH"],
  problems: ["CAC_VAN_DE_SUC_KHOE", "GHI_RO_VAN_DE_SUC_KHOE"],
  otherDiseases: ["CAC_BENH_TAT_NEU_CO"],
  normal: ["BINH_THUONG"],
  tbRisk: ["NGUY_CO_MAC_LAO"],
  nextAppointment: ["HEN_KHAM_LAN_SAU"],
  referral: ["CHUYEN_CSKCB"],
};

const SOURCES = ["XML12", "XML8"] as const;

export interface ConclusionRead {
  conclusion: Conclusion;
  diagnoses: Condition[];
}

export function readConclusion(blocks: Blocks, sink: Finding[]): ConclusionRead {
  const text = (tags: readonly string[]) => pickFrom(blocks, SOURCES, tags, sink)?.value ?? null;
  const diseases = pickFrom(blocks, SOURCES, CONCLUSION_TAGS.diseasesText, sink);
  const conclusion: Conclusion = {
    healthClass: text(CONCLUSION_TAGS.healthClass),
    diseasesText: diseases?.value ?? null,
    problems: text(CONCLUSION_TAGS.problems),
    otherDiseases: text(CONCLUSION_TAGS.otherDiseases),
    normal: text(CONCLUSION_TAGS.normal),
    tbRisk: text(CONCLUSION_TAGS.tbRisk),
    nextAppointment: text(CONCLUSION_TAGS.nextAppointment),
    referral: text(CONCLUSION_TAGS.referral),
    advice: null,
    concludingDoctor: null,
  };
  const diagnoses = parseIcdList(diseases?.value ?? null).map(
    (item): Condition => ({ icd10: item.code, text: item.text, kind: "diagnosis", path: diseases?.path ?? "" }),
  );
  return { conclusion, diagnoses };
}
