/**
 * Stores the records of one submission in the caller's transaction: persons, a new version per
 * changed check-up (superseding the previous one), observations, conditions and change events —
 * batched, never a round trip per observation. Unchanged re-sends store nothing (invariant 2).
 */
import { randomUUID } from "node:crypto";
import { runTogether, type Queryable } from "../db/port.ts";
import type { CheckupRecord } from "../checkup/model.ts";
import type { Finding } from "../checkup/finding.ts";
import type { RegistryPerson } from "../identity/registry.ts";
import {
  byKey,
  claimVersions,
  currentKeys,
  keyOf,
  checkupsInsert,
  conditionsInsert,
  insertCheckups,
  eventsInsert,
  observationColumns,
  observationsInsert,
  supersedeOthers,
  type NewObservations,
  type ObservationColumns,
  type CheckupInsert,
  type CheckupKey,
} from "./checkups-repo.ts";
import { recordText, type RecordText } from "./record-text.ts";
import { ensureRegistryPersons, insertProvisionalPersons, type ProvisionalPerson } from "./persons-repo.ts";

export interface StoreItem {
  record: CheckupRecord;
  /** The registry person when linked; null when the record waits for identity review. */
  linkedTo: RegistryPerson | null;
  /** A check-up, or another visit (GIAMDINHHS encounter). */
  kind: "checkup" | "encounter";
  /** Why it waits for identity review (null when linked). */
  identityReason: string | null;
  findings: Finding[];
  late: boolean;
  /** The record's stored JSON and hash when already computed (off the event loop: read-checked.ts). */
  text?: RecordText | undefined;
  /** Its observations as rendered for the INSERT, when already computed (the same). */
  observationColumns?: ObservationColumns | undefined;
}

export interface StoreResult {
  outcome: "accepted" | "unchanged" | "review";
  personId: string;
  checkupId: string;
  version: number | null;
}

/** A record to store with the submission it came in and the facility that sent it. */
export interface StoreEntry extends StoreItem {
  facilityId: string;
  submissionId: string;
}

/** The records of one submission. */
export async function storeCheckups(
  tx: Queryable,
  ctx: { facilityId: string; submissionId: string },
  items: readonly StoreItem[],
): Promise<StoreResult[]> {
  return storeMany(tx, items.map((item) => ({ ...item, ...ctx })));
}

/**
 * The records of any number of submissions (group commit, process.ts) in a fixed number of
 * statements. A key that appears twice (two pushes of one check-up in one group) is claimed in
 * rounds, first occurrence first, so the second supersedes the first as if pushed after it.
 */
