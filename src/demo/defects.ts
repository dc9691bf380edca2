/**
 * Known data-quality defects injected into demo check-ups at configurable rates, each one named
 * in the record's label so tests can check that the matching rule fires. Defects are drawn from
 * their own random stream: changing a rate does not change the people or the measures drawn.
 */
import type { Rng } from "./rng.ts";
import type { Defect, DefectRates } from "./types.ts";
import type { Distortions } from "./form-measures.ts";

export const DEFAULT_DEFECT_RATES: DefectRates = {
  wrong_id: 0.02,
  missing_id: 0.02,
  name_typo: 0.01,
  unit_mixup_glucose: 0.0025,
  unit_mixup_height: 0.0025,
  out_of_range: 0.005,
  duplicate: 0.01,
  late_push: 0.03,
};

export interface RecordDefects {
  defects: Defect[];
  wrongId: boolean;
  missingId: boolean;
  nameTypo: boolean;
  /** Glucose sent in mg/dL under the facility's mmol/L label. */
  glucoseMgdl: boolean;
  distortions: Distortions;
  late: boolean;
}

/**
 * Draws the defects of one new record. `hasGlucose`/`hasBloodPressure` say which rows exist, so a
 * rate is the share among records where that defect is possible. Missing and wrong ID exclude each other.
 */
export function drawDefects(rng: Rng, rates: DefectRates, hasGlucose: boolean, hasBloodPressure: boolean): RecordDefects {
  const defects: Defect[] = [];
  const draw = (defect: Defect, possible = true): boolean => {
    // Always consume a draw, so one record's applicability does not shift the next record's defects.
    const hit = rng.chance(rates[defect]) && possible;
    if (hit) defects.push(defect);
    return hit;
  };
  const missingId = draw("missing_id");
  const wrongId = draw("wrong_id", !missingId);
  const nameTypo = draw("name_typo");
  const glucoseMgdl = draw("unit_mixup_glucose", hasGlucose);
  const heightInMetres = draw("unit_mixup_height");
  const outOfRangeHit = draw("out_of_range");
  const fields: Distortions["outOfRange"][] = heightInMetres ? ["pulse"] : ["height", "pulse"];
  if (hasBloodPressure) fields.push("sbp");
  const field = rng.pick(fields);
  const late = draw("late_push");
  return {
    defects,
    wrongId,
    missingId,
    nameTypo,
    glucoseMgdl,
    distortions: { heightInMetres, outOfRange: outOfRangeHit ? field : null },
    late,
  };
}

/** One digit replaced by another: the commonest keying error in an ID. */
export function alterDigit(rng: Rng, id: string): string {
  const at = rng.int(0, id.length - 1);
  const digit = String((Number(id[at]) + rng.int(1, 9)) % 10);
  return id.slice(0, at) + digit + id.slice(at + 1);
}

const stripMarks = (s: string): string =>
  s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC");

/** A typing slip in one syllable: lost diacritics, a dropped, doubled or swapped letter. */
export function misspell(rng: Rng, fullName: string): string {
  const syllables = fullName.split(" ");
  for (let attempt = 0; attempt < 8; attempt++) {
    const at = rng.int(0, syllables.length - 1);
    const s = syllables[at] as string;
    const chars = [...s];
    let typo: string;
    switch (rng.int(0, 3)) {
      case 0:
        typo = stripMarks(s);
        break;
      case 1: {
        if (chars.length < 3) continue;
        const i = rng.int(1, chars.length - 1);
        typo = chars.slice(0, i).join("") + chars.slice(i + 1).join("");
        break;
      }
      case 2: {
        if (chars.length < 2) continue;
        const i = rng.int(1, chars.length - 1);
        typo = chars.slice(0, i + 1).join("") + chars.slice(i).join("");
        break;
      }
      default: {
        if (chars.length < 3) continue;
        const i = rng.int(1, chars.length - 2);
        typo = [...chars.slice(0, i), chars[i + 1], chars[i], ...chars.slice(i + 2)].join("");
      }
    }
    if (typo !== s) return [...syllables.slice(0, at), typo, ...syllables.slice(at + 1)].join(" ");
  }
  return `${fullName}${fullName.at(-1) ?? ""}`;
}
