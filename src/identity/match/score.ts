/**
 * Fellegi–Sunter scoring (Fellegi & Sunter 1969): each field's agreement level adds log2(m/u) bits
 * to the score, and the breakdown keeps every term so a steward sees why. Name agreement is
 * frequency-based: u is how common the value is — the published family-name shares
 * (name-frequency.ts: Nguyễn weighs ~1.3 bits, Lý ~7.5) and, for middle and given names and family
 * names outside the published list, the registry's own counts, smoothed towards a prior.
 */
import type { BlockingIndex } from "./blocking.ts";
import type { FieldLevels } from "./compare.ts";
import type { NamePart, NameValue } from "./person-table.ts";
import { weightOf, type MatchSettings, type NameLevel, type Probability } from "./settings.ts";

export const MATCH_FIELDS = [
  "personalId", "insurance", "family", "middle", "given", "birthDate", "sex", "commune", "province", "phone", "guardian",
] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

export interface Contribution {
  field: MatchField;
  level: string;
  weight: number;
}

const log2 = Math.log2;

/** Share of the registry holding `count`, smoothed so small registries do not over-trust a count. */
function smoothedShare(index: BlockingIndex, settings: MatchSettings, count: number): number {
  const { prior, priorWeight } = settings.names;
  return (count + prior * priorWeight) / (index.table.size + priorWeight);
}

/**
 * Weight of one name part at `level`. u is about the record's value: for "exact", how many share
 * it; for "exact-untoned", how many fold to it; for "tone-differs", how many fold to it without
 * being it (a record's "Nguyen" against Nguyễn: 38 % of everyone, so little evidence); for
 * "similar", at least how many hold the candidate's value.
 */
export function nameWeight(
  index: BlockingIndex,
  settings: MatchSettings,
  part: NamePart,
  level: NameLevel,
  held: NameValue,
  sent: { text: string; folded: string },
): number {
  const { m, u } = settings.names;
  const table = index.table.names[part];
  // Family names: the published share when it is larger (a small registry undercounts Nguyễn).
  const published = part === "family" ? (index.familyShares.get(held.text) ?? 0) : 0;
  const foldedCount = table.foldedCounts.get(sent.folded) ?? 0;
  switch (level) {
    case "exact":
      return log2(m.exact / Math.max(published, smoothedShare(index, settings, held.count)));
    case "exact-untoned":
      return log2(m["exact-untoned"] / Math.max(published, smoothedShare(index, settings, foldedCount)));
    case "tone-differs": {
      const sentCount = table.values[table.byText.get(sent.text) ?? -1]?.count ?? 0;
      return log2(m["tone-differs"] / smoothedShare(index, settings, Math.max(0, foldedCount - sentCount)));
    }
    case "variant":
      return log2(m.variant / u.variant);
    case "similar":
      // Everyone holding the candidate's name is "similar" to the record too: u is at least its
      // share, so a typo of Nguyễn never outweighs an exact Nguyễn.
      return log2(m.similar / Math.max(u.similar, published, smoothedShare(index, settings, held.count)));
    case "one-missing":
      return log2(m["one-missing"] / u.oneMissing);
    case "disagree":
      return log2(m.disagree / Math.max(0.05, 1 - Math.max(published, smoothedShare(index, settings, held.count))));
    case "missing":
      return 0;
  }
}

type Table = Readonly<Record<string, number>>;

/** log2(m/u) of every fixed level, worked out once per record rather than per candidate. */
export interface FixedWeights {
  personalId: Table;
  insurance: Table;
  birthDate: Table;
  sex: Table;
  commune: Table;
  province: Table;
  phone: Table;
  guardian: Table;
}

const weights = (table: Readonly<Record<string, Probability>>): Table =>
  Object.fromEntries(Object.entries(table).map(([level, p]) => [level, weightOf(p)]));

export function fixedWeights(s: MatchSettings): FixedWeights {
  return {
    personalId: weights(s.personalId),
    insurance: weights(s.insurance),
    birthDate: weights(s.birthDate),
    sex: weights(s.sex),
    commune: weights(s.commune),
    province: weights(s.province),
    phone: weights(s.phone),
    guardian: weights(s.guardian),
  };
}

/** Levels without a probability ("missing", "implied") weigh nothing. */
const of = (table: Table, level: string): number => table[level] ?? 0;

/** The total weight, without building the breakdown (most candidates are never shown). */
export function scoreOf(w: FixedWeights, l: FieldLevels): number {
  return (
    of(w.personalId, l.personalId) + of(w.insurance, l.insurance) + l.names.family.weight + l.names.middle.weight +
    l.names.given.weight + of(w.birthDate, l.birthDate) + of(w.sex, l.sex) + of(w.commune, l.commune) +
    of(w.province, l.province) + of(w.phone, l.phone) + of(w.guardian, l.guardian)
  );
}

/** The weight of each field at its level, in `MATCH_FIELDS` order; sums to `scoreOf`. */
export function breakdownOf(w: FixedWeights, l: FieldLevels): Contribution[] {
  return [
    { field: "personalId", level: l.personalId, weight: of(w.personalId, l.personalId) },
    { field: "insurance", level: l.insurance, weight: of(w.insurance, l.insurance) },
    l.names.family,
    l.names.middle,
    l.names.given,
    { field: "birthDate", level: l.birthDate, weight: of(w.birthDate, l.birthDate) },
    { field: "sex", level: l.sex, weight: of(w.sex, l.sex) },
    { field: "commune", level: l.commune, weight: of(w.commune, l.commune) },
    { field: "province", level: l.province, weight: of(w.province, l.province) },
    { field: "phone", level: l.phone, weight: of(w.phone, l.phone) },
    { field: "guardian", level: l.guardian, weight: of(w.guardian, l.guardian) },
  ];
}
