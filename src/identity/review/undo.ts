/**
 * Undo (issue 4 §4: "every decision can be undone and is recorded with who and when"): puts back
 * what a decision changed — check-ups to the persons they came from with their identity status,
 * persons' kind and merged_into, cases' state — and records the undo as a decision of its own.
 * Refused when anything has moved on since (IDENTITY-UNDO-STALE: undo the later decision first),
 * when it was undone already, or for an undo itself (decide again instead).
 * Who may undo: a national steward; a steward of the province the decision was made in; for a
 * case decision, a steward whose province the case is in.
 */
import { randomUUID } from "node:crypto";
import type { Deps } from "../../deps.ts";
import { findCase } from "./cases-repo.ts";
import { auditDecision } from "./decide.ts";
import { findDecision, insertDecision, lockDecision, markUndone, type DecisionRow } from "./decisions-repo.ts";
import { revertEffects } from "./effects.ts";
import { lockKeysOf } from "./moves-repo.ts";
import { lockPersons } from "./persons-repo.ts";
import { refuse } from "./refusals.ts";
import { inScope, refuseOutsideScope, type Steward } from "./scope.ts";

export interface UndoResult {
  decision_id: string;
  undoes: string;
  moved_checkups: number;
  cases: { case_id: string; status: string; version: number }[];
}

async function mayUndo(deps: Deps, s: Steward, d: DecisionRow): Promise<boolean> {
  if (s.who.scopeProvince === null || s.who.scopeProvince === d.scope_province) return true;
  const c = d.case_id ? await findCase(deps.db, d.case_id) : null;
  return c !== null && inScope(s.who, [c.province_code, c.person_province_code]);
}

export async function undoDecision(deps: Deps, s: Steward, decisionId: string): Promise<UndoResult> {
  const d = (await findDecision(deps.db, decisionId)) ?? refuse.decisionNotFound();
  if (!(await mayUndo(deps, s, d))) await refuseOutsideScope(deps, s, "identity.decision", [d.personal_id], `decision:${d.decision_id}`);
  if (d.action === "undo") refuse.undoNotUndoable();
  if (d.undone_by !== null) refuse.alreadyUndone();
  const undoId = randomUUID();
  const at = deps.clock();
  const effects = await deps.db.transaction(async (tx) => {
    // The decision row first: two undos of one decision queue here, and the second finds it undone.
    if ((await lockDecision(tx, d.decision_id))?.undone_by !== null) refuse.alreadyUndone();
    const involved = [...d.effects.moves.flatMap((m) => [m.from, m.to]), ...d.effects.persons.map((p) => p.personId)];
    await lockKeysOf(tx, d.effects.moves.map((m) => m.to));
    const locked = await lockPersons(tx, involved);
    const reverted = await revertEffects(tx, d.effects, locked, { accountId: s.who.accountId, at });
    await insertDecision(tx, {
      decisionId: undoId, action: "undo", caseId: d.case_id, fromPersonId: d.to_person_id, toPersonId: d.from_person_id, personalId: d.personal_id,
      checkupIds: reverted.moves.map((m) => m.checkupId), effects: reverted, reason: null,
      scopeProvince: s.who.scopeProvince, decidedBy: s.who.accountId, decidedAt: at, undoes: d.decision_id,
    });
    if (!(await markUndone(tx, d.decision_id, undoId))) refuse.alreadyUndone();
    return reverted;
  });
  await auditDecision(deps, s, d.personal_id);
  return {
    decision_id: undoId,
    undoes: d.decision_id,
    moved_checkups: effects.moves.filter((m) => m.from !== m.to).length,
    cases: effects.cases.map((c) => ({ case_id: c.caseId, status: c.after.status, version: c.after.version })),
  };
}
