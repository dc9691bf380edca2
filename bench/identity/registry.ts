/**
 * The registry side of the identity benchmarks: a demo population, plus twins (same household and
 * birth date, another given name — some only a tone apart, Anh/Ánh), minus a few people held out
 * so that their check-ups must come back "new", plus the crosswalks the matcher reads: old 9-digit
 * ID-card numbers, cancelled 12-digit numbers (re-issued IDs) and BHXH numbers.
 */
import { createRng, deriveSeed, generatePopulation, type DemoPerson, type Rng } from "../../src/demo/index.ts";
import { foldName } from "../../src/identity/fold.ts";
import type { Crosswalks } from "../../src/identity/match/index.ts";
import { populationProfile, type PopulationProfile } from "../../src/reference/data.ts";

export interface RegistryScenario {
  /** Everyone who can have a check-up (registry + held out). */
  people: DemoPerson[];
  /** What the registry holds. */
  registry: DemoPerson[];
  heldOut: ReadonlySet<string>;
  twins: ReadonlySet<string>;
  crosswalks: Required<Crosswalks>;
  /** Per person: old 9-digit number, cancelled 12-digit number, BHXH number (when they have one). */
  oldIdOf: ReadonlyMap<string, string>;
  cancelledIdOf: ReadonlyMap<string, string>;
  bhxhOf: ReadonlyMap<string, string>;
}

export interface RegistryRates {
  /** Share of children who get a twin. */
  twins: number;
  heldOut: number;
  /** Adults 30+ holding an old 9-digit card number, and the share of those the crosswalk knows. */
  oldId: number;
  oldIdKnown: number;
  cancelledId: number;
  bhxh: number;
}

export const REGISTRY_RATES: RegistryRates = { twins: 0.03, heldOut: 0.02, oldId: 0.5, oldIdKnown: 0.85, cancelledId: 0.005, bhxh: 0.7 };

const digits = (rng: Rng, n: number): string => Array.from({ length: n }, () => String(rng.int(0, 9))).join("");

function uniqueNumber(used: Set<string>, make: () => string): string {
  for (;;) {
    const n = make();
    if (!used.has(n)) {
      used.add(n);
      return n;
    }
  }
}

function twinOf(rng: Rng, p: DemoPerson, usedIds: Set<string>, givenBySex: Record<string, string[]>): DemoPerson {
  const sex = rng.chance(0.5) ? p.sex : p.sex === "1" ? "2" : "1";
  const names = givenBySex[sex] as string[];
  // A third of same-sex twins get a name one tone apart from their sibling's, when one exists.
  const toneTwin = sex === p.sex && rng.chance(0.33) ? names.find((n) => n !== p.givenName && foldName(n) === foldName(p.givenName)) : undefined;
  let given = toneTwin ?? rng.pick(names);
  while (given === p.givenName) given = rng.pick(names);
  const middle = sex === p.sex ? p.middleName : sex === "2" ? "Thị" : "Văn";
  const digit4 = Math.floor((Number(p.birthDate.slice(0, 4)) - 1900) / 100) * 2 + (sex === "2" ? 1 : 0);
  const head = `${p.personalId.slice(0, 3)}${digit4}${p.personalId.slice(4, 6)}`;
  return {
    ...p,
    sex,
    middleName: middle,
    givenName: given,
    fullName: [p.familyName, middle, given].filter((s) => s !== "").join(" "),
    personalId: uniqueNumber(usedIds, () => head + digits(rng, 6)),
  };
}

export function buildRegistry(seed: number, size: number, rates: RegistryRates = REGISTRY_RATES): RegistryScenario {
  const rng = createRng(deriveSeed(seed, "identity-registry"));
  const base = generatePopulation(seed, size);
  const usedIds = new Set(base.map((p) => p.personalId));
  const names = (populationProfile() as unknown as PopulationProfile).names;
  const givenBySex = { "1": names.givenMale.map((g) => g.name), "2": names.givenFemale.map((g) => g.name) };
  const twins = new Set<string>();
  const people: DemoPerson[] = [];
  for (const p of base) {
    people.push(p);
    if (p.guardianPersonalId && rng.chance(rates.twins)) {
      const twin = twinOf(rng, p, usedIds, givenBySex);
      people.push(twin);
      twins.add(p.personalId).add(twin.personalId);
    }
  }
  const heldOut = new Set(people.filter((p) => !twins.has(p.personalId) && rng.chance(rates.heldOut)).map((p) => p.personalId));
  const registry = people.filter((p) => !heldOut.has(p.personalId));

  const formerIds = new Map<string, string>();
  const insurance = new Map<string, string>();
  const oldIdOf = new Map<string, string>();
  const cancelledIdOf = new Map<string, string>();
  const bhxhOf = new Map<string, string>();
  const usedOld = new Set<string>();
  const usedBhxh = new Set<string>();
  for (const p of registry) {
    if (Number(p.birthDate.slice(0, 4)) <= 1995 && rng.chance(rates.oldId)) {
      const old = uniqueNumber(usedOld, () => `${rng.int(0, 3)}${digits(rng, 8)}`);
      oldIdOf.set(p.personalId, old);
      if (rng.chance(rates.oldIdKnown)) formerIds.set(old, p.personalId);
    }
    if (rng.chance(rates.cancelledId)) {
      // A number cancelled after a correction of the birth year or sex; never reused (Decree 70/2024).
      const cancelled = uniqueNumber(usedIds, () => p.personalId.slice(0, 3) + digits(rng, 9));
      cancelledIdOf.set(p.personalId, cancelled);
      formerIds.set(cancelled, p.personalId);
    }
    if (rng.chance(rates.bhxh)) {
      const bhxh = uniqueNumber(usedBhxh, () => `${p.provinceCode}${digits(rng, 8)}`);
      bhxhOf.set(p.personalId, bhxh);
      insurance.set(bhxh, p.personalId);
    }
  }
  return { people, registry, heldOut, twins, crosswalks: { formerIds, insurance }, oldIdOf, cancelledIdOf, bhxhOf };
}
