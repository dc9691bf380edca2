/**
 * The book's administrative part (QĐ 31 art. 2 §3a): the population registry's data, completed
 * from the newest check-up for what the registry does not hold (nationality, occupation, blood
 * group); names of province, commune and ethnicity from the reference lists. Pure.
 */
import { adminUnits, ethnicities } from "../reference/data.ts";
import type { CheckupRow, PersonRow } from "./book-repo.ts";
import { sexView } from "./labels.ts";

interface Names {
  provinces: ReadonlyMap<string, string>;
  communes: ReadonlyMap<string, string>;
  ethnicities: ReadonlyMap<string, string>;
}

// Memo over immutable reference data: set once, never changed.
let memo: Names | undefined;
function names(): Names {
  if (!memo) {
    const units = adminUnits();
    memo = {
      provinces: new Map(units.provinces.map((p) => [p.code, p.fullName])),
      communes: new Map(units.communes.map((c) => [c.code, c.fullName])),
      ethnicities: new Map(ethnicities().map((e) => [e.code, e.name])),
    };
  }
  return memo;
}

const viDate = (iso: string | null): string | null => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : null);

/** The first non-empty value of a patient field, newest check-up first. */
function newest(rows: readonly CheckupRow[], field: "nationality" | "occupation" | "bloodGroup" | "phone" | "address" | "ethnicity"): string | null {
  for (const row of rows) {
    const v = row.record.patient[field];
    if (v) return v;
  }
  return null;
}

export function presentPerson(p: PersonRow, rows: readonly CheckupRow[]) {
  const n = names();
  const ethnicity = p.ethnicity ?? newest(rows, "ethnicity");
  const guardianInRecord = rows[0]?.record.guardians.find((g) => g.kind === "guardian" && g.fullName) ?? null;
  return {
    personal_id: p.personal_id,
    full_name: p.full_name,
    birth_date: p.birth_date,
    birth_date_vi: viDate(p.birth_date),
    sex: sexView(p.sex),
    ethnicity: ethnicity ? { code: ethnicity, name: n.ethnicities.get(ethnicity) ?? null } : null,
    nationality: newest(rows, "nationality"),
    occupation: newest(rows, "occupation"),
    phone: p.phone ?? newest(rows, "phone"),
    address: p.address ?? newest(rows, "address"),
    province: p.province_code ? { code: p.province_code, name: n.provinces.get(p.province_code) ?? null } : null,
    commune: p.commune_code ? { code: p.commune_code, name: n.communes.get(p.commune_code) ?? null } : null,
    blood_group: newest(rows, "bloodGroup"),
    legal_representative: p.guardian_personal_id
      ? { personal_id: p.guardian_personal_id, full_name: p.guardian_name, relationship: "guardian" }
      : guardianInRecord
        ? { personal_id: guardianInRecord.personalId, full_name: guardianInRecord.fullName, relationship: guardianInRecord.relationship ?? "guardian" }
        : null,
  };
}
