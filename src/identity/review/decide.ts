/**
 * A steward's decision on a case (issue 4 §4): link the record to a person, rule a candidate out,
 * or call it a new person the registry does not know. A decision names the case version it was
 * made on; when the case moved meanwhile (someone else decided, or a newer record arrived) it is
 * refused with 409 IDENTITY-CASE-CONFLICT — never applied over the other. Linking or a new person
 * re-links the waiting records: every check-up the provisional person holds, and those of other
 * open cases saying exactly the same about their person (evidence.ts), in one transaction.
 */
import { randomUUID } from "node:crypto";
import type { Deps } from "../../deps.ts";
import type { RegistryPerson } from "../registry.ts";
import { openSiblings, updateCase, type CaseRow } from "./cases-repo.ts";
import { scopedCase } from "./cases.ts";
import { insertDecision, type DecisionAction } from "./decisions-repo.ts";
import { applyMoves, applyPersonStates, LINKED, movesOfAll, snapshot, type CaseChange, type PersonChange } from "./effects.ts";
import { identityAudit } from "./identity-audit.ts";
import { lockKeysOf } from "./moves-repo.ts";
import { ensureRegistryPerson, findPerson, lockPersons, type PersonRow } from "./persons-repo.ts";
import { lookupOrRefuse, type IdentityPorts } from "./ports.ts";
import { refuse } from "./refusals.ts";
import { personInScope, refuseOutsideScope, type Steward } from "./scope.ts";

export type CaseDecision =
  | { action: "link"; personalId: string | null; personId: string | null; expectedVersion: number }
  | { action: "reject-candidate"; personalId: string; expectedVersion: number }
  | { action: "new-person"; expectedVersion: number };

export interface DecisionResult {
  decision_id: string;
  action: DecisionAction;
  case: { case_id: string; status: string; version: number; resolved_person_id: string | null };
  /** Other open cases settled by the same decision (same evidence). */
  also_decided: string[];
  /** The person the records now belong to. */
  person_id: string | null;
  moved_checkups: number;
}

/** Where a link goes: a registry citizen (by personal ID) or a person the hub already holds. */
type Target = { kind: "registry"; person: RegistryPerson } | { kind: "person"; row: PersonRow };

export async function decideCase(deps: Deps, ports: IdentityPorts, s: Steward, caseId: string, d: CaseDecision): Promise<DecisionResult> {
  const c = await scopedCase(deps, s, caseId, "identity.decision");
  if (c.version !== d.expectedVersion) refuse.caseConflict();
  if (c.status !== "open") refuse.caseClosed();
  switch (d.action) {
    case "reject-candidate":
      return rejectCandidate(deps, s, c, d.personalId);
    case "link":
      return settle(deps, s, c, await linkTarget(deps, ports, s, d));
    case "new-person":
      return settle(deps, s, c, null);
  }
}

async function linkTarget(deps: Deps, ports: IdentityPorts, s: Steward, d: { personalId: string | null; personId: string | null }): Promise<Target> {
  if (d.personalId !== null) {
    const person = (await lookupOrRefuse(ports, [d.personalId])).get(d.personalId);
    return person ? { kind: "registry", person } : refuse.notInRegistry();
  }
  const row = (d.personId ? await findPerson(deps.db, d.personId) : null) ?? refuse.personNotFound("person_id");
  if (row.kind === "provisional") refuse.linkTargetProvisional();
  if (row.merged_into !== null) refuse.personMerged("person_id");
  // The registry is national: any citizen may be linked to. A person known only here must be in scope.
  if (row.kind === "unregistered" && !(await personInScope(deps, s.who, row.person_id))) {
    await refuseOutsideScope(deps, s, "identity.decision", [null], `person:${row.person_id}`);
  }
  return { kind: "person", row };
}

async function rejectCandidate(deps: Deps, s: Steward, c: CaseRow, personalId: string): Promise<DecisionResult> {
  const decisionId = randomUUID();
  const at = deps.clock();
  const row = await deps.db.transaction(async (tx) => {
    const rejected = c.rejected.includes(personalId) ? c.rejected : [...c.rejected, personalId];
    const updated =
      (await updateCase(tx, c.case_id, { version: c.version, open: true }, { status: "open", resolvedPersonId: null, rejected }, { accountId: s.who.accountId, at })) ??
      refuse.caseConflict();
    await insertDecision(tx, {
      decisionId, action: "reject-candidate", caseId: c.case_id, fromPersonId: c.person_id, toPersonId: null, personalId, checkupIds: [],
      effects: { moves: [], persons: [], cases: [{ caseId: c.case_id, before: snapshot(c), after: snapshot(updated) }] },
      reason: null, scopeProvince: s.who.scopeProvince, decidedBy: s.who.accountId, decidedAt: at, undoes: null,
    });
    return updated;
  });
  return { decision_id: decisionId, action: "reject-candidate", case: caseOut(row), also_decided: [], person_id: null, moved_checkups: 0 };
}

