/**
 * `MatchInput` from a canonical check-up record: the patient block (XML1 HO_TEN, NGAY_SINH,
 * GIOI_TINH, SO_CCCD, MAXA/MATINH_CU_TRU, DIA_CHI, DIEN_THOAI), the first guardian's or
 * accompanying adult's ID, and `MA_THE_BHYT` where the block carries one (VSS XML1, standards.md
 * §4.3 row 17).
 */
import type { CheckupRecord, Moment } from "../../checkup/model.ts";
import type { BirthPrecision, MatchBirthDate, MatchInput, MatchSex } from "./types.ts";

const PRECISION: Record<Moment["precision"], BirthPrecision> = { minute: "day", day: "day", month: "month", year: "year" };

export function birthDateFromMoment(m: Moment | null): MatchBirthDate | null {
  return m ? { raw: m.raw, iso: m.iso.slice(0, 10), precision: PRECISION[m.precision] } : null;
}

/** `GIOI_TINH` 1/2; 3 (undetermined) and anything else are not compared. */
export const matchSex = (sex: string | null): MatchSex | null => (sex?.trim() === "1" ? "1" : sex?.trim() === "2" ? "2" : null);

function insuranceOf(record: CheckupRecord): string | null {
  const xml1 = record.blocks["XML1"];
  if (typeof xml1 !== "object" || xml1 === null) return null;
  const card = (xml1 as Record<string, unknown>)["MA_THE_BHYT"];
  return typeof card === "string" && card.trim() !== "" ? card : null;
}

export function matchInputFromRecord(record: CheckupRecord): MatchInput {
  const p = record.patient;
  return {
    fullName: p.fullName,
    birthDate: birthDateFromMoment(p.birthDate),
    sex: matchSex(p.sex),
    personalIdRaw: p.personalId,
    communeCode: p.communeCode,
    provinceCode: p.provinceCode,
    address: p.address,
    phone: p.phone,
    insuranceNumber: insuranceOf(record),
    guardianPersonalId: record.guardians.find((g) => g.personalId)?.personalId ?? null,
  };
}
