/**
 * Merges and unmerges (issue 4 §5). Merge: two persons found to be one — everything `from` holds
 * moves to `into`, and `from` is kept, marked merged, so an undo can move it back. Unmerge: one
 * person found to be two — the named check-ups (with all their versions) move out, to a person the
 * steward names or to a new provisional person with a review case of its own. Both write change
 * events for every check-up moved, so the health book, indicators and follow-ups restate.
 * A provincial steward needs both persons in the province.
 */
import { randomUUID } from "node:crypto";
import type { Deps } from "../../deps.ts";
import { findCase, openCasesOf, updateCase, upsertOpenCases } from "./cases-repo.ts";
import { auditDecision } from "./decide.ts";
import { insertDecision } from "./decisions-repo.ts";
import { applyMoves, applyPersonStates, LINKED, movesOfAll, snapshot, type CaseChange, type IdentityState, type Move, type PersonChange } from "./effects.ts";
import { evidenceKey } from "./evidence.ts";
import { heldCheckups, latestRecord, lockKeysOf } from "./moves-repo.ts";
import { findPerson, insertProvisional, lockPersons, type PersonRow } from "./persons-repo.ts";
import { readyMatcher, type IdentityPorts } from "./ports.ts";
import { refuse } from "./refusals.ts";
import { personInScope, refuseOutsideScope, type Steward } from "./scope.ts";

export interface MergeResult {
  decision_id: string;
  from_person_id: string;
  into_person_id: string;
  moved_checkups: number;
  /** The open case of a merged provisional person, settled by the merge. */
  cases: string[];
}

async function scopedPerson(deps: Deps, s: Steward, personId: string, path: string): Promise<PersonRow> {
  const p = (await findPerson(deps.db, personId)) ?? refuse.personNotFound(path);
  if (p.merged_into !== null) refuse.personMerged(path);
  if (!(await personInScope(deps, s.who, p.person_id))) {
    await refuseOutsideScope(deps, s, "identity.decision", [p.personal_id], `person:${p.person_id}`);
  }
  return p;
}

/** Re-reads the persons under lock: one of them may have been merged since the first look. */
function stillUnmerged(locked: ReadonlyMap<string, PersonRow>, checks: readonly [string, string][]): void {
  for (const [id, path] of checks) {
    const p = locked.get(id) ?? refuse.personNotFound(path);
    if (p.merged_into !== null) refuse.personMerged(path);
  }
}

export async function mergePersons(deps: Deps, s: Steward, input: { fromPersonId: string; intoPersonId: string; reason: string }): Promise<MergeResult> {
  if (input.fromPersonId === input.intoPersonId) refuse.samePerson();
  const from = await scopedPerson(deps, s, input.fromPersonId, "from_person_id");
  const into = await scopedPerson(deps, s, input.intoPersonId, "into_person_id");
  const decisionId = randomUUID();
  const at = deps.clock();
  const out = await deps.db.transaction(async (tx) => {
    await lockKeysOf(tx, [from.person_id]);
    const locked = await lockPersons(tx, [from.person_id, into.person_id]);
    stillUnmerged(locked, [[from.person_id, "from_person_id"], [into.person_id, "into_person_id"]]);
    const intoSettled = into.kind !== "provisional";
    const moves = await movesOfAll(tx, [from.person_id], into.person_id, intoSettled ? LINKED : null);
    const persons = [{ personId: from.person_id, before: { kind: from.kind, mergedInto: null }, after: { kind: from.kind, mergedInto: into.person_id } }];
    const cases: CaseChange[] = [];
    for (const c of await openCasesOf(tx, [from.person_id])) {
      const state = { status: intoSettled ? ("linked" as const) : ("withdrawn" as const), resolvedPersonId: into.person_id, rejected: c.rejected };
      const row = await updateCase(tx, c.case_id, { open: true }, state, { accountId: s.who.accountId, at });
      if (row) cases.push({ caseId: c.case_id, before: snapshot({ ...row, status: "open", resolved_person_id: null, version: row.version - 1 }), after: snapshot(row) });
    }
    await applyMoves(tx, moves, "person.merged");
    await applyPersonStates(tx, persons, at);
    await insertDecision(tx, {
      decisionId, action: "merge", caseId: null, fromPersonId: from.person_id, toPersonId: into.person_id, personalId: into.personal_id,
      checkupIds: moves.map((m) => m.checkupId), effects: { moves, persons, cases }, reason: input.reason,
      scopeProvince: s.who.scopeProvince, decidedBy: s.who.accountId, decidedAt: at, undoes: null,
    });
    return { moved: moves.length, cases: cases.map((c) => c.caseId) };
  });
  await auditDecision(deps, s, from.personal_id, into.personal_id);
  return { decision_id: decisionId, from_person_id: from.person_id, into_person_id: into.person_id, moved_checkups: out.moved, cases: out.cases };
}

