/**
 * ICD-10 code shape (standards.md §7.3; QĐ 4469/QĐ-BYT, Circular 06/2026/TT-BYT): a letter, two
 * digits, then optionally a dot and 1–4 more characters (`E11.9`); the dotless form (`E119`) that
 * some software sends is accepted too. A malformed diagnosis code is an error (the conclusion
 * must be codable); a malformed history code is a warning (the history checklist is secondary).
 * Whether the code exists in the catalogue is not checked here: the catalogue is not shipped.
 */
import { finding } from "../finding.ts";
import { itemPath, type Check } from "./context.ts";

export const ICD10 = /^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4}|[0-9A-Z]{1,4})?$/;

export const checkIcd: Check = ({ record }, out) => {
  for (const c of record.conditions) {
    if (ICD10.test(c.icd10.trim().toUpperCase())) continue;
    const severity = c.kind === "diagnosis" ? "error" : "warning";
    out.push(
      finding("KSK-ICD-FORMAT", severity, itemPath(record, c),
        "Mã bệnh không đúng dạng ICD-10 (ví dụ E11 hoặc E11.9).",
        "The disease code is not an ICD-10 code (e.g. E11 or E11.9)."),
    );
  }
};
