/**
 * The book's history (QĐ 31 art. 2 §3b, standards.md §5.10): diseases from the history sections
 * of every current check-up, allergies where an ICD-10 code says so, and the active problems.
 * Pure; rows come newest first.
 */
import type { Condition } from "../checkup/model.ts";
import type { CheckupRow } from "./book-repo.ts";

export interface HistoryItem {
  icd10: string;
  text: string | null;
  kind: Condition["kind"];
  first_seen: string | null;
  last_seen: string | null;
}

export interface ProblemItem {
  icd10: string;
  text: string | null;
  source: "diagnosis" | "personal-history";
  first_seen: string | null;
  last_seen: string | null;
}

/**
 * ICD-10 codes that name an allergy: Z88 (allergy status to drugs), Z91.0 (other allergy status),
 * T78.0–T78.4 (anaphylaxis, angioedema, allergy unspecified), T88.6–T88.7 (drug anaphylaxis,
 * adverse effect), L23 (allergic contact dermatitis), J30.1–J30.4 (allergic rhinitis), J45.0
 * (predominantly allergic asthma).
 */
const ALLERGY = /^(Z88|Z91\.0|T78\.[0-4]|T88\.[67]|L23|J30\.[1-4]|J45\.0)/;
export const isAllergy = (icd10: string): boolean => ALLERGY.test(icd10.toUpperCase());

interface Seen<T> {
  item: T;
  first: string | null;
  last: string | null;
}

/** One entry per key, text from the newest mention, first and last exam dates seen. */
function collect<T>(rows: readonly CheckupRow[], pick: (c: Condition, row: CheckupRow) => { key: string; item: T } | null): Seen<T>[] {
  const seen = new Map<string, Seen<T>>();
  for (const row of rows) {
    for (const c of row.record.conditions) {
      const found = pick(c, row);
      if (!found) continue;
      const s = seen.get(found.key);
      if (!s) seen.set(found.key, { item: found.item, first: row.exam_date, last: row.exam_date });
      else if (row.exam_date !== null && (s.first === null || row.exam_date < s.first)) s.first = row.exam_date;
    }
  }
  return [...seen.values()];
}

export function historyOf(rows: readonly CheckupRow[]) {
  const conditions = collect(rows, (c) =>
    c.kind === "diagnosis" ? null : { key: `${c.kind}|${c.icd10}`, item: { icd10: c.icd10, text: c.text, kind: c.kind } },
  ).map(({ item, first, last }): HistoryItem => ({ ...item, first_seen: first, last_seen: last }));
  const allergies = collect(rows, (c) =>
    c.kind !== "family-history" && isAllergy(c.icd10) ? { key: c.icd10, item: { icd10: c.icd10, text: c.text } } : null,
  ).map(({ item, first, last }) => ({ ...item, first_seen: first, last_seen: last }));
  return { conditions, allergies, vaccinations: [] as never[] };
}

/**
 * The latest check-up's diagnoses, then personal-history conditions of any current check-up, one
 * per ICD-10 code; `first_seen` is the earliest check-up mentioning the code at all.
 */
export function activeProblems(rows: readonly CheckupRow[]): ProblemItem[] {
  const latest = rows[0];
  const out = new Map<string, ProblemItem>();
  for (const row of rows) {
    for (const c of row.record.conditions) {
      if (!((c.kind === "diagnosis" && row === latest) || c.kind === "personal-history") || out.has(c.icd10)) continue;
      out.set(c.icd10, { icd10: c.icd10, text: c.text, source: c.kind === "diagnosis" ? "diagnosis" : "personal-history", first_seen: row.exam_date, last_seen: row.exam_date });
    }
  }
  for (const row of rows) {
    if (row.exam_date === null) continue;
    for (const c of row.record.conditions) {
      const p = out.get(c.icd10);
      if (p && (p.first_seen === null || row.exam_date < p.first_seen)) p.first_seen = row.exam_date;
    }
  }
  return [...out.values()];
}
