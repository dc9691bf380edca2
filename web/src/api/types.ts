/**
 * The shapes the hub answers with, as docs/api-healthbook.md states them. Only what the app reads
 * is typed; the server may send more.
 */

export interface LocalText {
  vi: string;
  en: string;
}

export interface CodedText extends LocalText {
  code: string;
}

export type Role = "citizen" | "clinician" | "facility" | "steward" | "analyst" | "commune" | "system";

export interface TokenPair {
  token: string;
  refresh_token: string;
  duration: number;
  role: Role;
}

export interface SignInOptions {
  demo: boolean;
  oidc: boolean;
}

export interface DemoCitizen {
  personal_id: string;
  full_name: string;
  birth_date: string;
  sex: string;
  checkups: number;
  wards: number;
}

export interface BookRef {
  personal_id: string;
  full_name: string;
  birth_date: string;
  relation: "self" | "ward";
}

export interface Me {
  personal_id: string;
  full_name: string;
  birth_date: string;
  sex: string;
  books: BookRef[];
}

export interface Facility {
  code: string;
  name: string;
}

export interface HealthClass extends LocalText {
  code: string;
  roman: string;
}

/** FHIR v3 ObservationInterpretation as the hub uses it; null when not judged. */
export type Interpretation = "N" | "L" | "LL" | "H" | "HH" | "A" | "POS" | "NEG";

export interface Explanation extends LocalText {
  key: string;
  interpretation: Interpretation | null;
}

export interface KeyMeasure {
  key: string;
  value: number | null;
  unit: string | null;
  unit_display: string | null;
  interpretation: Interpretation | null;
}

export interface AtAGlance {
  checkup_id: string;
  exam_date: string;
  exam_date_vi: string;
  facility: Facility;
  health_class: HealthClass | null;
  abnormal: Explanation[];
  key_measures: KeyMeasure[];
}

export interface Condition {
  icd10: string | null;
  text: string | null;
  first_seen?: string;
  last_seen?: string;
}

export interface Person {
  personal_id: string;
  full_name: string;
  birth_date: string;
  birth_date_vi: string;
  sex: CodedText | null;
  ethnicity: { code: string; name: string } | null;
  address: string | null;
  province: Facility | null;
  commune: Facility | null;
  blood_group: string | null;
  phone: string | null;
  legal_representative: { personal_id: string | null; full_name: string; relationship: string } | null;
}

export type MeasureCategory = "vital-signs" | "laboratory" | "imaging" | "exam" | "other";

export interface ReferenceRange {
  low: number | null;
  high: number | null;
  unit: string | null;
  text: string | null;
}

export interface Measure {
  key: string | null;
  loinc: string | null;
  category: MeasureCategory;
  name: LocalText | null;
  name_as_sent: string;
  value: number | null;
  unit: string | null;
  unit_display: string | null;
  value_text: string | null;
  value_as_sent: string | null;
  unit_as_sent: string | null;
  reference_range: ReferenceRange | null;
  interpretation: Interpretation | null;
  abnormal: boolean;
}

export interface SpecialtyExam {
  specialty: string;
  result: string | null;
  health_class: string | null;
  doctor: string | null;
}

export interface Conclusion {
  health_class: HealthClass | null;
  diseases_text: string | null;
  problems: string | null;
  other_diseases: string | null;
  advice: string | null;
  next_appointment: string | null;
  referral: string | null;
  concluding_doctor: string | null;
  concluding_doctor_signed: boolean;
}

export interface CheckupEntry {
  checkup_id: string;
  version: number;
  corrected: boolean;
  exam_date: string;
  exam_time: string | null;
  exam_time_vi: string | null;
  facility: Facility;
  type: { form: string; visit_type: string | null } & LocalText;
  reason: string | null;
  measures: Measure[];
  exams: SpecialtyExam[];
  conclusion: Conclusion | null;
  diagnoses: Condition[];
  abnormal: Explanation[];
}

export type Scope = "summary" | "everything";

export interface HealthBook {
  scope: Scope;
  generated_at: string;
  person: Person;
  history: { conditions: (Condition & { kind?: string })[]; allergies: Condition[]; vaccinations: unknown[] };
  active_problems: Condition[];
  at_a_glance: AtAGlance | null;
  checkups: CheckupEntry[];
}

export const TREND_KEYS = ["bp", "bmi", "glucose_fasting", "cholesterol_total"] as const;
export type TrendKey = (typeof TREND_KEYS)[number];

export interface TrendPoint {
  date: string;
  value: number;
  interpretation: Interpretation | null;
  checkup_id: string;
}

export interface TrendSeries {
  key: string;
  name: LocalText;
  unit: string;
  /** Sent by the hub though the doc does not list it; `displayUnit(unit)` when missing. */
  unit_display?: string;
  band: { low: number | null; high: number | null; unit: string } | null;
  points: TrendPoint[];
}

export interface Trend {
  key: string;
  series: TrendSeries[];
}

export interface AccessEntry {
  id: number;
  at: string;
  actor: { kind: string; name: string | null };
  role: string;
  facility: Facility | null;
  action: CodedText;
  purpose: CodedText;
  reason: string | null;
  break_glass: boolean;
  outcome: "allowed" | "refused";
  request_id: string;
}

export interface AccessLog {
  entries: AccessEntry[];
  next_before: number | null;
}

export interface NewShare {
  share_id: string;
  code: string;
  code_display: string;
  qr_text: string;
  qr_svg: string;
  scope: Scope;
  created_at: string;
  expires_at: string;
}

export interface Share {
  share_id: string;
  scope: Scope;
  created_at: string;
  expires_at: string;
  redemptions: number;
}

export interface Grant {
  grant_id: string;
  kind: "share" | "break-glass";
  scope: Scope;
  expires_at: string;
  patient: { full_name: string; birth_date: string; sex: string };
}

export interface Verification {
  valid: boolean;
  status: "current" | "corrected" | "retracted";
  facility: Facility;
  exam_date: string;
  health_class: string | null;
  version: number;
  holder: { initials: string; birth_year: number };
  issued_at: string;
}
