/**
 * The matcher's settings: thresholds, blocking limits and the Fellegi–Sunter model — for each
 * field and agreement level, m = P(level | same person) and u = P(level | different persons); the
 * level's weight is log2(m/u) (Fellegi & Sunter 1969). Name u-probabilities are not here: they
 * come from how common the value is (name-frequency.ts, the registry's own counts). The defaults
 * below are set from the registry's make-up (u) and from typical entry-error rates (m), then tuned
 * on the labelled benchmark (bench/identity/quality.ts, docs/benchmarks.md "Identity matching").
 */
import type { BlockLimits } from "./blocking.ts";

export interface Probability {
  m: number;
  u: number;
}

export const ID_LEVELS = ["exact", "former-id", "one-digit", "transposition", "guardian-id", "disagree", "missing"] as const;
export type IdLevel = (typeof ID_LEVELS)[number];
export const NAME_LEVELS = [
  "exact", "exact-untoned", "tone-differs", "variant", "similar", "one-missing", "disagree", "missing",
] as const;
export type NameLevel = (typeof NAME_LEVELS)[number];
export const BIRTH_LEVELS = [
  "exact", "swapped", "year-typo", "year-month", "month-only", "year-only", "jan-first", "disagree", "missing",
] as const;
export type BirthLevel = (typeof BIRTH_LEVELS)[number];
export const SIMPLE_LEVELS = ["agree", "disagree", "missing"] as const;
export type SimpleLevel = (typeof SIMPLE_LEVELS)[number];
export type ProvinceLevel = SimpleLevel | "implied";

export interface NameModel {
  /** m per level; "missing" carries no weight. */
  m: Record<Exclude<NameLevel, "missing">, number>;
  /** u of the levels that do not depend on the value. */
  u: { variant: number; similar: number; oneMissing: number };
  /** Smoothing of registry shares: (count + priorWeight·prior) / (N + priorWeight). */
  prior: number;
  priorWeight: number;
}

export interface MatchSettings {
  /** Total weight (bits) at or above which the best candidate is linked automatically. */
  linkThreshold: number;
  /** At or above this (and below the link threshold, or held back by a rule) a steward reviews. */
  reviewThreshold: number;
  /** A runner-up within this many bits of the best, itself above the review threshold, makes it ambiguous. */
  margin: number;
  /** Jaro–Winkler (folded) at or above which two names are a typo of each other. */
  similarity: number;
  /** Candidates reported in a result. */
  reportedCandidates: number;
  blocks: BlockLimits;
  personalId: Record<Exclude<IdLevel, "missing">, Probability>;
  insurance: Record<"agree" | "disagree", Probability>;
  names: NameModel;
  birthDate: Record<Exclude<BirthLevel, "missing">, Probability>;
  sex: Record<"agree" | "disagree", Probability>;
  commune: Record<"agree" | "disagree", Probability>;
  /** Used when the commune does not agree (when it does, the province is implied: no second count). */
  province: Record<"agree" | "disagree", Probability>;
  phone: Record<"agree" | "disagree", Probability>;
  guardian: Record<"agree" | "disagree", Probability>;
}

// u of a full birth date: about 1 in 25,000 pairs share one (ages spread over ~70 years).
const U_DATE = 4e-5;

/** Frozen, nested tables too: defaults are shared by every caller and must not drift. */
function deepFreeze<T extends object>(value: T): Readonly<T> {
  for (const inner of Object.values(value)) if (typeof inner === "object" && inner !== null) deepFreeze(inner as object);
  return Object.freeze(value);
}

export const DEFAULT_MATCH_SETTINGS: Readonly<MatchSettings> = deepFreeze({
  linkThreshold: 24,
  reviewThreshold: 10,
  margin: 6,
  similarity: 0.88,
  reportedCandidates: 5,
  blocks: { maxBlockSize: 400, maxCandidates: 600 },
  personalId: {
    exact: { m: 0.93, u: 1e-4 },
    // Cancelled or old numbers resolved through the registry's own crosswalk: as strong as exact.
    "former-id": { m: 0.99, u: 1e-4 },
    "one-digit": { m: 0.02, u: 5e-4 },
    transposition: { m: 0.005, u: 1e-4 },
    // The record carries this candidate's guardian's ID (a child's record with the parent's ID).
    "guardian-id": { m: 0.01, u: 1e-3 },
    disagree: { m: 0.03, u: 1 },
  },
  insurance: { agree: { m: 0.95, u: 1e-3 }, disagree: { m: 0.05, u: 1 } },
  names: {
    m: { exact: 0.93, "exact-untoned": 0.93, "tone-differs": 0.03, variant: 0.005, similar: 0.03, "one-missing": 0.03, disagree: 0.02 },
    u: { variant: 0.01, similar: 0.01, oneMissing: 0.1 },
    prior: 0.005,
    priorWeight: 200,
  },
  birthDate: {
    exact: { m: 0.93, u: U_DATE },
    swapped: { m: 0.01, u: U_DATE },
    "year-typo": { m: 0.01, u: 1.5e-4 },
    "year-month": { m: 0.03, u: 1.2e-3 },
    "month-only": { m: 0.95, u: 1.2e-3 },
    "year-only": { m: 0.95, u: 0.014 },
    // `yyyy0101` is how one KSK implementation writes a year-only birth (standards.md §5.7 row 7).
    "jan-first": { m: 0.01, u: 0.014 },
    disagree: { m: 0.02, u: 1 },
  },
  sex: { agree: { m: 0.98, u: 0.5 }, disagree: { m: 0.01, u: 0.5 } },
  commune: { agree: { m: 0.85, u: 5e-4 }, disagree: { m: 0.15, u: 1 } },
  province: { agree: { m: 0.6, u: 0.05 }, disagree: { m: 0.4, u: 0.95 } },
  // Phones are shared inside a family and change over the years: strong but not decisive.
  phone: { agree: { m: 0.6, u: 1e-3 }, disagree: { m: 0.3, u: 1 } },
  // Siblings share a guardian: agreement narrows to a family, not to a person.
  guardian: { agree: { m: 0.8, u: 0.01 }, disagree: { m: 0.2, u: 1 } },
});

export const weightOf = (p: Probability): number => Math.log2(p.m / p.u);

/** The defaults with some top-level values replaced (a field's whole table at a time). */
export function matchSettings(overrides: Partial<MatchSettings> = {}): MatchSettings {
  return { ...DEFAULT_MATCH_SETTINGS, ...overrides };
}
