/**
 * The identity review queue (issue 4 §4): records whose person could not be settled automatically
 * wait here, each on its provisional person, with the matcher's result. Intake opens cases in its
 * own transaction (intake.ts); stewards list them (no personal data in the list) and open
 * one to see the record beside each candidate's registry data — a read of several people's data,
 * so it is audited, person by person. Decisions are in decide.ts, merges in merge.ts, undo in undo.ts.
 */
import type { Deps } from "../../deps.ts";
import type { MatchResult } from "../match/index.ts";
import { identityAudit } from "./identity-audit.ts";
import { candidateIds, candidateViews, recordSide, type CandidateView, type RecordSide } from "./compare-view.ts";
import { caseDecisions, type DecisionListRow } from "./decisions-repo.ts";
import { lookupOrRefuse, readyMatcher, type IdentityPorts } from "./ports.ts";
import { refuse } from "./refusals.ts";
import { inScope, refuseOutsideScope, type Steward } from "./scope.ts";
import {
  caseRecord,
  facilityOf,
  findCase,
  listCases as listCaseRows,
  type CaseFilter,
  type CaseListRow,
  type CaseReason,
  type CaseRow,
  type CaseStatus,
} from "./cases-repo.ts";

export interface CaseSummary {
  case_id: string;
  status: CaseStatus;
  reason: CaseReason;
  version: number;
  facility: { code: string; name: string; province_code: string };
  person_province_code: string | null;
  exam_date: string | null;
  created_at: string;
  decided_at: string | null;
  match: { decision: string; score: number; reasons: string[]; candidates: number } | null;
}

export interface CasePage {
  cases: CaseSummary[];
  /** Pass as `after` for the next page; null on the last one. */
  next_after: number | null;
}

const summary = (r: CaseListRow): CaseSummary => ({
  case_id: r.case_id,
  status: r.status,
  reason: r.reason,
  version: r.version,
  facility: { code: r.facility_code, name: r.facility_name, province_code: r.province_code },
  person_province_code: r.person_province_code,
  exam_date: r.exam_date,
  created_at: r.created_at,
  decided_at: r.decided_at,
  match: r.match_decision === null ? null : { decision: r.match_decision, score: r.match_score ?? 0, reasons: r.match_reasons ?? [], candidates: r.candidate_count },
});

export async function listCases(deps: Deps, s: Steward, q: Omit<CaseFilter, "scope">): Promise<CasePage> {
  const rows = await listCaseRows(deps.db, { ...q, scope: s.who.scopeProvince });
  return { cases: rows.map(summary), next_after: rows.length === q.limit ? (rows[rows.length - 1]?.seq ?? null) : null };
}

export interface CaseDetail extends CaseSummary {
  /** What the record says about its person (null when the check-up is no longer there). */
  record: (RecordSide & { checkup_id: string; ma_lk: string; current_status: string }) | null;
  /** The matcher's answer for the record: best candidate's score and breakdown, and why not linked. */
  match_detail: Pick<MatchResult, "decision" | "score" | "reasons" | "breakdown"> | null;
  candidates: CandidateView[];
  resolved_person_id: string | null;
  decisions: DecisionListRow[];
}

/** The case for a steward in scope; anyone else is refused, and the refusal audited. */
export async function scopedCase(deps: Deps, s: Steward, caseId: string, action: "identity.case.read" | "identity.decision"): Promise<CaseRow> {
  const c = (await findCase(deps.db, caseId)) ?? refuse.caseNotFound();
  if (!inScope(s.who, [c.province_code, c.person_province_code])) await refuseOutsideScope(deps, s, action, [null], `case:${caseId}`);
  return c;
}

export async function readCase(deps: Deps, ports: IdentityPorts, s: Steward, caseId: string): Promise<CaseDetail> {
  const c = await scopedCase(deps, s, caseId, "identity.case.read");
  const held = await caseRecord(deps.db, c);
  const facility = await facilityOf(deps.db, c.facility_id);
  const side = held ? recordSide(held.record) : null;
  // Cases opened before the matcher ran (or by a hub without one) are matched now, for the screen only.
  const matcher = c.match === null && held && c.status === "open" ? await readyMatcher(ports) : null;
  const match = c.match ?? (matcher && held ? matcher.match(held.record) : null);
  const ids = side ? candidateIds(side, match) : [];
  const registry = await lookupOrRefuse(ports, ids);
  const candidates = side ? candidateViews(side, match, registry, c.rejected) : [];
  await identityAudit(deps, [
    { who: s.who, personalId: null, action: "identity.case.read", purpose: "identity-review", outcome: "allowed", requestId: s.requestId, reason: `case:${caseId}` },
    ...candidates
      .filter((v) => v.fields !== null)
      .map((v) => ({ who: s.who, personalId: v.personal_id, action: "identity.case.read" as const, purpose: "identity-review" as const, outcome: "allowed" as const, requestId: s.requestId })),
  ]);
  return {
    case_id: c.case_id,
    status: c.status,
    reason: c.reason,
    version: c.version,
    facility: facility ?? { code: "", name: "", province_code: c.province_code },
    person_province_code: c.person_province_code,
    exam_date: held?.exam_date ?? null,
    created_at: c.created_at,
    decided_at: c.decided_at,
    match: match ? { decision: match.decision, score: match.score, reasons: match.reasons, candidates: match.candidates.length } : null,
    record: held && side ? { checkup_id: c.checkup_id, ma_lk: held.ma_lk, current_status: held.status, ...side } : null,
    match_detail: match ? { decision: match.decision, score: match.score, reasons: match.reasons, breakdown: match.breakdown } : null,
    candidates,
    resolved_person_id: c.resolved_person_id,
    decisions: await caseDecisions(deps.db, caseId),
  };
}
