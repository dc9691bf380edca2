/**
 * The matcher's decision for one record: find candidates (blocking.ts), score each field by field
 * (compare.ts, score.ts), drop household members who cannot be the patient (rules.ts), then
 * link the best candidate automatically, send it to a steward, or call the person new. A link needs
 * the score at the link threshold, a clear lead over the runner-up and no household rule holding it
 * back; every answer carries the score breakdown of the candidates it weighed. Pure.
 */
import { findCandidates, type BlockingIndex, type BlockKind } from "./blocking.ts";
import { compareFields, recordContext, type FieldLevels, type RecordContext } from "./compare.ts";
import { prepareInput } from "./prepare.ts";
import { exclusionRule, holdRules, type ExclusionRule, type HoldRule } from "./rules.ts";
import { breakdownOf, scoreOf, type Contribution } from "./score.ts";
import { DEFAULT_MATCH_SETTINGS, type MatchSettings } from "./settings.ts";
import type { MatchInput } from "./types.ts";

export type MatchDecision = "linked" | "review" | "new";

/** Why a record was not linked automatically (stable codes for the review queue). */
export type MatchReason = "no-candidate" | "below-review-threshold" | "below-link-threshold" | "ambiguous" | HoldRule;

export interface ScoredCandidate {
  personalId: string;
  score: number;
  breakdown: Contribution[];
  /** The blocking keys that found this person. */
  via: BlockKind[];
  /** Set when a household rule rules this person out whatever the score. */
  excludedBy?: ExclusionRule;
}

export interface MatchResult {
  decision: MatchDecision;
  /** The linked person; absent for review (the proposal is `candidates[0]`) and for new. */
  personalId?: string;
  /** The best eligible candidate's score and breakdown (0 and [] when there is none). */
  score: number;
  breakdown: Contribution[];
  reasons: MatchReason[];
  /** Best first: eligible candidates, then excluded ones, at most `settings.reportedCandidates`. */
  candidates: ScoredCandidate[];
}

interface Scored {
  row: number;
  score: number;
  via: BlockKind[];
  levels: FieldLevels;
  excludedBy: ExclusionRule | null;
}

function scoreAll(ctx: RecordContext, settings: MatchSettings): Scored[] {
  return findCandidates(ctx.index, ctx.x, settings.blocks).map(({ row, via }) => {
    const levels = compareFields(ctx, row);
    return { row, via, levels, score: scoreOf(ctx.weights, levels), excludedBy: exclusionRule(ctx, row, levels) };
  });
}

function publicView(ctx: RecordContext, c: Scored): ScoredCandidate {
  return {
    personalId: ctx.index.table.personalIds[c.row] as string,
    score: c.score,
    breakdown: breakdownOf(ctx.weights, c.levels),
    via: c.via,
    ...(c.excludedBy ? { excludedBy: c.excludedBy } : {}),
  };
}

export function matchRecord(input: MatchInput, index: BlockingIndex, settings: MatchSettings = DEFAULT_MATCH_SETTINGS): MatchResult {
  const ctx = recordContext(prepareInput(input, index.crosswalks), index, settings);
  const scored = scoreAll(ctx, settings).sort((a, b) => b.score - a.score);
  const eligible = scored.filter((c) => !c.excludedBy);
  const shown = [...eligible, ...scored.filter((c) => c.excludedBy)].slice(0, settings.reportedCandidates);
  const reported = shown.map((c) => publicView(ctx, c));
  const [best, second] = eligible;
  if (!best) return { decision: "new", score: 0, breakdown: [], reasons: ["no-candidate"], candidates: reported };
  const base = { score: best.score, breakdown: breakdownOf(ctx.weights, best.levels), candidates: reported };
  if (best.score < settings.reviewThreshold) return { ...base, decision: "new", reasons: ["below-review-threshold"] };

  const reasons: MatchReason[] = [];
  if (best.score < settings.linkThreshold) reasons.push("below-link-threshold");
  if (second && second.score >= settings.reviewThreshold && best.score - second.score < settings.margin) reasons.push("ambiguous");
  reasons.push(...holdRules(ctx, best.row, best.levels));
  if (reasons.length > 0) return { ...base, decision: "review", reasons };
  return { ...base, decision: "linked", personalId: ctx.index.table.personalIds[best.row] as string, reasons };
}