export interface UnmergeResult {
  decision_id: string;
  from_person_id: string;
  /** The person the check-ups went to: the one named, or a new provisional person. */
  person_id: string;
  moved_checkups: number;
  /** The review case opened for the new provisional person (null when a person was named). */
  case_id: string | null;
}

export async function unmergePerson(
  deps: Deps,
  ports: IdentityPorts,
  s: Steward,
  input: { personId: string; checkupIds: string[]; reason: string; intoPersonId: string | null },
): Promise<UnmergeResult> {
  if (input.intoPersonId === input.personId) refuse.samePerson();
  const from = await scopedPerson(deps, s, input.personId, "person_id");
  const into = input.intoPersonId ? await scopedPerson(deps, s, input.intoPersonId, "into_person_id") : null;
  const matcher = into ? null : await readyMatcher(ports);
  const decisionId = randomUUID();
  const at = deps.clock();
  const out = await deps.db.transaction(async (tx) => {
    await lockKeysOf(tx, [from.person_id]);
    const locked = await lockPersons(tx, [from.person_id, ...(into ? [into.person_id] : [])]);
    stillUnmerged(locked, [[from.person_id, "person_id"], ...(into ? [[into.person_id, "into_person_id"] as [string, string]] : [])]);
    const held = await heldCheckups(tx, [from.person_id]);
    const named = held.filter((h) => input.checkupIds.includes(h.checkup_id));
    if (named.length !== new Set(input.checkupIds).size) refuse.checkupNotHeld();
    // A check-up is its versions: all of them go, or the history would be split between two people.
    const keys = new Set(named.map((h) => `${h.facility_id}|${h.ma_lk}`));
    const moving = held.filter((h) => keys.has(`${h.facility_id}|${h.ma_lk}`));

    const toId = into?.person_id ?? randomUUID();
    let caseId: string | null = null;
    const persons: PersonChange[] = [];
    const cases: CaseChange[] = [];
    if (!into) {
      const latest = (await latestRecord(tx, from.person_id, moving.map((h) => h.checkup_id)))!;
      const p = latest.record.patient;
      await insertProvisional(tx, {
        personId: toId, fullName: p.fullName, birthDate: p.birthDate?.iso.slice(0, 10) ?? null, sex: p.sex, provinceCode: p.provinceCode, communeCode: p.communeCode,
      });
      persons.push({ personId: toId, before: null, after: { kind: "provisional", mergedInto: null } });
      caseId = randomUUID();
      await upsertOpenCases(tx, [{
        caseId, personId: toId, checkupId: latest.checkup_id, facilityId: latest.facility_id, provinceCode: latest.facility_province,
        personProvinceCode: p.provinceCode, reason: "unmerged", match: matcher?.match(latest.record) ?? null, evidenceKey: evidenceKey(p),
      }], at);
      const opened = (await findCase(tx, caseId))!;
      cases.push({ caseId, before: null, after: snapshot(opened) });
    }

    const after: IdentityState = into && into.kind !== "provisional" ? LINKED : { status: "review", reason: "unmerged" };
    const moves: Move[] = moving.map((h) => ({ checkupId: h.checkup_id, from: from.person_id, to: toId, before: { status: h.identity_status, reason: h.identity_reason }, after }));
    await applyMoves(tx, moves, "person.unmerged");
    await insertDecision(tx, {
      decisionId, action: "unmerge", caseId, fromPersonId: from.person_id, toPersonId: toId, personalId: into?.personal_id ?? null,
      checkupIds: moves.map((m) => m.checkupId), effects: { moves, persons, cases }, reason: input.reason,
      scopeProvince: s.who.scopeProvince, decidedBy: s.who.accountId, decidedAt: at, undoes: null,
    });
    return { toId, caseId, moved: moves.length };
  });
  await auditDecision(deps, s, from.personal_id, into?.personal_id ?? null);
  return { decision_id: decisionId, from_person_id: from.person_id, person_id: out.toId, moved_checkups: out.moved, case_id: out.caseId };
}
