/**
 * Threshold sweep without re-matching: a decision depends on the best eligible score, the
 * runner-up's and the household rules, all of which a `MatchResult` reports. So each record is
 * kept as those few numbers and decided again under other link thresholds.
 */
import type { MatchResult, MatchSettings } from "../../src/identity/match/index.ts";

export interface Outcome {
  best: number | null;
  second: number | null;
  held: boolean;
  bestIsTruth: boolean;
  inRegistry: boolean;
}

const HOLDS = new Set(["has-twin", "twin-pair"]);

export function outcomeOf(result: MatchResult, truth: string | null): Outcome {
  const eligible = result.candidates.filter((c) => !c.excludedBy);
  return {
    best: eligible[0]?.score ?? null,
    second: eligible[1]?.score ?? null,
    held: result.reasons.some((r) => HOLDS.has(r)),
    bestIsTruth: truth !== null && eligible[0]?.personalId === truth,
    inRegistry: truth !== null,
  };
}

export interface SweepRow {
  linkThreshold: number;
  precision: number;
  recall: number;
  reviewShare: number;
  wrongLinks: number;
}

export function sweep(outcomes: readonly Outcome[], settings: MatchSettings, linkThresholds: readonly number[]): SweepRow[] {
  const known = outcomes.filter((o) => o.inRegistry).length;
  return linkThresholds.map((linkThreshold) => {
    let linked = 0;
    let right = 0;
    let review = 0;
    for (const o of outcomes) {
      if (o.best === null || o.best < settings.reviewThreshold) continue;
      const ambiguous = o.second !== null && o.second >= settings.reviewThreshold && o.best - o.second < settings.margin;
      if (o.best >= linkThreshold && !ambiguous && !o.held) {
        linked++;
        if (o.bestIsTruth) right++;
      } else review++;
    }
    return { linkThreshold, precision: linked ? right / linked : 1, recall: right / Math.max(1, known), reviewShare: review / outcomes.length, wrongLinks: linked - right };
  });
}
