/**
 * One observation's value read against its catalogue entry: a number converted into the canonical
 * unit, a blood-pressure pair, a visual-acuity fraction, a qualitative grade or narrative text. The
 * note says what was found on the way (decimal comma, unknown unit…) for the checks to report.
 */
import type { Observation, ObservationCategory } from "./model.ts";
import type { CatalogueIndex, IndexedEntry } from "./catalogue-index.ts";
import type { Match } from "./match.ts";
import { foldedKey, unitKey } from "./text.ts";
import { findUnit, tidy, type UnitOption } from "./units.ts";
import { parseFraction, parseNumber, parseQualitative, type ParsedNumber } from "./values.ts";

export type UnitStatus = "none" | "canonical" | "converted" | "unknown" | "unconvertible";

export interface ObservationNote {
  entry: IndexedEntry | null;
  /** The number as typed, before conversion. */
  rawNumber: number | null;
  decimalComma: boolean;
  unitStatus: UnitStatus;
  unitUsed: UnitOption | null;
  /** A quantity whose value is neither a number nor a result code the entry knows. */
  notNumeric: boolean;
  /** `bp_panel` read as `SBP/DBP` in mm[Hg]. */
  bp: { sbp: number; dbp: number } | null;
}

const CATEGORIES: readonly ObservationCategory[] = ["vital-signs", "laboratory", "imaging", "exam", "other"];
const categoryOf = (c: string): ObservationCategory => CATEGORIES.find((k) => k === c) ?? "other";

/**
 * "Nồng độ cồn" matches alcohol_blood by alias, "but the unit decides": a breath unit, or no unit
 * and a value ≤ 3, is breath alcohol (catalogue note on alcohol_blood / alcohol_breath).
 */
function decideEntry(index: CatalogueIndex, ie: IndexedEntry, num: ParsedNumber | null, typed: string): IndexedEntry {
  if (ie.entry.key !== "alcohol_blood" || !num) return ie;
  const breath = index.byKey.get("alcohol_breath");
  if (!breath) return ie;
  if (unitKey(typed) === "") return num.value <= 3 ? breath : ie;
  return !findUnit(ie.units, typed) && findUnit(breath.units, typed) ? breath : ie;
}

/**
 * Urea in mg/dL may be urea or BUN: BUN when the name is `bun`, the unit says so, or the value is
 * 5–25 (catalogue note on `urea`).
 */
function decideUnit(ie: IndexedEntry, typed: string, n: number, alias: string): UnitOption | undefined {
  const found = findUnit(ie.units, typed);
  if (ie.entry.key !== "urea" || !unitKey(typed).startsWith("mg/dl")) return found;
  const bun = alias === "bun" || /bun/.test(unitKey(typed)) || (n >= 5 && n <= 25);
  return bun ? ie.units.options.find((o) => /BUN/.test(o.label)) : ie.units.options.find((o) => /urea/.test(o.label));
}

/** A note with nothing to say; `entry` is added by the caller. */
export const EMPTY_NOTE: Omit<ObservationNote, "entry"> = Object.freeze({
  rawNumber: null,
  decimalComma: false,
  unitStatus: "none",
  unitUsed: null,
  notNumeric: false,
  bp: null,
});

export function normalizeValue(index: CatalogueIndex, o: Observation, match: Match): { observation: Observation; note: ObservationNote } {
  const raw = o.valueRaw?.trim() ?? "";
  const num = raw === "" ? null : parseNumber(raw);
  const typed = o.unitRaw?.trim() || num?.unit || "";
  const ie = decideEntry(index, match.ie, num, typed);
  const { entry, units } = ie;
  const component = ie === match.ie ? match.component : undefined;
  const key = component?.key ?? entry.key;
  const loinc = component ? component.loinc : entry.loinc;
  const category = categoryOf(entry.category);
  // Each built in one go (this runs for every observation of every push): the observation's keys
  // in the same order as always, since the stored record is hashed as serialised.
  const done = (patch: Partial<Observation>, notePatch: Partial<ObservationNote> = {}) => ({
    observation: { ...o, key, loinc, category, value: null, unit: null, valueText: null, ...patch } satisfies Observation,
    note: { entry: ie, ...EMPTY_NOTE, ...notePatch } satisfies ObservationNote,
  });
  if (raw === "") return done({});
  if (entry.valueType === "string") return done({ valueText: raw });

  if (entry.key === "bp_panel") {
    // parseNote: "split on '/' into components 8480-6 and 8462-4 and validate each".
    const f = parseFraction(raw);
    if (!f) return done({ valueText: raw }, { notNumeric: true });
    return done({ valueText: `${f.top}/${f.bottom}`, unit: units.canonical }, { bp: { sbp: f.top, dbp: f.bottom } });
  }
  if (units.options.some((u) => u.label === "x/10")) {
    // Visual acuity: 8/10, 6/6, 20/40 are the decimal a/b (catalogue "Unit conversion table").
    const f = parseFraction(raw);
    if (f && f.bottom > 0) {
      return done({ value: tidy(f.top / f.bottom), unit: units.canonical, valueText: raw }, { unitStatus: "canonical" });
    }
  }
  if (!num) {
    const code = ie.textCodes.has(foldedKey(raw));
    const q = parseQualitative(raw);
    const qualitativeEntry = entry.valueType === "ordinal" || entry.valueType === "CodeableConcept";
    return done({ valueText: q ?? raw }, { notNumeric: !code && !(q !== null && qualitativeEntry) });
  }
  const numNote = { rawNumber: num.value, decimalComma: num.decimalComma };
  const option = decideUnit(ie, typed, num.value, match.alias);
  if (!option) return done({ valueText: raw }, { ...numNote, unitStatus: "unknown" });
  if (!option.convert) return done({ valueText: raw }, { ...numNote, unitStatus: "unconvertible", unitUsed: option });
  const status: UnitStatus = option.ucum === units.canonical && option.convert(1) === 1 ? "canonical" : "converted";
  return done({ value: tidy(option.convert(num.value)), unit: units.canonical }, { ...numNote, unitStatus: status, unitUsed: option });
}
