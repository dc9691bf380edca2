/**
 * What the health book takes from the check-up catalogue (reference/checkup-catalogue.json):
 * names in both languages, the normal range for a person's sex and age, the meaning of each
 * abnormal rule, and units as people write them. Built once from immutable reference data.
 */
import { catalogue, type AbnormalRule, type CatalogueEntry } from "../reference/data.ts";
import type { LocalText } from "../outcome.ts";

export interface RangeView {
  low: number | null;
  high: number | null;
  unit: string | null;
  /** `90–139 mmHg`, `≤ 5.17 mmol/L`, `Âm tính / Negative`. */
  text: string;
}

export interface EntryView {
  key: string;
  name: LocalText;
  ucum: string | null;
  /** Range applying to everyone, or by sex; `adultsOnly` when the catalogue says it is for adults. */
  range: { low: number | null; high: number | null; unit: string | null } | null;
  bySex: { male: RangeNumbers; female: RangeNumbers } | null;
  normalText: LocalText | null;
  adultsOnly: boolean;
}

interface RangeNumbers {
  low: number | null;
  high: number | null;
}

export interface CatalogueView {
  byKey: ReadonlyMap<string, EntryView>;
  /** `key|ruleId` → rule (the BP panel's rules are its components'). */
  rules: ReadonlyMap<string, AbnormalRule>;
}

/** UCUM → how a Vietnamese form prints it. */
const UNIT_DISPLAY: Readonly<Record<string, string>> = {
  "mm[Hg]": "mmHg",
  "10*9/L": "G/L",
  "10*12/L": "T/L",
  "/min": "/phút",
  "kg/m2": "kg/m²",
  Cel: "°C",
  umol: "µmol",
  "umol/L": "µmol/L",
  "mL/min/{1.73_m2}": "mL/phút/1,73 m²",
  "[pH]": "",
  "1": "",
};

export const unitDisplay = (ucum: string | null): string | null => (ucum === null ? null : (UNIT_DISPLAY[ucum] ?? ucum));

const NORMAL_TEXT: Readonly<Record<string, LocalText>> = {
  Negative: { vi: "Âm tính", en: "Negative" },
  "Negative (not pregnant)": { vi: "Âm tính (không có thai)", en: "Negative (not pregnant)" },
};

const num = (v: unknown): number | null => (typeof v === "number" ? v : null);

function viewOf(e: CatalogueEntry): EntryView {
  const r = e.referenceRange;
  const bySex = r?.["bySex"] as { male?: Record<string, unknown>; female?: Record<string, unknown> } | undefined;
  const normal = typeof r?.["normal"] === "string" ? r["normal"] : null;
  const hasNumbers = r !== null && (num(r["low"]) !== null || num(r["high"]) !== null);
  const unit = typeof r?.["unit"] === "string" ? r["unit"] : e.ucum;
  return {
    key: e.key,
    name: { vi: e.nameVi, en: e.nameEn },
    ucum: e.ucum,
    range: hasNumbers ? { low: num(r["low"]), high: num(r["high"]), unit } : null,
    bySex: bySex?.male && bySex.female
      ? { male: { low: num(bySex.male["low"]), high: num(bySex.male["high"]) }, female: { low: num(bySex.female["low"]), high: num(bySex.female["high"]) } }
      : null,
    normalText: normal === null ? null : (NORMAL_TEXT[normal] ?? { vi: normal, en: normal }),
    adultsOnly: typeof r?.["appliesTo"] === "string" && /adult/i.test(r["appliesTo"]),
  };
}

function build(): CatalogueView {
  const entries = catalogue();
  const byKey = new Map(entries.map((e) => [e.key, viewOf(e)]));
  const rules = new Map<string, AbnormalRule>();
  for (const e of entries) for (const rule of e.abnormalRules) rules.set(`${e.key}|${rule.id}`, rule);
  for (const component of ["bp_systolic", "bp_diastolic"]) {
    for (const rule of entries.find((e) => e.key === component)?.abnormalRules ?? []) rules.set(`bp_panel|${rule.id}`, rule);
  }
  return { byKey, rules };
}

// Memo over immutable reference data (as checkup/classify.ts): set once, never changed.
let memo: CatalogueView | undefined;
export const catalogueView = (): CatalogueView => (memo ??= build());

const formatNumber = (n: number): string => String(n);

/** The normal range for this person, or null (none in the catalogue, or an adult range for a child). */
export function rangeFor(entry: EntryView, person: { sex: string | null; age: number | null }): RangeView | null {
  if (entry.normalText) return { low: null, high: null, unit: null, text: `${entry.normalText.vi} / ${entry.normalText.en}` };
  if (entry.adultsOnly && (person.age === null || person.age < 18)) return null;
  const numbers = entry.bySex ? (person.sex === "1" ? entry.bySex.male : person.sex === "2" ? entry.bySex.female : null) : entry.range;
  if (!numbers || (numbers.low === null && numbers.high === null)) return null;
  const unit = entry.range?.unit ?? entry.ucum;
  const shown = unitDisplay(unit);
  const suffix = shown ? ` ${shown}` : "";
  const text =
    numbers.low !== null && numbers.high !== null
      ? `${formatNumber(numbers.low)}–${formatNumber(numbers.high)}${suffix}`
      : numbers.high !== null
        ? `≤ ${formatNumber(numbers.high)}${suffix}`
        : `≥ ${formatNumber(numbers.low!)}${suffix}`;
  return { low: numbers.low, high: numbers.high, unit, text };
}
