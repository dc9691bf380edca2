/**
 * History (tiền sử): the XML9 TIEN_SU_BENH_TAT checklist as sent, plus the history fields the
 * under-6 template carries in XML1 (`TSBT_*`, `TSGD_*`, `TS_TIEP_XUC_LAO`, standards.md §5.8).
 * One implementation also puts the adult checklist in XML1, so those prefixes are read from XML1 for
 * every age group; XML9 wins when both carry a field. The ICD lists become conditions.
 */
import type { Condition } from "../../checkup/model.ts";
import { leafFields, type Blocks } from "./fields.ts";
import { parseIcdList } from "./icd.ts";

/** Prefixes of XML1 fields that belong to the history, not to the administrative data. */
export const XML1_HISTORY_PREFIXES = ["TSBT_", "TSGD_", "TS_"] as const;

export const isXml1HistoryTag = (tag: string): boolean => XML1_HISTORY_PREFIXES.some((p) => tag.startsWith(p));

/** ICD-list fields of the history (QĐ 2062 XML9: "mã ICD-10, nhiều mã phân cách bằng dấu ;"). */
const ICD_FIELDS: Readonly<Record<string, Condition["kind"]>> = {
  TSGD_MA_BENH: "family-history",
  TSBT_MA_BENH: "personal-history",
  TSBT_MA_BENH_KHAC: "personal-history",
  TSBT_MA_BENH_THAI_SAN: "personal-history",
  TSBT_MA_BENH_NGHE_NGHIEP: "personal-history",
  MA_BENH_SAN_KHOA_KHONG_BT: "personal-history",
};

export interface History {
  fields: Record<string, string>;
  conditions: Condition[];
}

export function readHistory(blocks: Blocks): History {
  const xml1 = blocks.get("XML1");
  const xml9 = blocks.get("XML9");
  const fromXml1 = xml1 ? leafFields(xml1.fields, isXml1HistoryTag) : {};
  const fromXml9 = xml9 ? leafFields(xml9.fields) : {};
  const fields = { ...fromXml1, ...fromXml9 };
  const conditions: Condition[] = [];
  for (const [tag, kind] of Object.entries(ICD_FIELDS)) {
    const value = fields[tag];
    if (value === undefined || value === "") continue;
    const block = tag in fromXml9 ? xml9 : xml1;
    const path = `${block?.path ?? ""}/${tag}`;
    for (const item of parseIcdList(value)) conditions.push({ icd10: item.code, text: item.text, kind, path });
  }
  return { fields, conditions };
}
