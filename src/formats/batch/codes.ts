/**
 * Coded cells as teams type them → the codes the record carries. Excel drops leading zeros from
 * codes typed as numbers (`1` for Hà Nội `01`), and people write names (`Nữ`, `Kinh`, `Hà Nội`,
 * `Phường Ba Đình`, `Loại II`): both are turned into the code. Anything not recognised is kept as
 * typed, so the shared checks report it against the list (checkup/checks/codes.ts).
 */
import { foldedKey } from "../../checkup/text.ts";
import { adminUnits, ethnicities } from "../../reference/data.ts";

/** `GIOI_TINH`: 1 male, 2 female, 3 undetermined (standards.md §4.7). */
const SEX_WORDS: Readonly<Record<string, string>> = {
  nam: "1", trai: "1", male: "1", m: "1",
  nu: "2", gai: "2", female: "2", f: "2",
  "chua xac dinh": "3", "khong xac dinh": "3", khac: "3",
};

export function sexCode(text: string): string {
  const t = foldedKey(text);
  if (/^[123]$/.test(t)) return t;
  return SEX_WORDS[t] ?? text;
}

const ROMAN: Readonly<Record<string, string>> = { i: "1", ii: "2", iii: "3", iv: "4", v: "5" };

/** `PHAN_LOAI_SK` 1–5 (Loại I–V, standards.md §5.3): `2`, `II`, `Loại II`, `loai 2` → `2`. */
export function healthClassCode(text: string): string {
  const m = /^(?:loai|l)?\s*([1-5]|i{1,3}|iv|v)$/.exec(foldedKey(text));
  if (!m?.[1]) return text;
  return ROMAN[m[1]] ?? m[1];
}

/** Digits only, padded to the code's length when Excel dropped the leading zeros. */
export function padCode(text: string, length: number): string {
  return /^\d+$/.test(text) && text.length < length ? text.padStart(length, "0") : text;
}

export interface CodeLookups {
  ethnicity(text: string): string;
  province(text: string): string;
  /** A commune name is looked up inside the row's province only: names repeat across provinces. */
  commune(text: string, provinceCode: string | null): string;
}

/** Lowercase letters and digits without diacritics or the unit-type word: `Tỉnh Thanh Hóa` → `thanhhoa`. */
const nameKey = (text: string, prefixes: RegExp): string => foldedKey(text).replace(prefixes, "").replace(/[^a-z0-9]/g, "");
const PROVINCE_PREFIX = /^(tinh|thanh pho|tp\.?)\s+/;
const COMMUNE_PREFIX = /^(xa|phuong|thi tran|dac khu|tt\.?|p\.|x\.)\s+/;

/** Built once per parse from the frozen reference data (reference/README.md). */
export function createCodeLookups(): CodeLookups {
  const ethnicity = new Map<string, string>();
  for (const e of ethnicities()) {
    for (const name of [e.name, e.nameAscii, ...(e.aliases ?? [])]) ethnicity.set(nameKey(name, /^$/), e.code);
  }
  const units = adminUnits();
  const province = new Map<string, string>();
  for (const p of units.provinces) {
    for (const name of [p.name, p.fullName, p.nameAscii, ...(p.altNames ?? [])]) province.set(nameKey(name, PROVINCE_PREFIX), p.code);
  }
  const communes = new Map<string, Map<string, string>>();
  for (const c of units.communes) {
    const names = communes.get(c.provinceCode) ?? new Map<string, string>();
    communes.set(c.provinceCode, names);
    for (const name of [c.name, c.fullName, c.nameAscii, ...(c.altNames ?? [])]) names.set(nameKey(name, COMMUNE_PREFIX), c.code);
  }
  const codes = {
    ethnicity: new Set(ethnicities().map((e) => e.code)),
    province: new Set(units.provinces.map((p) => p.code)),
  };
  return {
    ethnicity: (text) => (/^\d+$/.test(text) ? padKnown(text, 2, codes.ethnicity) : (ethnicity.get(nameKey(text, /^$/)) ?? text)),
    province: (text) => (/^\d+$/.test(text) ? padKnown(text, 2, codes.province) : (province.get(nameKey(text, PROVINCE_PREFIX)) ?? text)),
    commune: (text, provinceCode) => {
      if (/^\d+$/.test(text)) return padCode(text, 5);
      return (provinceCode && communes.get(provinceCode)?.get(nameKey(text, COMMUNE_PREFIX))) || text;
    },
  };
}

function padKnown(text: string, length: number, known: ReadonlySet<string>): string {
  const padded = padCode(text, length);
  return known.has(padded) ? padded : text;
}
