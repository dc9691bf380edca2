/**
 * The demo population registry: people with Vietnamese names, ages from the national age–sex
 * pyramid (WPP 2024, population-profile.md §2), homes weighted by province population, personal
 * IDs consistent with sex, birth year and province, and households so every child has a guardian.
 * Pure: the same seed, count and reference date give the same people.
 */
import {
  adminUnits,
  idPrefixes,
  populationProfile,
  type PopulationProfile,
  type PyramidGroup,
} from "../reference/data.ts";
import { dayNumber, isoFromDayNumber } from "./dates.ts";
import { ethnicityTables } from "./ethnicity.ts";
import { ADULT_AGE, planHouseholds, type Skeleton } from "./households.ts";
import { joinName, nameTables, pickFamilyName, pickOwnNames } from "./names.ts";
import { makePersonalId, prefixTables } from "./personal-id.ts";
import { buildAddress, pickCommune, pickPhone, placeTables } from "./places.ts";
import { createRng, weightedTable, type Rng, type WeightedTable } from "./rng.ts";
import type { DemoPerson, Sex } from "./types.ts";

export interface PopulationOptions {
  /** Ages are taken on this date (`YYYY-MM-DD`); default: the pyramid's reference date, 2025-01-01. */
  referenceDate?: string;
}

const profile = (): PopulationProfile => populationProfile() as unknown as PopulationProfile;

function ageRange(group: PyramidGroup): [number, number] {
  const open = /^(\d+)\+$/.exec(group.age);
  if (open) return [Number(open[1]), Number(open[1]) + 4];
  const [lo, hi] = group.age.split("-").map(Number);
  return [lo ?? 0, hi ?? 0];
}

/** Age group by its share of both sexes, then sex within the group, then a uniform age inside it. */
function sampleSkeletons(rng: Rng, groups: readonly PyramidGroup[], count: number): Skeleton[] {
  const table = weightedTable(groups.map((g) => [g, g.male + g.female] as const));
  return Array.from({ length: count }, () => {
    const g = rng.weighted(table);
    const [lo, hi] = ageRange(g);
    return { age: rng.int(lo, hi), sex: rng.chance(g.male / (g.male + g.female)) ? "1" : "2" };
  });
}

/** A birth date giving exactly `age` completed years on the reference day. */
function birthDateFor(rng: Rng, age: number, referenceDate: string): string {
  const ref = dayNumber(referenceDate);
  const latest = dayNumber(`${Number(referenceDate.slice(0, 4)) - age}${referenceDate.slice(4)}`);
  const earliest = dayNumber(`${Number(referenceDate.slice(0, 4)) - age - 1}${referenceDate.slice(4)}`) + 1;
  return isoFromDayNumber(Math.min(ref, rng.int(earliest, latest)));
}

export function generatePopulation(seed: number, count: number, options: PopulationOptions = {}): DemoPerson[] {
  const data = profile();
  const referenceDate = options.referenceDate ?? data.pyramid.referenceDate.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? "2025-01-01";
  const rng = createRng(seed);
  const units = adminUnits();
  const names = nameTables(data.names);
  const places = placeTables(units, data.provinces);
  const ethnicities = ethnicityTables(units.provinces.map((p) => p.code));
  const prefixes = prefixTables(idPrefixes());
  const usedIds = new Set<string>();

  const skeletons = sampleSkeletons(rng, data.pyramid.groups, count);
  const plan = planHouseholds(rng, skeletons);

  // Per household: where it lives, its ethnicity and the family name passed to the children.
  const homes = plan.households.map((h, index) => {
    const province = rng.weighted(places.provinces);
    const commune = pickCommune(rng, places, province.code);
    return {
      id: `H${String(index + 1).padStart(7, "0")}`,
      province,
      commune,
      address: buildAddress(rng, commune, province),
      ethnicity: rng.weighted(ethnicityTable(ethnicities, province.code)),
      familyName: pickFamilyName(rng, names, province.code),
      head: h.father ?? h.mother,
    };
  });

  const people = skeletons.map((s, i): DemoPerson => {
    const home = homes[plan.householdOf[i] as number] as (typeof homes)[number];
    const isChild = s.age < ADULT_AGE;
    // Children carry the father's family name (the household's); the head keeps it; a mother, a
    // spouse or a single adult has their own. A few children of single mothers have another name.
    const familyName =
      home.head === i || (isChild && (home.head === null || skeletons[home.head]?.sex === "1" || rng.chance(0.8)))
        ? home.familyName
        : pickFamilyName(rng, names, home.province.code);
    const { middleName, givenName } = pickOwnNames(rng, names, s.sex);
    const birthDate = birthDateFor(rng, s.age, referenceDate);
    return {
      personalId: makePersonalId(rng, prefixes, home.province.code, Number(birthDate.slice(0, 4)), s.sex, usedIds),
      fullName: joinName(familyName, middleName, givenName),
      familyName,
      middleName,
      givenName,
      birthDate,
      sex: s.sex,
      provinceCode: home.province.code,
      communeCode: home.commune.code,
      address: home.address,
      ethnicity: home.ethnicity,
      phone: s.age >= 15 ? pickPhone(rng) : null,
      householdId: home.id,
    };
  });
  people.forEach((person, i) => {
    const guardian = people[plan.guardianOf[i] as number];
    if (guardian) person.guardianPersonalId = guardian.personalId;
  });
  return people;
}

function ethnicityTable(tables: ReadonlyMap<string, WeightedTable<string>>, provinceCode: string): WeightedTable<string> {
  const table = tables.get(provinceCode);
  if (!table) throw new Error(`no ethnicity table for province ${provinceCode}`);
  return table;
}
