/**
 * The seeded random source of the demo generator: a thin wrapper over pure-rand's xoroshiro128+
 * (pure-rand v8 generators advance in place, so one `Rng` is one stream). Same seed, same stream,
 * on every platform: nothing here touches `Math.random` or the clock.
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/** A cumulative-weight table built once, then sampled in O(log n). */
export interface WeightedTable<T> {
  readonly items: readonly T[];
  readonly cumulative: Float64Array;
  readonly total: number;
}

export interface Rng {
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** Float in [0, 1). */
  float(): number;
  pick<T>(items: readonly T[]): T;
  weighted<T>(table: WeightedTable<T>): T;
  normal(mean: number, sd: number): number;
  chance(p: number): boolean;
}

export function weightedTable<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, weight], i) => {
    if (!(weight >= 0)) throw new Error(`weight ${i} is not a non-negative number`);
    total += weight;
    cumulative[i] = total;
  });
  if (total <= 0) throw new Error("weighted table has no positive weight");
  return { items: entries.map(([item]) => item), cumulative, total };
}

export function createRng(seed: number): Rng {
  const gen = xoroshiro128plus(seed | 0);
  const float = (): number => uniformFloat64(gen);
  return {
    int: (min, max) => uniformInt(gen, min, max),
    float,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[uniformInt(gen, 0, items.length - 1)] as T;
    },
    weighted<T>(table: WeightedTable<T>): T {
      const target = float() * table.total;
      let lo = 0;
      let hi = table.cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((table.cumulative[mid] as number) > target) hi = mid;
        else lo = mid + 1;
      }
      return table.items[lo] as T;
    },
    // Box–Muller without caching the second variate: one less piece of state, and speed is ample.
    normal(mean, sd) {
      const u = 1 - float();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * float());
    },
    chance: (p) => float() < p,
  };
}

/**
 * A seed for an independent sub-stream (`label` = what it is for), so that e.g. changing defect
 * rates does not change the underlying people or measures. FNV-1a over the label, mixed with the seed.
 */
export function deriveSeed(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ Math.imul(seed | 0, 0x9e3779b1);
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h | 0;
}
