/**
 * Groups already-sampled people (age and sex only) into households, so that every child has a
 * parent in the same population: children are attached to a mother and usually a father of a
 * plausible age, siblings share parents, remaining adults live alone or as couples. The age–sex
 * mix is untouched: people are only given roles, never created.
 */
import type { Rng } from "./rng.ts";
import type { Sex } from "./types.ts";

export interface Skeleton {
  age: number;
  sex: Sex;
}

export interface Household {
  members: number[];
  father: number | null;
  mother: number | null;
}

export interface HouseholdPlan {
  households: Household[];
  /** Per person: household index. */
  householdOf: Int32Array;
  /** Per person: guardian's index, or -1. */
  guardianOf: Int32Array;
}

export const ADULT_AGE = 18;
const MAX_AGE = 110;

/** Adults by sex and single year of age, taken out in O(1) by swap-remove. */
function adultBuckets(people: readonly Skeleton[]): Record<Sex, number[][]> {
  const make = (): number[][] => Array.from({ length: MAX_AGE + 1 }, () => []);
  const buckets: Record<Sex, number[][]> = { "1": make(), "2": make() };
  people.forEach((p, i) => {
    if (p.age >= ADULT_AGE) buckets[p.sex][Math.min(p.age, MAX_AGE)]?.push(i);
  });
  return buckets;
}

/**
 * Takes an untaken adult whose age is nearest `target` inside [min, max]. People placed without
 * going through a bucket are only marked in `taken` and skipped here, which keeps removal O(1).
 */
function takeNear(
  rng: Rng,
  buckets: number[][],
  taken: Uint8Array,
  target: number,
  min: number,
  max: number,
): number | null {
  for (let d = 0; d <= max - min; d++) {
    for (const age of d === 0 ? [target] : [target - d, target + d]) {
      if (age < min || age > max) continue;
      const bucket = buckets[age];
      while (bucket && bucket.length > 0) {
        const at = rng.int(0, bucket.length - 1);
        const picked = bucket[at] as number;
        bucket[at] = bucket[bucket.length - 1] as number;
        bucket.pop();
        if (taken[picked] === 0) {
          taken[picked] = 1;
          return picked;
        }
      }
    }
  }
  return null;
}

function shuffled(rng: Rng, items: number[]): number[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j] as number, items[i] as number];
  }
  return items;
}

export function planHouseholds(rng: Rng, people: readonly Skeleton[]): HouseholdPlan {
  const buckets = adultBuckets(people);
  const taken = new Uint8Array(people.length);
  const take = (sex: Sex, target: number, min: number, max: number): number | null =>
    takeNear(rng, buckets[sex], taken, target, min, max);
  const householdOf = new Int32Array(people.length).fill(-1);
  const guardianOf = new Int32Array(people.length).fill(-1);
  const households: Household[] = [];
  const ageOf = (i: number | null): number => (i === null ? 0 : (people[i] as Skeleton).age);
  const join = (h: number, person: number): void => {
    (households[h] as Household).members.push(person);
    householdOf[person] = h;
  };
  const open: number[] = []; // recent households that may take another child

  const children = shuffled(rng, people.flatMap((p, i) => (p.age < ADULT_AGE ? [i] : [])));
  for (const child of children) {
    const age = ageOf(child);
    const fits = (h: Household): boolean =>
      h.members.length < 7 &&
      (h.mother === null || (ageOf(h.mother) - age >= 18 && ageOf(h.mother) - age <= 45)) &&
      (h.father === null || (ageOf(h.father) - age >= 18 && ageOf(h.father) - age <= 55));
    // About half of children have a sibling in the population: try the recent households first.
    const sibling = rng.chance(0.5) ? open.findLast((h) => fits(households[h] as Household)) : undefined;
    let h = sibling;
    if (h === undefined) {
      const mother = take("2", age + Math.round(rng.normal(27, 5)), age + 18, age + 45);
      const father =
        mother === null || rng.chance(0.9)
          ? take("1", Math.max(age + 18, ageOf(mother) + Math.round(rng.normal(3, 3))), age + 18, age + 55)
          : null;
      // No parent of a plausible age left: a grandparent or any older adult takes the child in.
      const other =
        mother === null && father === null
          ? (take("2", age + 50, age + 16, MAX_AGE) ?? take("1", age + 50, age + 16, MAX_AGE))
          : null;
      h = households.length;
      households.push({ members: [], father, mother: mother ?? other });
      for (const parent of [father, mother ?? other]) if (parent !== null) join(h, parent);
      open.push(h);
      if (open.length > 16) open.shift();
    }
    join(h, child);
    const home = households[h] as Household;
    // Either parent may be the guardian (NGUOI_GIAM_HO); fathers are recorded a little more often.
    if (home.father !== null && (home.mother === null || rng.chance(0.65))) guardianOf[child] = home.father;
    else if (home.mother !== null) guardianOf[child] = home.mother;
  }

  // Adults without children: couples of similar age, or living alone.
  people.forEach((p, i) => {
    if (householdOf[i] !== -1 || p.age < ADULT_AGE) return;
    const h = households.length;
    households.push({ members: [], father: null, mother: null });
    join(h, i);
    taken[i] = 1;
    if (rng.chance(0.5)) {
      const otherSex: Sex = p.sex === "1" ? "2" : "1";
      const spouse = take(otherSex, p.age + (p.sex === "1" ? -3 : 3), p.age - 10, p.age + 10);
      if (spouse !== null) join(h, spouse);
    }
  });
  return { households, householdOf, guardianOf };
}
