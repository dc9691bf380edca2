/**
 * How common a family name is, from the published shares (reference/population-profile.json
 * `names.familyShares`, population-profile.md §3): agreeing on Nguyễn (38 %) says little, agreeing
 * on Lý (0.5 %) says a lot. That share is the u-probability of Fellegi–Sunter's frequency-based
 * agreement weight (Fellegi & Sunter 1969 §3.3; Winkler 1988).
 */
import { populationProfile, type PopulationProfile, type ProfileNames } from "../../reference/data.ts";
import { normalizeName } from "./names.ts";

/** Share (0–1) by normalised family name. */
export type FamilyShares = ReadonlyMap<string, number>;

/**
 * Published shares first; names only in the sample (`familyOtherInSample`) take their sample share.
 * A variant (Huỳnh for Hoàng, Võ for Vũ) is counted inside its name's published share, so it takes
 * the whole share too: a higher u only lowers the weight, the safe side.
 */
export function familyShares(names: Pick<ProfileNames, "familyShares" | "familyOtherInSample">): FamilyShares {
  const shares = new Map<string, number>();
  for (const f of names.familyOtherInSample) shares.set(normalizeName(f.name), f.shareSample / 100);
  for (const f of names.familyShares) {
    const share = (f.sharePublished ?? f.shareSample) / 100;
    for (const name of [f.name, ...f.variants]) shares.set(normalizeName(name), share);
  }
  return shares;
}

/** Pairs of spellings of one family name (Hoàng/Huỳnh, Vũ/Võ), as `a|b` keys of normalised names. */
export function familyVariants(names: Pick<ProfileNames, "familyShares" | "familyOtherInSample">): ReadonlySet<string> {
  const pairs = new Set<string>();
  for (const f of [...names.familyShares, ...names.familyOtherInSample]) {
    for (const v of f.variants) {
      const [a, b] = [normalizeName(f.name), normalizeName(v)];
      pairs.add(`${a}|${b}`).add(`${b}|${a}`);
    }
  }
  return pairs;
}

export function profileNames(): ProfileNames {
  return (populationProfile() as unknown as PopulationProfile).names;
}
