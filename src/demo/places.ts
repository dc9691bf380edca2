/**
 * Where demo people live: provinces weighted by the profile's province figures, communes from the
 * 2025 administrative units (uniform inside a province: commune populations are not shipped,
 * population-profile.md §1), addresses in the usual "house, hamlet/group, commune, province" form.
 */
import type { AdminUnits, Commune, ProfileProvince, Province } from "../reference/data.ts";
import { weightedTable, type Rng, type WeightedTable } from "./rng.ts";

export interface PlaceTables {
  provinces: WeightedTable<Province>;
  provinceByCode: ReadonlyMap<string, Province>;
  communesByProvince: ReadonlyMap<string, readonly Commune[]>;
}

export function placeTables(units: AdminUnits, weights: readonly ProfileProvince[]): PlaceTables {
  const provinceByCode = new Map(units.provinces.map((p) => [p.code, p]));
  const communesByProvince = new Map<string, Commune[]>();
  for (const c of units.communes) {
    const list = communesByProvince.get(c.provinceCode);
    if (list) list.push(c);
    else communesByProvince.set(c.provinceCode, [c]);
  }
  // The profile's figures are reorganisation "quy mô dân số" values: fine as relative weights.
  const entries = weights
    .filter((w) => provinceByCode.has(w.code) && communesByProvince.has(w.code))
    .map((w) => [provinceByCode.get(w.code) as Province, w.population] as const);
  return { provinces: weightedTable(entries), provinceByCode, communesByProvince };
}

export function pickCommune(rng: Rng, tables: PlaceTables, provinceCode: string): Commune {
  const communes = tables.communesByProvince.get(provinceCode);
  if (!communes) throw new Error(`no communes for province ${provinceCode}`);
  return rng.pick(communes);
}

export function buildAddress(rng: Rng, commune: Commune, province: Province): string {
  const house = `Số ${rng.int(1, 250)}`;
  const group = commune.type === "ward" ? `Tổ ${rng.int(1, 40)}` : `Thôn ${rng.int(1, 15)}`;
  return `${house}, ${group}, ${commune.fullName}, ${province.fullName}`;
}

// Mobile prefixes in use after the 2018 renumbering (Viettel 03x/086/09x, Vinaphone 08x/091/094,
// MobiFone 07x/089/090/093, Vietnamobile 05x).
const MOBILE_PREFIXES = [
  "032", "033", "034", "035", "036", "037", "038", "039", "056", "058", "070", "076", "077", "078",
  "079", "081", "082", "083", "084", "085", "086", "088", "089", "090", "091", "093", "094", "096",
  "097", "098",
] as const;

export function pickPhone(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 9_999_999)).padStart(7, "0");
}