export async function storeMany(tx: Queryable, items: readonly StoreEntry[]): Promise<StoreResult[]> {
  const personIds = await ensureRegistryPersons(tx, items.flatMap((i) => (i.linkedTo ? [i.linkedTo] : [])));
  const keyed = items.map((item) => ({ facilityId: item.facilityId, maLk: item.record.maLk! }));
  const existing = await currentKeys(tx, uniqueKeys(keyed));
  const provisional: ProvisionalPerson[] = [];
  // A re-sent record that does not link by itself stays with the key's current person: the
  // provisional one still waiting, or whoever a steward settled it on (then it counts as linked).
  const settled = (i: number) => {
    const prior = items[i]!.linkedTo ? undefined : existing.get(keyOf(keyed[i]!));
    return prior !== undefined && prior.person_kind !== "provisional";
  };
  const newPersonOf = new Map<string, string>();
  const personFor = (item: StoreEntry, i: number): string => {
    if (item.linkedTo) return personIds.get(item.linkedTo.personalId)!;
    const prior = existing.get(keyOf(keyed[i]!));
    if (prior) return prior.person_id;
    const k = keyOf(keyed[i]!);
    const already = newPersonOf.get(k);
    if (already) return already;
    const p = item.record.patient;
    const personId = randomUUID();
    newPersonOf.set(k, personId);
    provisional.push({ personId, fullName: p.fullName, birthDate: p.birthDate?.iso.slice(0, 10) ?? null, sex: p.sex, provinceCode: p.provinceCode, communeCode: p.communeCode });
    return personId;
  };
  const planned = items.map((item, i) => ({ item, personId: personFor(item, i), checkupId: randomUUID(), key: keyed[i]!, text: item.text ?? recordText(item.record) }));
  await insertProvisionalPersons(tx, provisional);

  const results: StoreResult[] = new Array<StoreResult>(planned.length);
  const checkups: CheckupInsert[] = [];
  const observations: NewObservations[] = [];
  const conditions: unknown[][] = [];
  const events: { personId: string; checkupId: string; kind: string }[] = [];
  const latest = new Map<string, CheckupKey & { keepCheckupId: string }>(); // the version each key keeps current
  for (const round of rounds(planned.map((p) => keyOf(p.key)))) {
    const claims = await claimVersions(tx, round.map((i) => ({ ...planned[i]!.key, personId: planned[i]!.personId, checkupId: planned[i]!.checkupId, contentSha256: planned[i]!.text.sha256 })));
    for (const i of round) {
      const { item, personId, key, text } = planned[i]!;
      const r = item.record;
      const claim = claims.get(keyOf(key))!;
      if (claim.version === null) {
        results[i] = { outcome: "unchanged", personId: claim.personId, checkupId: claim.checkupId, version: null };
        continue;
      }
      const identity = item.linkedTo || settled(i) ? "linked" : "review";
      results[i] = { outcome: identity === "linked" ? "accepted" : "review", personId, checkupId: claim.checkupId, version: claim.version };
      if (claim.version > 1) latest.set(keyOf(key), { ...key, keepCheckupId: claim.checkupId });
      const examDate = r.examTime?.iso.slice(0, 10) ?? null;
      checkups.push({
        personId,
        checkupId: claim.checkupId,
        facilityId: item.facilityId,
        maLk: r.maLk!,
        version: claim.version,
        identityStatus: identity,
        identityReason: item.identityReason,
        kind: item.kind,
        submissionId: item.submissionId,
        examTime: r.examTime ? r.examTime.iso.replace("T", " ") : null,
        examDate,
        ageGroup: r.ageGroup,
        formType: r.formType,
        healthClass: r.conclusion.healthClass,
        targetGroups: r.targetGroups,
        fundingSource: r.fundingSource,
        late: item.late,
        record: r,
        recordJson: text.json,
        findings: item.findings,
      });
      observations.push({ personId, checkupId: claim.checkupId, examDate, observations: item.observationColumns ?? observationColumns(r.observations) });
      r.conditions.forEach((c, seq) => conditions.push([personId, claim.checkupId, seq, c.icd10, c.text, c.kind]));
      events.push({ personId, checkupId: claim.checkupId, kind: claim.version > 1 ? "checkup.corrected" : "checkup.created" });
    }
  }
  // One round trip for the four inserts (they need none of each other's rows); superseding the
  // previous versions needs the new ones in place, so it comes after.
  const together = checkupsInsert(checkups);
  if (!together) await insertCheckups(tx, checkups); // more rows than one statement takes
  await runTogether(tx, [together, observationsInsert(observations), conditionsInsert(conditions), eventsInsert(events)]);
  await supersedeOthers(tx, [...latest.values()]);
  return results;
}

function uniqueKeys(keys: readonly CheckupKey[]): CheckupKey[] {
  return [...new Map(keys.map((k) => [keyOf(k), k])).values()].sort(byKey);
}

/** Indexes split so that no key repeats within a round: the n-th occurrence of a key goes in round n. */
function rounds(keys: readonly string[]): number[][] {
  const seen = new Map<string, number>();
  const out: number[][] = [];
  keys.forEach((k, i) => {
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    (out[n] ??= []).push(i);
  });
  return out;
}
