/**
 * Diagnoses of a visit: MA_BENH_CHINH (one ICD-10 code) and MA_BENH_KT (`;`-list, at most 12), QĐ
 * 3176 Bảng 1 fields 27–28. Codes are kept as sent (upper-cased) and checked later by the ICD
 * check; the text beside a code is taken from CHAN_DOAN_RV, else CHAN_DOAN_VAO, where facilities
 * write `- (ICD) text` lines.
 */
import type { Condition } from "../../checkup/model.ts";
import { splitList } from "../ksk/fields.ts";
import { parseIcdList } from "../ksk/icd.ts";
import type { RowReader } from "./fields.ts";
import { ENCOUNTER_TEXT, RECORD_TAGS } from "./xml1-tags.ts";

export function readDiagnoses(xml1: RowReader): Condition[] {
  const texts = new Map<string, string>();
  for (const tag of [ENCOUNTER_TEXT.dischargeDiagnosis, ENCOUNTER_TEXT.admissionDiagnosis]) {
    for (const item of parseIcdList(xml1.text(tag))) {
      if (item.text !== null && !texts.has(item.code)) texts.set(item.code, item.text);
    }
  }
  return [RECORD_TAGS.mainDiagnosis, RECORD_TAGS.otherDiagnoses].flatMap((tag) =>
    splitList(xml1.text(tag)).map((code): Condition => {
      const icd10 = code.toUpperCase();
      return { icd10, text: texts.get(icd10) ?? null, kind: "diagnosis", path: xml1.path(tag) };
    }),
  );
}
