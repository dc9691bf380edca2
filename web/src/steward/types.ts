/** The identity review API's answers (docs/api-identity.md §3–4), as far as the steward's pages read them. */

export const CASE_REASONS = ["no-id", "not-in-registry", "mismatch", "registry-unavailable", "unmerged"] as const;
export type CaseReason = (typeof CASE_REASONS)[number];
export type CaseStatus = "open" | "linked" | "new-person" | "withdrawn";

export interface CaseSummary {
  case_id: string;
  status: CaseStatus;
  reason: string;
  version: number;
  facility: { code: string; name: string; province_code: string | null } | null;
  person_province_code: string | null;
  exam_date: string | null;
  created_at: string;
  decided_at: string | null;
  match: { decision: string; score: number; reasons: string[]; candidates: number } | null;
}

export interface CaseList {
  cases: CaseSummary[];
  next_after: number | null;
}

export interface BreakdownItem {
  field: string;
  level: string;
  weight: number;
}

/** The fields compared side by side, in the order shown. */
export const COMPARED = ["full_name", "birth_date", "sex", "personal_id", "province_code", "commune_code"] as const;
export type ComparedField = (typeof COMPARED)[number];

export interface CaseRecord extends Record<ComparedField, string | null> {
  checkup_id: string;
  ma_lk: string;
  current_status: string;
  birth_precision: string | null;
  address: string | null;
  phone: string | null;
  insurance_number: string | null;
  guardian_personal_id: string | null;
}

export interface Candidate {
  personal_id: string;
  score: number | null;
  source: "matcher" | "sent-id";
  rejected: boolean;
  excluded_by: string | null;
  breakdown: BreakdownItem[];
  fields: Record<ComparedField, { value: string | null; differs: boolean }> | null;
}

export interface Decision {
  decision_id: string;
  action: string;
  personal_id: string | null;
  to_person_id: string | null;
  checkup_count: number | null;
  reason: string | null;
  decided_at: string;
  decided_by: string | null;
  decided_by_name: string | null;
  undoes: string | null;
  undone_by: string | null;
}

export interface CaseDetail extends CaseSummary {
  record: CaseRecord;
  match_detail: { decision: string; score: number; reasons: string[]; breakdown: BreakdownItem[] } | null;
  candidates: Candidate[];
  resolved_person_id: string | null;
  decisions: Decision[];
}