const caseOut = (r: CaseRow) => ({ case_id: r.case_id, status: r.status, version: r.version, resolved_person_id: r.resolved_person_id });

/** Link (target given) or new person (target null): the case and its siblings, in one transaction. */
async function settle(deps: Deps, s: Steward, c: CaseRow, target: Target | null): Promise<DecisionResult> {
  const personalId = target?.kind === "registry" ? target.person.personalId : (target?.row.personal_id ?? null);
  const siblings = (await openSiblings(deps.db, c, s.who.scopeProvince)).filter((x) => personalId === null || !x.rejected.includes(personalId));
  const decisionId = randomUUID();
  const at = deps.clock();
  const action = target ? "link" : "new-person";
  const out = await deps.db.transaction(async (tx) => {
    const waiting = [c.person_id, ...siblings.map((x) => x.person_id)];
    await lockKeysOf(tx, waiting);
    const to = target?.kind === "registry" ? await ensureRegistryPerson(tx, target.person) : null;
    const toId = to?.person_id ?? (target?.kind === "person" ? target.row.person_id : c.person_id);
    const locked = await lockPersons(tx, [...waiting, toId]);
    const held = locked.get(toId);
    if (target && held && held.merged_into !== null) refuse.personMerged(target.kind === "registry" ? "personal_id" : "person_id");

    const by = { accountId: s.who.accountId, at };
    const state = { status: target ? ("linked" as const) : ("new-person" as const), resolvedPersonId: toId };
    const main = (await updateCase(tx, c.case_id, { version: c.version, open: true }, { ...state, rejected: c.rejected }, by)) ?? refuse.caseConflict();
    const settled = [main];
    for (const x of siblings) {
      const row = await updateCase(tx, x.case_id, { open: true }, { ...state, rejected: x.rejected }, by);
      if (row) settled.push(row);
    }
    const cases: CaseChange[] = settled.map((r) => ({ caseId: r.case_id, before: { ...snapshot(r), status: "open", resolvedPersonId: null, version: r.version - 1 }, after: snapshot(r) }));
    const persons = personChanges(settled.map((r) => locked.get(r.person_id)).filter((p) => p !== undefined), toId, target === null);
    const moves = await movesOfAll(tx, settled.map((r) => r.person_id), toId, LINKED);
    await applyMoves(tx, moves, "checkup.linked");
    await applyPersonStates(tx, persons, at);
    await insertDecision(tx, {
      decisionId, action, caseId: c.case_id, fromPersonId: c.person_id, toPersonId: toId, personalId, checkupIds: moves.map((m) => m.checkupId),
      effects: { moves, persons, cases }, reason: null, scopeProvince: s.who.scopeProvince, decidedBy: s.who.accountId, decidedAt: at, undoes: null,
    });
    return { main, siblings: settled.slice(1).map((r) => r.case_id), toId, moved: moves.length };
  });
  await auditDecision(deps, s, personalId);
  return { decision_id: decisionId, action, case: caseOut(out.main), also_decided: out.siblings, person_id: out.toId, moved_checkups: out.moved };
}

/**
 * Linked: each waiting person is marked merged into the target (kept, so an undo can move the
 * check-ups back). New person: the case's own person becomes `unregistered`; siblings merge into it.
 */
function personChanges(waiting: readonly PersonRow[], toId: string, newPerson: boolean): PersonChange[] {
  return waiting.map((p) => {
    const before = { kind: p.kind, mergedInto: p.merged_into };
    if (p.person_id === toId) return { personId: p.person_id, before, after: { kind: newPerson ? ("unregistered" as const) : p.kind, mergedInto: null } };
    return { personId: p.person_id, before, after: { kind: p.kind, mergedInto: toId } };
  });
}

/** A decision about a registry citizen is shown in their access log. */
export async function auditDecision(deps: Deps, s: Steward, ...personalIds: (string | null)[]): Promise<void> {
  const ids = [...new Set(personalIds.filter((id) => id !== null))];
  await identityAudit(
    deps,
    ids.map((personalId) => ({ who: s.who, personalId, action: "identity.decision", purpose: "identity-review", outcome: "allowed", requestId: s.requestId })),
  );
}
