/**
 * The review screen's side-by-side view: the record's demographics in one column, each candidate's
 * registry data in the next, every field marked `differs` when both sides have a value and they
 * disagree (names with their tones, the birth date at the precision the record has). Pure.
 */
import type { CheckupRecord, Moment } from "../../checkup/model.ts";
import type { RegistryPerson } from "../registry.ts";
import { normalizeName, type MatchResult } from "../match/index.ts";

export const COMPARED_FIELDS = ["full_name", "birth_date", "sex", "personal_id", "province_code", "commune_code"] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface RecordSide {
  full_name: string | null;
  birth_date: string | null;
  /** `day`, `month` or `year`: how much of the birth date the record knows. */
  birth_precision: string | null;
  sex: string | null;
  personal_id: string | null;
  province_code: string | null;
  commune_code: string | null;
  address: string | null;
  phone: string | null;
  insurance_number: string | null;
  guardian_personal_id: string | null;
}

export interface FieldView {
  value: string | null;
  differs: boolean;
}

export interface CandidateView {
  personal_id: string;
  score: number | null;
  /** `matcher`: proposed by the matcher; `sent-id`: the registry holder of the ID the record carries. */
  source: "matcher" | "sent-id";
  rejected: boolean;
  excluded_by: string | null;
  breakdown: { field: string; level: string; weight: number }[];
  /** Null when the registry no longer has this person. */
  fields: Record<ComparedField, FieldView> | null;
}

const text = (v: string | null | undefined): string | null => (v === null || v === undefined || v.trim() === "" ? null : v.trim());

function birthText(m: Moment | null): { value: string | null; precision: string | null } {
  if (!m) return { value: null, precision: null };
  const precision = m.precision === "minute" ? "day" : m.precision;
  const length = precision === "year" ? 4 : precision === "month" ? 7 : 10;
  return { value: m.iso.slice(0, length), precision };
}

export function recordSide(record: CheckupRecord): RecordSide {
  const p = record.patient;
  const birth = birthText(p.birthDate);
  const xml1 = record.blocks["XML1"];
  const card = typeof xml1 === "object" && xml1 !== null ? (xml1 as Record<string, unknown>)["MA_THE_BHYT"] : null;
  return {
    full_name: text(p.fullName),
    birth_date: birth.value,
    birth_precision: birth.precision,
    sex: text(p.sex),
    personal_id: text(p.personalId),
    province_code: text(p.provinceCode),
    commune_code: text(p.communeCode),
    address: text(p.address),
    phone: text(p.phone),
    insurance_number: typeof card === "string" ? text(card) : null,
    guardian_personal_id: text(record.guardians.find((g) => g.personalId)?.personalId),
  };
}

const SAME: Record<ComparedField, (a: string, b: string) => boolean> = {
  full_name: (a, b) => normalizeName(a) === normalizeName(b),
  // The record's value is already cut to its precision: compare that much of the registry's date.
  birth_date: (a, b) => b.startsWith(a),
  sex: (a, b) => a === b || !["1", "2"].includes(a),
  personal_id: (a, b) => a.replace(/[\s.-]/g, "") === b,
  province_code: (a, b) => a === b,
  commune_code: (a, b) => a === b,
};

export function compareWith(record: RecordSide, person: RegistryPerson): Record<ComparedField, FieldView> {
  const held: Record<ComparedField, string | null> = {
    full_name: text(person.fullName),
    birth_date: text(person.birthDate),
    sex: text(person.sex),
    personal_id: person.personalId,
    province_code: text(person.provinceCode),
    commune_code: text(person.communeCode),
  };
  const out = {} as Record<ComparedField, FieldView>;
  for (const f of COMPARED_FIELDS) {
    const mine = record[f];
    const theirs = held[f];
    out[f] = { value: theirs, differs: mine !== null && theirs !== null && !SAME[f](mine, theirs) };
  }
  return out;
}

/**
 * The candidates to show: the matcher's, best first, then the holder of the ID the record carries
 * when the matcher did not list them (a `mismatch` case is about exactly that person).
 */
export function candidateViews(
  record: RecordSide,
  match: MatchResult | null,
  registry: ReadonlyMap<string, RegistryPerson>,
  rejected: readonly string[],
): CandidateView[] {
  const views: CandidateView[] = (match?.candidates ?? []).map((c) => ({
    personal_id: c.personalId,
    score: c.score,
    source: "matcher",
    rejected: rejected.includes(c.personalId),
    excluded_by: c.excludedBy ?? null,
    breakdown: c.breakdown.map(({ field, level, weight }) => ({ field, level, weight })),
    fields: null,
  }));
  const sent = record.personal_id?.replace(/[\s.-]/g, "") ?? "";
  if (/^\d{12}$/.test(sent) && !views.some((v) => v.personal_id === sent) && registry.has(sent)) {
    views.push({ personal_id: sent, score: null, source: "sent-id", rejected: rejected.includes(sent), excluded_by: null, breakdown: [], fields: null });
  }
  return views.map((v) => {
    const person = registry.get(v.personal_id);
    return { ...v, fields: person ? compareWith(record, person) : null };
  });
}

/** Personal IDs whose registry data the view needs. */
export function candidateIds(record: RecordSide, match: MatchResult | null): string[] {
  const ids = new Set((match?.candidates ?? []).map((c) => c.personalId));
  const sent = record.personal_id?.replace(/[\s.-]/g, "") ?? "";
  if (/^\d{12}$/.test(sent)) ids.add(sent);
  return [...ids];
}
