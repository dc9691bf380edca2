/**
 * How one facility writes its records. Real facilities each run their own software: the same
 * test arrives as "Glucose", "Định lượng Glucose" or "GLU", with local index codes of their own.
 * A style is fixed per facility code, so one facility is always consistent with itself.
 */
import { joinName, pickFamilyName, pickOwnNames, type NameTables } from "./names.ts";
import { createRng, deriveSeed } from "./rng.ts";
import type { DemoFacility, Sex } from "./types.ts";

export type Variant = 0 | 1 | 2;

export interface FacilityStyle {
  /** Which of three `TEN_CHI_SO` spellings the lab software prints. */
  names: Variant;
  /** Which of three unit spellings (and scales) it uses. */
  units: Variant;
  /** `002WBC` style, `XN0012` style, or a bare abbreviation as `MA_CHI_SO`. */
  codes: Variant;
  /** Dipstick grades as `Âm tính`, `neg` or `(-)`. */
  urine: Variant;
  /** `NGAY_SINH` as `YYYY-MM-DD` or `yyyymmddHHMM` (standards.md §5.7 row 7). */
  birthDateCompact: boolean;
  /** Commune stations and mobile teams often skip the lipid panel and uric acid. */
  lipids: boolean;
  /** Doctors who sign specialty exams and conclusions. */
  doctors: readonly string[];
}

export function facilityStyle(seed: number, facility: DemoFacility, names: NameTables): FacilityStyle {
  const rng = createRng(deriveSeed(seed, `style/${facility.code}`));
  const variant = (): Variant => rng.int(0, 2) as Variant;
  const small = facility.kind === "commune_station" || facility.kind === "mobile_team";
  const doctors = Array.from({ length: small ? 2 : 5 }, () => {
    const sex: Sex = rng.chance(0.5) ? "1" : "2";
    const { middleName, givenName } = pickOwnNames(rng, names, sex);
    return `BS. ${joinName(pickFamilyName(rng, names, facility.provinceCode), middleName, givenName)}`;
  });
  return {
    names: variant(),
    units: variant(),
    codes: variant(),
    urine: variant(),
    birthDateCompact: rng.chance(0.4),
    lipids: small ? rng.chance(0.3) : true,
    doctors,
  };
}
