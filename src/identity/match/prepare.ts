/**
 * An incoming record's identity fields read once, in the forms the blocking keys and the scorer
 * compare: normalised and folded name parts, birth-date parts, normalised phone and address, and
 * the identifier evidence (personal ID as sent, crosswalked old numbers, BHXH number).
 */
import { birthParts, normalizeAddress, normalizePhone, type BirthParts } from "./fields.ts";
import { optionalHash } from "./hash.ts";
import { foldForBlocking, hasDiacritics, normalizeName, splitFullName, type NameParts } from "./names.ts";
import { readIdEvidence, type IdEvidence } from "./old-id.ts";
import { socialInsuranceNumber } from "./insurance.ts";
import type { Crosswalks, MatchInput, MatchSex } from "./types.ts";

export interface PreparedInput {
  name: NameParts | null;
  folded: NameParts | null;
  /** False when the name was typed without any diacritic: its tones are unknown, not different. */
  toned: boolean;
  birth: BirthParts | null;
  sex: MatchSex | null;
  communeCode: string | null;
  provinceCode: string | null;
  phone: string | null;
  phoneHash: number;
  addressHash: number;
  id: IdEvidence;
  /** The personal ID the BHXH number maps to, when the crosswalk knows it. */
  insuranceId: string | null;
  /** True when the record carries a BHXH number at all (known to the crosswalk or not). */
  hasInsurance: boolean;
  guardianId: string | null;
}

const foldParts = (p: NameParts): NameParts => ({
  family: foldForBlocking(p.family),
  middle: foldForBlocking(p.middle),
  given: foldForBlocking(p.given),
});

const code = (c: string | null): string | null => (c?.trim() ? c.trim() : null);

export function prepareInput(input: MatchInput, crosswalks: Crosswalks = {}): PreparedInput {
  const normalized = input.fullName ? normalizeName(input.fullName) : "";
  const name = normalized === "" ? null : splitFullName(normalized);
  const bhxh = socialInsuranceNumber(input.insuranceNumber);
  const guardian = (input.guardianPersonalId ?? "").replace(/\s/g, "");
  const phone = normalizePhone(input.phone);
  return {
    name,
    folded: name ? foldParts(name) : null,
    toned: input.fullName ? hasDiacritics(input.fullName) : false,
    birth: input.birthDate ? birthParts(input.birthDate.iso, input.birthDate.precision) : null,
    sex: input.sex,
    communeCode: code(input.communeCode),
    provinceCode: code(input.provinceCode),
    phone,
    phoneHash: optionalHash(phone),
    addressHash: optionalHash(normalizeAddress(input.address)),
    id: readIdEvidence(input.personalIdRaw, crosswalks.formerIds),
    insuranceId: bhxh ? (crosswalks.insurance?.get(bhxh) ?? null) : null,
    hasInsurance: bhxh !== null,
    guardianId: /^\d{12}$/.test(guardian) ? guardian : null,
  };
}
