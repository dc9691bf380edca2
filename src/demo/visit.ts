/**
 * Who pays and why a demo person is examined: `DOI_TUONG`, `NGUON_CHI_TRA`, `MA_LOAI_KCB`,
 * `LY_DO_VV`, occupation and workplace (standards.md §4.3, §5.9). The code meanings are partly
 * inferred in the standards (13 = workers, 14 = other; funding 1–5 and 9 = other), so the demo
 * keeps to the codes whose meaning is stated.
 */
import type { AgeGroup } from "../checkup/model.ts";
import type { Commune } from "../reference/data.ts";
import type { Rng } from "./rng.ts";
import type { DemoFacility } from "./types.ts";

export interface VisitContext {
  targetGroups: string[];
  fundingSource: string;
  /** `MA_LOAI_KCB` (QĐ 1804/2026): 15 periodic check-up, 16 screening. */
  visitType: string;
  reason: string;
  /** `MA_NGHE_NGHIEP`, level-2 code of QĐ 34/2020; `00` = none. */
  occupation: string;
  workplace: string | null;
}

// Level-2 groups of the Vietnamese occupation classification (same layout as ISCO-08).
const OCCUPATIONS = ["21", "22", "23", "24", "26", "33", "41", "51", "52", "61", "71", "72", "75", "81", "83", "91", "92", "93"] as const;
const EMPLOYERS = ["Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV"] as const;
const BRANDS = ["Minh Phát", "Thành Đạt", "Hưng Long", "An Phú", "Việt Tiến", "Đại Dương", "Sao Mai", "Phương Nam", "Hoàng Gia", "Tân Tiến"] as const;

function school(age: number, commune: Commune | undefined): string | null {
  const where = commune?.name ?? "";
  if (age < 3) return null;
  if (age < 6) return `Trường Mầm non ${where}`.trim();
  if (age < 11) return `Trường Tiểu học ${where}`.trim();
  if (age < 15) return `Trường THCS ${where}`.trim();
  return `Trường THPT ${where}`.trim();
}

export function visitContext(rng: Rng, group: AgeGroup, age: number, facility: DemoFacility, commune: Commune | undefined): VisitContext {
  const visitType = facility.kind === "mobile_team" ? "16" : "15";
  if (group !== "adult") {
    return {
      targetGroups: ["14"],
      fundingSource: rng.chance(0.6) ? "2" : "1",
      visitType,
      reason: group === "child_under_6" ? "Khám sức khỏe trẻ em dưới 6 tuổi" : "Khám sức khỏe học sinh",
      occupation: "00",
      workplace: school(age, commune),
    };
  }
  if (age >= 60) {
    return {
      targetGroups: rng.chance(0.1) ? ["1", "3"] : ["1"],
      fundingSource: rng.chance(0.7) ? "2" : "1",
      visitType,
      reason: "Khám sức khỏe định kỳ người cao tuổi",
      occupation: "00",
      workplace: null,
    };
  }
  if (rng.chance(0.6)) {
    return {
      targetGroups: ["13"],
      fundingSource: "4",
      visitType,
      reason: "Khám sức khỏe định kỳ",
      occupation: rng.pick(OCCUPATIONS),
      workplace: `${rng.pick(EMPLOYERS)} ${rng.pick(BRANDS)}`,
    };
  }
  return {
    targetGroups: ["14"],
    fundingSource: rng.chance(0.5) ? "9" : "5",
    visitType,
    reason: "Khám sức khỏe định kỳ",
    occupation: rng.chance(0.5) ? rng.pick(OCCUPATIONS) : "00",
    workplace: null,
  };
}
