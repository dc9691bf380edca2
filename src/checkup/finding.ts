/**
 * A finding is what a check or a parser says about one record: a stable code, a severity (an
 * `error` rejects the record, a `warning` keeps it), the field path and a message in Vietnamese and
 * English. Messages never carry personal data (names, IDs, values of identifying fields).
 */
import type { LocalText } from "../outcome.ts";

export type Severity = "error" | "warning";

export interface Finding {
  code: string;
  severity: Severity;
  /** Field path inside the submission, e.g. `HOSO[0]/XML10/CHIEU_CAO`. */
  path: string;
  message: LocalText;
}

export function finding(code: string, severity: Severity, path: string, vi: string, en: string): Finding {
  return { code, severity, path, message: { vi, en } };
}

export const hasErrors = (findings: readonly Finding[]): boolean =>
  findings.some((f) => f.severity === "error");
