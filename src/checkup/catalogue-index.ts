/**
 * Lookup tables over the check-up catalogue (reference/checkup-catalogue.json), built once per
 * normalizer or checker and never changed: entries by key, by alias (exact and diacritics-folded)
 * and by KSK form tag, each with its unit table.
 */
import { catalogue, type CatalogueEntry } from "../reference/data.ts";
import { foldedKey, labelKey } from "./text.ts";
import { buildUnitTable, type UnitTable } from "./units.ts";

export interface IndexedEntry {
  entry: CatalogueEntry;
  units: UnitTable;
  /** `contextRequired` set: urinalysis items match only inside a urine context. */
  needsUrine: boolean;
  /** Result codes the entry lists as text (`Âm tính / neg / (-)`, `ĐNT / BBT / ST(+) / ST(-)`), folded. */
  textCodes: ReadonlySet<string>;
}

export interface CatalogueIndex {
  byKey: ReadonlyMap<string, IndexedEntry>;
  /** `labelKey(alias)` → entries, in catalogue order. */
  exact: ReadonlyMap<string, readonly IndexedEntry[]>;
  /** `foldedKey(alias)` → entries, tried when the exact key fails. */
  folded: ReadonlyMap<string, readonly IndexedEntry[]>;
  /** Alias keys only urinalysis entries carry (`nit`, `sg`, `ubg`…): evidence of a urine panel. */
  urineOnly: ReadonlySet<string>;
  /** KSK block tags that carry a measure (`CHIEU_CAO`, `HUYET_AP`…). */
  formTags: ReadonlyMap<string, IndexedEntry>;
  /** Component keys (`hearing_right_whisper`) → their entry (`hearing_right_ear`) and own name/LOINC. */
  components: ReadonlyMap<string, Component>;
  /** Folded aliases of report entries (imaging, ECG, Pap), longest first, for "Điện tim thường". */
  reports: readonly (readonly [alias: string, ie: IndexedEntry])[];
}

export interface Component {
  key: string;
  ie: IndexedEntry;
  /** `foldedKey` of the name without punctuation: `tai phai noi tham`. */
  nameKey: string;
  loinc: string | null;
}

/**
 * Folded, with dash separators as spaces: "Tai phải – nói thầm" and "tai phai noi tham" agree.
 * Only dashes between words: `%` and `#` tell a percentage from a count (`LYM%` vs `LYM#`).
 */
export const looseKey = (text: string): string => foldedKey(text.replace(/\s+-\s+|\s*[\u2013\u2014]\s*/g, " "));

function componentsOf(ie: IndexedEntry): Component[] {
  const list: unknown = ie.entry["components"];
  if (!Array.isArray(list)) return [];
  return list.flatMap((c: unknown) => {
    if (typeof c !== "object" || c === null) return []; // bp_panel lists plain keys: not components of its own
    const key: unknown = Reflect.get(c, "key");
    const name: unknown = Reflect.get(c, "nameVi");
    const loinc: unknown = Reflect.get(c, "loinc");
    if (typeof key !== "string" || typeof name !== "string") return [];
    return [{ key, ie, nameKey: looseKey(name), loinc: typeof loinc === "string" ? loinc : null }];
  });
}

/**
 * Tags of the QĐ 2062 blocks that hold one measure each (standards.md §5.2, §5.8: XML3, XML4,
 * XML7, XML10, driver alcohol) and VSS XML1 `CAN_NANG` / `DU_PHONG` (height in cm, 3176).
 * A parser may send them as `name` or `localCode` without a key.
 */
const FORM_TAGS: Readonly<Record<string, string>> = {
  CHIEU_CAO: "body_height",
  CHIEU_DAI: "body_height",
  DU_PHONG: "body_height",
  CAN_NANG: "body_weight",
  CHI_SO_BMI: "bmi",
  MACH: "pulse",
  HUYET_AP: "bp_panel",
  NHIET_DO: "body_temperature",
  NHIP_THO: "respiratory_rate",
  VONG_DAU: "head_circumference",
  KHONG_KINH_MAT_PHAI: "visual_acuity_right_uncorrected",
  KHONG_KINH_MAT_TRAI: "visual_acuity_left_uncorrected",
  CO_KINH_MAT_PHAI: "visual_acuity_right_corrected",
  CO_KINH_MAT_TRAI: "visual_acuity_left_corrected",
  TAI_PHAI_NOI_THUONG: "hearing_right_ear",
  TAI_PHAI_NOI_THAM: "hearing_right_ear",
  TAI_TRAI_NOI_THUONG: "hearing_left_ear",
  TAI_TRAI_NOI_THAM: "hearing_left_ear",
  KET_QUA_XN_NONG_DO_CON: "alcohol_blood",
};

function add(map: Map<string, IndexedEntry[]>, key: string, e: IndexedEntry): void {
  const list = map.get(key);
  if (!list) map.set(key, [e]);
  else if (!list.includes(e)) list.push(e);
}

export function buildCatalogueIndex(entries: readonly CatalogueEntry[] = catalogue()): CatalogueIndex {
  const byKey = new Map<string, IndexedEntry>();
  const exact = new Map<string, IndexedEntry[]>();
  const folded = new Map<string, IndexedEntry[]>();
  for (const entry of entries) {
    const codes = entry.acceptedUnits.filter((u) => u.ucum === "").flatMap((u) => u.unit.split(" / "));
    const e: IndexedEntry = {
      entry,
      units: buildUnitTable(entry),
      needsUrine: entry.contextRequired != null,
      textCodes: new Set(codes.map(foldedKey)),
    };
    byKey.set(entry.key, e);
    for (const alias of [...entry.aliasesVi, entry.nameVi, entry.nameEn]) {
      add(exact, labelKey(alias), e);
      add(folded, foldedKey(alias), e);
    }
  }
  const urineOnly = new Set<string>();
  for (const [k, list] of [...exact, ...folded]) if (list.every((e) => e.needsUrine)) urineOnly.add(k);
  const formTags = new Map<string, IndexedEntry>();
  for (const [tag, key] of Object.entries(FORM_TAGS)) {
    const e = byKey.get(key);
    if (e) formTags.set(tag, e);
  }
  const components = new Map<string, Component>();
  for (const ie of byKey.values()) for (const c of componentsOf(ie)) components.set(c.key, c);
  const reports = [...folded]
    .flatMap(([alias, list]) => list.filter((e) => e.entry.valueType === "string").map((e) => [alias, e] as const))
    .sort((a, b) => b[0].length - a[0].length);
  return { byKey, exact, folded, urineOnly, formTags, components, reports };
}
