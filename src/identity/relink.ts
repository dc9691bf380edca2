/**
 * Records that waited because the registry was down are linked when it answers again: the same
 * linking rule as at intake, then the provisional person's check-ups move to the citizen.
 */
import type { Deps } from "../deps.ts";
import type { CheckupRecord } from "../checkup/model.ts";
import type { Registry } from "./registry.ts";
import { RegistryUnavailableError } from "./registry-http.ts";
import { decideLink } from "./link.ts";
import { ensureRegistryPersons, mergeProvisional, setIdentityReason, waitingForRegistry } from "../record/persons-repo.ts";
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
        const ids = await ensureRegistryPersons(tx, [link.person]);
        const to = ids.get(link.person.personalId)!;
        await mergeProvisional(tx, w.person_id, to);
        await withdrawCasesOf(tx, [w.person_id], deps.clock());
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
