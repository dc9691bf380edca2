/**
 * Stores the records of one submission in the caller's transaction: persons, a new version per
 * changed check-up (superseding the previous one), observations, conditions and change events —
 * batched, never a round trip per observation. Unchanged re-sends store nothing (invariant 2).
 */
import { randomUUID } from "node:crypto";
import { partName, readTogether, runTogether, type Queryable, type ReadPart, type Row, type SqlQuery } from "../db/port.ts";
import type { CheckupRecord } from "../checkup/model.ts";
import type { Finding } from "../checkup/finding.ts";
import type { RegistryPerson } from "../identity/registry.ts";
import {
  byKey,
  claimVersions,
  claimVersionsPart,
  claimsOf,
  currentKeysOf,
  currentKeysPart,
  keyOf,
  checkupsInsert,
  conditionsInsert,
  insertCheckups,
  eventsInsert,
  observationColumns,
  observationsInsert,
  supersedeStatement,
  type NewObservations,
  type ObservationColumns,
  type CheckupInsert,
  type CheckupKey,
  type CurrentKey,
  type KeyClaim,
} from "./checkups-repo.ts";
import { recordText, type RecordText } from "./record-text.ts";
import { insertProvisionalPersons, personIdsOf, registryPersonsPart, type ProvisionalPerson } from "./persons-repo.ts";

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

/** The records of any number of submissions, in a fixed number of statements (see `planStore`). */
export async function storeMany(tx: Queryable, items: readonly StoreEntry[]): Promise<StoreResult[]> {
  const plan = await planStore(tx, items, (await beginStore(tx, items)).begun);
  await runTogether(tx, plan.writes);
  await runTogether(tx, plan.after);
  return plan.results;
}

/** What storing starts from: the registry persons' ids and each existing key's current person. */
export interface Begun {
  personIds: Map<string, string>;
  existing: Map<string, CurrentKey>;
  /** Versions already claimed in the first statement (see `beginStore`), by `keyOf`, and the checkup ids they claimed for. */
  claimed?: { claims: Map<string, KeyClaim>; checkupIds: Map<StoreEntry, string> };
}

/** The caller's own first read (process.ts locks the submissions it finishes) and which of its rows are still to store. */
export interface FirstPart {
  part: ReadPart;
  /** Its rows' `status` values whose `submission_id` may still claim versions. */
  liveStatuses: readonly string[];
}

/**
 * The first statement of storing a group, one round trip: the caller's own first read, then the
 * registry persons ensured, then — when every record links to a registry person and no key
 * repeats, the common case — each key's version claimed (`claimVersionsPart`); otherwise each key's
 * current person read and locked, for `planStore` to decide persons and claim. In that order.
 */
export async function beginStore(tx: Queryable, items: readonly StoreEntry[], first: FirstPart | null = null): Promise<{ first: Row[]; begun: Begun }> {
  const people = items.flatMap((i) => (i.linkedTo ? [i.linkedTo] : []));
  const keys = uniqueKeys(items.map((item) => ({ facilityId: item.facilityId, maLk: item.record.maLk! })));
  const claimNow = items.length > 0 && keys.length === items.length && items.every((i) => i.linkedTo);
  if (!claimNow) {
    const [firstRows, persons, current] = await readTogether(tx, [first?.part ?? null, registryPersonsPart(people), currentKeysPart(keys)]);
    return { first: firstRows!, begun: { personIds: await personIdsOf(tx, people, persons!), existing: currentKeysOf(current!) } };
  }
  const checkupIds = new Map(items.map((item) => [item, randomUUID()]));
  const claims = items.map((item) => ({ facilityId: item.facilityId, maLk: item.record.maLk!, personalId: item.linkedTo!.personalId,
    checkupId: checkupIds.get(item)!, contentSha256: textOf(item).sha256, submissionId: item.submissionId }));
  const live = first ? { part: partName(0), statuses: first.liveStatuses } : null;
  const [firstRows, persons, claimed] = await readTogether(tx, [first?.part ?? null, registryPersonsPart(people), claimVersionsPart(claims, partName(1), live)]);
  return {
    first: firstRows!,
    begun: { personIds: await personIdsOf(tx, people, persons!), existing: new Map(), claimed: { claims: claimsOf(claimed!, claims), checkupIds } },
  };
}

/** The record's stored JSON and hash: made with the checks (off the event loop) or here. */
const textOf = (item: StoreItem): RecordText => (item.text ??= recordText(item.record));

/** The records' outcomes, and the writes that store them, for the caller to run (`storeMany`, process.ts). */
export interface StorePlan {
  results: StoreResult[];
  /** New versions, observations, conditions, events, previous versions superseded: one statement. */
  writes: (SqlQuery | null)[];
  /** What must see `writes` in place: run after them (a key stored twice in one group). */
  after: (SqlQuery | null)[];
}

/**
 * Decides each record's person and claims its version (the round trips that cannot wait), and
 * returns the rest as statements to run together. A key that appears twice (two pushes of one
 * check-up in one group) is claimed in rounds, first occurrence first, so the second supersedes
 * the first as if pushed after it.
 */
export async function planStore(tx: Queryable, items: readonly StoreEntry[], { personIds, existing, claimed }: Begun): Promise<StorePlan> {
  const keyed = items.map((item) => ({ facilityId: item.facilityId, maLk: item.record.maLk! }));
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
  const planned = items.map((item, i) => ({ item, personId: personFor(item, i), checkupId: claimed?.checkupIds.get(item) ?? randomUUID(), key: keyed[i]!, text: textOf(item) }));
  await insertProvisionalPersons(tx, provisional);

  const results: StoreResult[] = new Array<StoreResult>(planned.length);
  const checkups: CheckupInsert[] = [];
  const observations: NewObservations[] = [];
  const conditions: unknown[][] = [];
  const events: { personId: string; checkupId: string; kind: string }[] = [];
  const latest = new Map<string, CheckupKey & { keepCheckupId: string }>(); // the version each key keeps current
  const byRound = rounds(planned.map((p) => keyOf(p.key)));
  for (const round of byRound) {
    // Claimed in the first statement already, but for a person it could not see (added meanwhile).
    const toClaim = round.filter((i) => !claimed?.claims.has(keyOf(planned[i]!.key)));
    const claims = new Map([
      ...(claimed?.claims ?? []),
      ...(await claimVersions(tx, toClaim.map((i) => ({ ...planned[i]!.key, personId: planned[i]!.personId, checkupId: planned[i]!.checkupId, contentSha256: planned[i]!.text.sha256 })))),
    ]);
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
  // The inserts need none of each other's rows, and the UPDATE of previous versions sees only
  // rows from before the statement (its snapshot): one statement does all of it. A version stored
  // earlier in this same group is not in that snapshot, so it is superseded after.
  const together = checkupsInsert(checkups);
  if (!together) await insertCheckups(tx, checkups); // more rows than one statement takes
  const supersede = supersedeStatement([...latest.values()]);
  const twice = byRound.length > 1;
  return {
    results,
    writes: [together, observationsInsert(observations), conditionsInsert(conditions), eventsInsert(events), twice ? null : supersede],
    after: twice ? [supersede] : [],
  };
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
