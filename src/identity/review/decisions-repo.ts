/** identity_decisions: the history of stewards' decisions, each with what it changed. */
import { sql, type Queryable } from "../../db/port.ts";
import type { Effects } from "./effects.ts";

export const DECISION_ACTIONS = ["link", "reject-candidate", "new-person", "merge", "unmerge", "undo"] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

export interface DecisionRow {
  decision_id: string;
  seq: number;
  action: DecisionAction;
  case_id: string | null;
  case_ids: string[];
  from_person_id: string | null;
  to_person_id: string | null;
  personal_id: string | null;
  checkup_ids: string[];
  effects: Effects;
  reason: string | null;
  scope_province: string | null;
  decided_by: string;
  decided_at: string;
  undoes: string | null;
  undone_by: string | null;
}

export interface NewDecision {
  decisionId: string;
  action: DecisionAction;
  caseId: string | null;
  fromPersonId: string | null;
  toPersonId: string | null;
  personalId: string | null;
  checkupIds: string[];
  effects: Effects;
  reason: string | null;
  scopeProvince: string | null;
  decidedBy: string;
  decidedAt: Date;
  undoes: string | null;
}

export async function insertDecision(tx: Queryable, d: NewDecision): Promise<void> {
  await tx.query(sql`
    INSERT INTO identity_decisions (decision_id, action, case_id, case_ids, from_person_id, to_person_id, personal_id, checkup_ids, effects,
      reason, scope_province, decided_by, decided_at, undoes)
    VALUES (${d.decisionId}, ${d.action}, ${d.caseId}, ${d.effects.cases.map((c) => c.caseId)}::uuid[], ${d.fromPersonId}, ${d.toPersonId}, ${d.personalId}, ${d.checkupIds}::uuid[],
      ${JSON.stringify(d.effects)}::jsonb, ${d.reason}, ${d.scopeProvince}, ${d.decidedBy}, ${d.decidedAt.toISOString()}, ${d.undoes})`);
}

export async function findDecision(db: Queryable, decisionId: string): Promise<DecisionRow | null> {
  const rows = await db.query<DecisionRow>(sql`SELECT * FROM identity_decisions WHERE decision_id = ${decisionId}`);
  return rows[0] ?? null;
}

/** Marks a decision undone, once: false when another undo got there first. */
export async function markUndone(tx: Queryable, decisionId: string, undoneBy: string): Promise<boolean> {
  const rows = await tx.query<{ decision_id: string }>(sql`
    UPDATE identity_decisions SET undone_by = ${undoneBy} WHERE decision_id = ${decisionId} AND undone_by IS NULL RETURNING decision_id`);
  return rows.length === 1;
}

export interface DecisionListRow {
  decision_id: string;
  action: DecisionAction;
  personal_id: string | null;
  to_person_id: string | null;
  checkup_count: number;
  reason: string | null;
  decided_at: string;
  decided_by: string;
  decided_by_name: string | null;
  undoes: string | null;
  undone_by: string | null;
}

/** Every decision that changed a case (its own, and those that settled it along with a sibling), oldest first. */
export async function caseDecisions(db: Queryable, caseId: string): Promise<DecisionListRow[]> {
  return db.query<DecisionListRow>(sql`
    SELECT d.decision_id, d.action, d.personal_id, d.to_person_id, cardinality(d.checkup_ids) AS checkup_count, d.reason,
      d.decided_at, d.decided_by, coalesce(sp.display_name, a.username) AS decided_by_name, d.undoes, d.undone_by
    FROM identity_decisions d
    LEFT JOIN accounts a ON a.account_id = d.decided_by
    LEFT JOIN staff_profiles sp ON sp.account_id = d.decided_by
    WHERE d.case_ids @> ARRAY[${caseId}::uuid]
    ORDER BY d.seq`);
}

export async function lockDecision(tx: Queryable, decisionId: string): Promise<Pick<DecisionRow, "undone_by"> | null> {
  const rows = await tx.query<Pick<DecisionRow, "undone_by">>(sql`
    SELECT undone_by FROM identity_decisions WHERE decision_id = ${decisionId} FOR UPDATE`);
  return rows[0] ?? null;
}
