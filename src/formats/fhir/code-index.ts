/**
 * Codes → catalogue entry, from the check-up catalogue (reference/checkup-catalogue.md): LOINC by
 * `loinc` and `loincAlternates`, and hoso's `checkup-catalogue` codes by key, component keys
 * included (`hearing_right_whisper` has no LOINC). Built per parse from the frozen catalogue: about
 * a hundred entries, microseconds.
 */
import { catalogue, type CatalogueEntry } from "../../reference/data.ts";
import { isObject, stringAt } from "./json.ts";

export interface CatalogueHit {
  key: string;
  nameVi: string;
  category: string;
}

export interface CodeIndex {
  byLoinc: ReadonlyMap<string, CatalogueHit>;
  byKey: ReadonlyMap<string, CatalogueHit>;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export function buildCodeIndex(entries: readonly CatalogueEntry[] = catalogue()): CodeIndex {
  const byLoinc = new Map<string, CatalogueHit>();
  const byKey = new Map<string, CatalogueHit>();
  const add = (map: Map<string, CatalogueHit>, code: string | null, hit: CatalogueHit) => {
    if (code !== null && !map.has(code)) map.set(code, hit);
  };
  for (const e of entries) {
    const hit = { key: e.key, nameVi: e.nameVi, category: e.category };
    add(byLoinc, e.loinc, hit);
    add(byKey, e.key, hit);
    for (const c of list(e["components"]).filter(isObject)) {
      const key = stringAt(c, "key");
      if (key !== null) add(byKey, key, { key, nameVi: stringAt(c, "nameVi") ?? e.nameVi, category: e.category });
    }
  }
  // Alternates after every primary code: a primary LOINC always wins.
  for (const e of entries) {
    const hit = { key: e.key, nameVi: e.nameVi, category: e.category };
    for (const alt of list(e["loincAlternates"]).filter(isObject)) add(byLoinc, stringAt(alt, "code"), hit);
  }
  return { byLoinc, byKey };
}

export interface PrimaryLoinc {
  loinc: string;
  display: string | null;
  /** The entry's canonical UCUM unit. */
  ucum: string | null;
}

/** The catalogue's primary LOINC per key, for the writer. */
export function loincByKey(entries: readonly CatalogueEntry[] = catalogue()): ReadonlyMap<string, PrimaryLoinc> {
  const out = new Map<string, PrimaryLoinc>();
  for (const e of entries) if (e.loinc !== null) out.set(e.key, { loinc: e.loinc, display: e.loincDisplay ?? null, ucum: e.ucum });
  return out;
}
