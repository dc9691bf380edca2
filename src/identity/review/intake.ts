/**
 * What intake calls, inside its own transaction, for records the linking rule (identity/link.ts)
 * could not settle: `identityRoute` says what to do with the matcher's answer; then a case is
 * opened for each record that goes to review (`openReviewCases`), a provisional person becomes an
 * unregistered one when the matcher calls the person new (`settleNewPersons`), and automatic
 * decisions keep their score breakdown (`recordMatchDecisions`). `withdrawCasesOf` closes the case
 * of a person whose records left review by another road (the registry answered again).
 */
import { randomUUID } from "node:crypto";
import type { Queryable } from "../../db/port.ts";
import type { MatchResult } from "../match/index.ts";
import { upsertOpenCases, waitingFacts, withdrawOpenCases, type CaseReason } from "./cases-repo.ts";
import { evidenceKey } from "./evidence.ts";
import { insertMatches } from "./matches-repo.ts";
import { setIdentity } from "./moves-repo.ts";
import { makeUnregistered } from "./persons-repo.ts";

export type IdentityRoute = "link" | "new-person" | "review";

/**
 * The matcher links when it is sure. It may call someone new only when the record carries no
 * personal ID (a passport, a newborn): a 12-digit ID the registry lacks, or one whose holder
 * disagrees, belongs to someone the registry should know — a steward looks.
 */
export function identityRoute(reason: CaseReason, match: MatchResult | null): IdentityRoute {
  if (match === null) return "review";
  if (match.decision === "linked") return "link";
  if (match.decision === "new" && reason === "no-id") return "new-person";
  return "review";
}

export interface ReviewCaseInput {
  /** The provisional person holding the record. */
  personId: string;
  checkupId: string;
  facilityId: string;
  /** The facility's province. */
  provinceCode: string;
  reason: CaseReason;
  match: MatchResult | null;
}

/**
 * Opens a case for each record that goes to review. A person with an open case keeps it (a
 * re-sent record still waiting): it now shows the newer version, and its version moves so that a
 * decision made on the old one conflicts.
 */
export async function openReviewCases(tx: Queryable, cases: readonly ReviewCaseInput[], at: Date = new Date()): Promise<void> {
  if (cases.length === 0) return;
  const facts = await waitingFacts(tx, cases.map((c) => c.personId), cases.map((c) => c.checkupId));
  const byCheckup = new Map(facts.map((f) => [f.checkup_id, f]));
  // One case per person: the last record named for a person wins (the newest version).
  const perPerson = new Map(cases.map((c) => [c.personId, c]));
  await upsertOpenCases(
    tx,
    [...perPerson.values()].map((c) => {
      const f = byCheckup.get(c.checkupId);
      return {
        caseId: randomUUID(),
        personId: c.personId,
        checkupId: c.checkupId,
        facilityId: c.facilityId,
        provinceCode: c.provinceCode,
        personProvinceCode: f?.patient.provinceCode ?? f?.person_province_code ?? null,
        reason: c.reason,
        match: c.match,
        evidenceKey: f ? evidenceKey(f.patient) : null,
      };
    }),
    at,
  );
}

/**
 * The matcher's "new": the provisional person intake stored becomes `unregistered` and its
 * check-up is settled (linked to that person), with the breakdown kept.
 */
export async function settleNewPersons(tx: Queryable, items: readonly { personId: string; checkupId: string; match: MatchResult }[]): Promise<void> {
  if (items.length === 0) return;
  await makeUnregistered(tx, items.map((i) => i.personId));
  await setIdentity(tx, items.map((i) => ({ personId: i.personId, checkupId: i.checkupId, status: "linked", reason: null })));
  await insertMatches(tx, items);
}

/** The matcher's automatic decisions (linked, or a new person) kept with their breakdown. */
export async function recordMatchDecisions(tx: Queryable, rows: readonly { checkupId: string; match: MatchResult }[]): Promise<void> {
  await insertMatches(tx, rows);
}

/**
 * Closes the open case of persons that stopped waiting by another road (relink.ts, when the
 * registry answers again, moves their check-ups with moves-repo.ts `moveCheckups`).
 */
export async function withdrawCasesOf(tx: Queryable, personIds: readonly string[], at: Date = new Date()): Promise<number> {
  return withdrawOpenCases(tx, personIds, at);
}
