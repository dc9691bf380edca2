/**
 * Counting the matcher's answers against the truth: automatic-link precision and recall, review
 * and new shares, overall and per defect tag.
 */
import type { MatchResult } from "../../src/identity/match/index.ts";

export interface Tally {
  records: number;
  inRegistry: number;
  linked: number;
  linkedRight: number;
  review: number;
  /** Reviews whose first proposed candidate is the true person. */
  reviewRightFirst: number;
  new: number;
  /** "New" for someone who is in the registry: a duplicate person would be created. */
  newButKnown: number;
}

export const emptyTally = (): Tally => ({
  records: 0, inRegistry: 0, linked: 0, linkedRight: 0, review: 0, reviewRightFirst: 0, new: 0, newButKnown: 0,
});

export function count(t: Tally, truth: string | null, result: MatchResult): void {
  t.records++;
  if (truth !== null) t.inRegistry++;
  switch (result.decision) {
    case "linked":
      t.linked++;
      if (result.personalId === truth) t.linkedRight++;
      break;
    case "review":
      t.review++;
      if (truth !== null && result.candidates[0]?.personalId === truth) t.reviewRightFirst++;
      break;
    case "new":
      t.new++;
      if (truth !== null) t.newButKnown++;
      break;
  }
}

export interface Rates {
  precision: number;
  recall: number;
  reviewShare: number;
  newShare: number;
  wrongLinks: number;
}

export function rates(t: Tally): Rates {
  return {
    precision: t.linked === 0 ? 1 : t.linkedRight / t.linked,
    recall: t.inRegistry === 0 ? 1 : t.linkedRight / t.inRegistry,
    reviewShare: t.review / Math.max(1, t.records),
    newShare: t.new / Math.max(1, t.records),
    wrongLinks: t.linked - t.linkedRight,
  };
}

export const pct = (x: number, digits = 2): string => `${(100 * x).toFixed(digits)} %`;
