/**
 * Vietnamese names drawn from the profile's frequency tables (population-profile.md §3): family
 * names by the published population shares, middle and given names by sex from the name sample.
 */
import type { ProfileNames } from "../reference/data.ts";
import { weightedTable, type Rng, type WeightedTable } from "./rng.ts";
import type { Sex } from "./types.ts";

export interface NameTables {
  family: WeightedTable<string>;
  /** Hoàng → Huỳnh, Vũ → Võ: counted together in the published shares. */
  variants: ReadonlyMap<string, readonly string[]>;
  middle: Record<Sex, WeightedTable<string>>;
  given: Record<Sex, WeightedTable<string>>;
  /** Share of two-syllable names (no middle part), by sex. */
  noMiddle: Record<Sex, number>;
}

export function nameTables(names: ProfileNames): NameTables {
  const published = names.familyShares.filter((f) => f.sharePublished !== null);
  const publishedTotal = published.reduce((sum, f) => sum + (f.sharePublished ?? 0), 0);
  // The published list covers ~89 % of people; the rest is spread over the other names of the
  // per-person sample in proportion to their sample shares.
  const others = names.familyOtherInSample;
  const othersTotal = others.reduce((sum, f) => sum + f.shareSample, 0);
  const rest = Math.max(0, 100 - publishedTotal);
  const family = weightedTable<string>([
    ...published.map((f) => [f.name, f.sharePublished ?? 0] as const),
    ...others.map((f) => [f.name, (rest * f.shareSample) / othersTotal] as const),
  ]);
  const variants = new Map<string, readonly string[]>();
  for (const f of [...names.familyShares, ...others]) if (f.variants.length > 0) variants.set(f.name, f.variants);
  const two = (counts: Record<string, number>): number => (counts["2"] ?? 0) / 100;
  return {
    family,
    variants,
    middle: {
      "1": weightedTable(names.middleFullMale.map((m) => [m.middle, m.share] as const)),
      "2": weightedTable(names.middleFullFemale.map((m) => [m.middle, m.share] as const)),
    },
    given: {
      "1": weightedTable(names.givenMale.map((g) => [g.name, g.share] as const)),
      "2": weightedTable(names.givenFemale.map((g) => [g.name, g.share] as const)),
    },
    noMiddle: { "1": two(names.syllableCount.male), "2": two(names.syllableCount.female) },
  };
}

/** Huỳnh and Võ are the usual spellings from the centre southwards (province codes ≥ 44). */
export function pickFamilyName(rng: Rng, tables: NameTables, provinceCode: string): string {
  const name = rng.weighted(tables.family);
  const variants = tables.variants.get(name);
  if (!variants || variants.length === 0) return name;
  const southern = provinceCode >= "44";
  return rng.chance(southern ? 0.6 : 0.1) ? rng.pick(variants) : name;
}

export function pickOwnNames(rng: Rng, tables: NameTables, sex: Sex): { middleName: string; givenName: string } {
  const middleName = rng.chance(tables.noMiddle[sex]) ? "" : rng.weighted(tables.middle[sex]);
  const lastMiddle = middleName.split(" ").at(-1);
  let givenName = rng.weighted(tables.given[sex]);
  // "Minh Minh" is not a name; a few redraws always find another one.
  for (let i = 0; i < 5 && givenName === lastMiddle; i++) givenName = rng.weighted(tables.given[sex]);
  return { middleName, givenName };
}

export const joinName = (...parts: string[]): string => parts.filter((p) => p !== "").join(" ");
