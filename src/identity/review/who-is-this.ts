/**
 * "Who is this?" (issue 4 §6): a facility sends the demographics it has at the front desk and gets
 * the matcher's decision without anything being created, so its software can fix the ID before it
 * submits. The answer names a person only when the match is automatic (linked); otherwise it says
 * how each field compared with the best candidate (levels and weights, never a registry value), and
 * nothing at all about a candidate below the review threshold. A resolved person is audited: the
 * citizen sees which facility looked them up.
 */
import type { Deps } from "../../deps.ts";
import type { Principal } from "../../access/tokens.ts";
import { parseMoment } from "../../formats/moment.ts";
import { birthDateFromMoment, matchSex, type MatchDecision, type MatchInput } from "../match/index.ts";
import { identityAudit } from "./identity-audit.ts";
import { readyMatcher, type IdentityPorts } from "./ports.ts";
import { refuse } from "./refusals.ts";

export interface WhoIsThisInput {
  fullName: string | null;
  /** As the facility's software holds it: `yyyymmdd[HHMM]` (0000 for unknown parts), `YYYY-MM-DD`, `dd/mm/yyyy`. */
  birthDate: string | null;
  sex: string | null;
  personalId: string | null;
  communeCode: string | null;
  provinceCode: string | null;
  address: string | null;
  phone: string | null;
  insuranceNumber: string | null;
  guardianPersonalId: string | null;
}

export interface WhoIsThisAnswer {
  decision: MatchDecision;
  /** Only when linked. */
  personal_id?: string;
  score: number;
  breakdown: { field: string; level: string; weight: number }[];
}

export function matchInputOf(i: WhoIsThisInput): MatchInput {
  return {
    fullName: i.fullName,
    birthDate: birthDateFromMoment(i.birthDate ? parseMoment(i.birthDate) : null),
    sex: matchSex(i.sex),
    personalIdRaw: i.personalId,
    communeCode: i.communeCode,
    provinceCode: i.provinceCode,
    address: i.address,
    phone: i.phone,
    insuranceNumber: i.insuranceNumber,
    guardianPersonalId: i.guardianPersonalId,
  };
}

const round = (n: number): number => Math.round(n * 100) / 100;

export async function whoIsThis(deps: Deps, ports: IdentityPorts, caller: { who: Principal; requestId: string }, input: WhoIsThisInput): Promise<WhoIsThisAnswer> {
  const matcher = (await readyMatcher(ports)) ?? refuse.matcherUnavailable();
  const result = matcher.matchInput(matchInputOf(input)) ?? refuse.matcherUnavailable();
  if (result.decision === "new") return { decision: "new", score: 0, breakdown: [] };
  const breakdown = result.breakdown.map((b) => ({ field: b.field, level: b.level, weight: round(b.weight) }));
  if (result.decision === "review") return { decision: "review", score: round(result.score), breakdown };
  const personalId = result.personalId!;
  await identityAudit(deps, [{ who: caller.who, personalId, action: "identity.match", purpose: "identity-check", outcome: "allowed", requestId: caller.requestId }]);
  return { decision: "linked", personal_id: personalId, score: round(result.score), breakdown };
}
