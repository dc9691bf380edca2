/**
 * What a decision changes, written down so it can be undone: check-ups moved (with their identity
 * status before and after), persons' kind and merged_into, cases' state and version. Every action
 * applies its effects through here, and an undo applies the inverse — after checking that each
 * thing is still as the decision left it, so an undo never overwrites a later decision.
 */
import type { Queryable } from "../../db/port.ts";
import { updateCase, type CaseState } from "./cases-repo.ts";
import { heldCheckups, holdersOf, insertChangeEvents, moveCheckups, setIdentity } from "./moves-repo.ts";
import { deleteEmptyProvisional, setPersonState, type PersonKind, type PersonRow } from "./persons-repo.ts";
import { refuse } from "./refusals.ts";

export interface IdentityState {
  status: "linked" | "review";
  reason: string | null;
}

export interface Move {
  checkupId: string;
  from: string;
  /** Equal to `from` when only the identity status changes (a "new person" decision). */
  to: string;
  before: IdentityState;
  after: IdentityState;
}

export interface PersonState {
  kind: PersonKind;
  mergedInto: string | null;
}

export interface PersonChange {
  personId: string;
  /** Null: the decision created this person. */
  before: PersonState | null;
  after: PersonState;
}

export interface CaseSnapshot extends CaseState {
  version: number;
}

export interface CaseChange {
  caseId: string;
  /** Null: the decision opened this case. */
  before: CaseSnapshot | null;
  after: CaseSnapshot;
}

export interface Effects {
  moves: Move[];
  persons: PersonChange[];
  cases: CaseChange[];
}

export const LINKED: IdentityState = { status: "linked", reason: null };

/** Moves the check-ups and sets their identity status; each person gaining or losing one gets an event. */
export async function applyMoves(tx: Queryable, moves: readonly Move[], eventKind: string): Promise<void> {
  const groups = new Map<string, { from: string; to: string; ids: string[] }>();
  for (const m of moves) {
    const key = `${m.from}>${m.to}`;
    const g = groups.get(key) ?? { from: m.from, to: m.to, ids: [] };
    g.ids.push(m.checkupId);
    groups.set(key, g);
  }
  for (const g of groups.values()) await moveCheckups(tx, g.ids, g.from, g.to);
  await setIdentity(tx, moves.map((m) => ({ personId: m.to, checkupId: m.checkupId, ...m.after })));
  await insertChangeEvents(
    tx,
    moves.flatMap((m) => [
      { personId: m.to, checkupId: m.checkupId, kind: eventKind },
      ...(m.from === m.to ? [] : [{ personId: m.from, checkupId: m.checkupId, kind: eventKind }]),
    ]),
  );
}

export async function applyPersonStates(tx: Queryable, changes: readonly PersonChange[], at: Date): Promise<void> {
  for (const c of changes) await setPersonState(tx, c.personId, c.after, at);
}

/** Moves for everything `from` holds, to `to`, ending in `after` (or keeping each one's status). */
export async function movesOfAll(tx: Queryable, from: readonly string[], to: string, after: IdentityState | null): Promise<Move[]> {
  const held = await heldCheckups(tx, from);
  return held.map((h) => {
    const before = { status: h.identity_status, reason: h.identity_reason };
    return { checkupId: h.checkup_id, from: h.person_id, to, before, after: after ?? before };
  });
}

const samePerson = (row: PersonRow | undefined, s: PersonState): boolean => row !== undefined && row.kind === s.kind && row.merged_into === s.mergedInto;

/**
 * Undoes `effects` in the caller's transaction (keys and persons already locked by the caller):
 * refuses with IDENTITY-UNDO-STALE when a check-up moved again, a person changed, or a case moved on.
 */
export async function revertEffects(
  tx: Queryable,
  effects: Effects,
  persons: ReadonlyMap<string, PersonRow>,
  by: { accountId: string; at: Date },
): Promise<Effects> {
  const holders = await holdersOf(tx, effects.moves.map((m) => m.to), effects.moves.map((m) => m.checkupId));
  const now = new Map(holders.map((h) => [h.checkup_id, h]));
  for (const m of effects.moves) {
    const h = now.get(m.checkupId);
    if (!h || h.person_id !== m.to || h.identity_status !== m.after.status) refuse.undoStale();
  }
  for (const p of effects.persons) if (!samePerson(persons.get(p.personId), p.after)) refuse.undoStale();

  const moves: Move[] = effects.moves.map((m) => ({ checkupId: m.checkupId, from: m.to, to: m.from, before: m.after, after: m.before }));
  await applyMoves(tx, moves, "identity.undone");

  const personChanges: PersonChange[] = [];
  for (const p of effects.persons) {
    if (p.before === null) await deleteEmptyProvisional(tx, p.personId);
    else {
      await setPersonState(tx, p.personId, p.before, by.at);
      personChanges.push({ personId: p.personId, before: p.after, after: p.before });
    }
  }

  const caseChanges: CaseChange[] = [];
  for (const c of effects.cases) {
    const target: CaseState = c.before ?? { ...c.after, status: "withdrawn" };
    const row = await updateCase(tx, c.caseId, { version: c.after.version }, target, { accountId: by.accountId, at: by.at });
    if (!row) refuse.undoStale();
    caseChanges.push({ caseId: c.caseId, before: c.after, after: snapshot(row!) });
  }
  return { moves, persons: personChanges, cases: caseChanges };
}

export function snapshot(row: { status: CaseState["status"]; resolved_person_id: string | null; rejected: string[]; version: number }): CaseSnapshot {
  return { status: row.status, resolvedPersonId: row.resolved_person_id, rejected: row.rejected, version: row.version };
}
