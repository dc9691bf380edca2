/**
 * Records that waited because the registry was down are linked when it answers again: the same
 * linking rule as at intake, then the provisional person's check-ups move to the citizen.
 */
import type { Deps } from "../deps.ts";
import type { CheckupRecord } from "../checkup/model.ts";
import type { Registry } from "./registry.ts";
import { RegistryUnavailableError } from "./registry-http.ts";
import { decideLink } from "./link.ts";
import { ensureRegistryPersons, setIdentityReason, waitingForRegistry } from "../record/persons-repo.ts";
import { heldCheckups, lockKeysOf, moveCheckups, setIdentity } from "./review/moves-repo.ts";
import { deleteEmptyProvisional } from "./review/persons-repo.ts";
import { insertEvents } from "../record/checkups-repo.ts";
import { withdrawCasesOf } from "./review/intake.ts";

export interface RelinkResult {
  linked: number;
  stillWaiting: number;
  toReview: number;
}

export async function relinkWaiting(deps: Deps, registry: Registry, limit = 500): Promise<RelinkResult> {
  const waiting = await waitingForRegistry(deps.db, limit);
  const result: RelinkResult = { linked: 0, stillWaiting: 0, toReview: 0 };
  if (waiting.length === 0) return result;
  const records = waiting.map((w) => ({ ...w, record: w.record as CheckupRecord }));
  let found;
  try {
    found = await registry.lookup(records.flatMap((w) => (w.record.patient.personalId ? [w.record.patient.personalId] : [])));
  } catch (err) {
    if (err instanceof RegistryUnavailableError) return { ...result, stillWaiting: waiting.length };
    throw err;
  }
  for (const w of records) {
    const link = decideLink(w.record, w.record.patient.personalId ? found.get(w.record.patient.personalId) : undefined);
    await deps.db.transaction(async (tx) => {
      if (link.status === "linked") {
        const to = (await ensureRegistryPersons(tx, [link.person])).get(link.person.personalId)!;
        // The one move mechanism (review/moves-repo.ts): every person-keyed row, key locks in
        // intake's order; then the emptied provisional person goes.
        await lockKeysOf(tx, [w.person_id]);
        const held = await heldCheckups(tx, [w.person_id]);
        const ids = held.map((h) => h.checkup_id);
        await withdrawCasesOf(tx, [w.person_id], deps.clock());
        await moveCheckups(tx, ids, w.person_id, to);
        await setIdentity(tx, ids.map((checkupId) => ({ personId: to, checkupId, status: "linked", reason: null })));
        await deleteEmptyProvisional(tx, w.person_id);
        await insertEvents(tx, [{ personId: to, checkupId: w.checkup_id, kind: "checkup.linked" }]);
        result.linked++;
      } else {
        await setIdentityReason(tx, w.person_id, w.checkup_id, link.reason);
        result.toReview++;
      }
    });
  }
  return result;
}
