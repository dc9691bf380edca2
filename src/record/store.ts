/**
 * Stores the records of one submission in the caller's transaction: persons, a new version per
 * changed check-up (superseding the previous one), observations, conditions and change events —
 * batched, never a round trip per observation. Unchanged re-sends store nothing (invariant 2).
 */
import { createHash, randomUUID } from "node:crypto";
import type { Queryable } from "../db/port.ts";
import type { CheckupRecord } from "../checkup/model.ts";
import type { Finding } from "../checkup/finding.ts";
import type { RegistryPerson } from "../identity/registry.ts";
import {
  claimVersion,
  currentKeys,
  insertCheckups,
  insertConditions,
  insertEvents,
  insertObservations,
  supersedeOthers,
  type CheckupInsert,
} from "./checkups-repo.ts";
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
}

export interface StoreResult {
  outcome: "accepted" | "unchanged" | "review";
  personId: string;
  checkupId: string;
  version: number | null;
}

export async function storeCheckups(
  tx: Queryable,
  ctx: { facilityId: string; submissionId: string },
  items: readonly StoreItem[],
): Promise<StoreResult[]> {
  const personIds = await ensureRegistryPersons(tx, items.flatMap((i) => (i.linkedTo ? [i.linkedTo] : [])));
  const existing = await currentKeys(tx, ctx.facilityId, items.map((i) => i.record.maLk!));
  const provisional: ProvisionalPerson[] = [];
  // A re-sent record that does not link by itself stays with the key's current person: the
  // provisional one still waiting, or whoever a steward settled it on (then it counts as linked).
  const settled = (item: StoreItem) => {
    const prior = item.linkedTo ? undefined : existing.get(item.record.maLk!);
    return prior !== undefined && prior.person_kind !== "provisional";
  };
  const personFor = (item: StoreItem): string => {
    if (item.linkedTo) return personIds.get(item.linkedTo.personalId)!;
    const prior = existing.get(item.record.maLk!);
    if (prior) return prior.person_id;
    const p = item.record.patient;
    const personId = randomUUID();
    provisional.push({ personId, fullName: p.fullName, birthDate: p.birthDate?.iso.slice(0, 10) ?? null, sex: p.sex, provinceCode: p.provinceCode, communeCode: p.communeCode });
    return personId;
  };
  const planned = items.map((item) => ({ item, personId: personFor(item) }));
  await insertProvisionalPersons(tx, provisional);

  // Claim keys in MA_LK order so two submissions touching the same keys cannot deadlock.
  const order = [...planned.keys()].sort((a, b) => (planned[a]!.item.record.maLk! < planned[b]!.item.record.maLk! ? -1 : 1));
  const results: StoreResult[] = new Array<StoreResult>(planned.length);
  const checkups: CheckupInsert[] = [];
  const observations: unknown[][] = [];
  const conditions: unknown[][] = [];
  const events: { personId: string; checkupId: string; kind: string }[] = [];
  for (const i of order) {
    const { item, personId } = planned[i]!;
    const r = item.record;
    const claim = await claimVersion(tx, {
      facilityId: ctx.facilityId,
      maLk: r.maLk!,
      personId,
      checkupId: randomUUID(),
      contentSha256: contentHash(r),
    });
    const identity = item.linkedTo || settled(item) ? "linked" : "review";
    if (claim.version === null) {
      results[i] = { outcome: "unchanged", personId: claim.personId, checkupId: claim.checkupId, version: null };
      continue;
    }
    if (claim.version > 1) await supersedeOthers(tx, ctx.facilityId, r.maLk!, claim.checkupId);
    results[i] = { outcome: identity === "linked" ? "accepted" : "review", personId, checkupId: claim.checkupId, version: claim.version };
    const examDate = r.examTime?.iso.slice(0, 10) ?? null;
    checkups.push({
      personId,
      checkupId: claim.checkupId,
      facilityId: ctx.facilityId,
      maLk: r.maLk!,
      version: claim.version,
      identityStatus: identity,
      identityReason: item.identityReason,
      kind: item.kind,
      submissionId: ctx.submissionId,
      examTime: r.examTime ? r.examTime.iso.replace("T", " ") : null,
      examDate,
      ageGroup: r.ageGroup,
      formType: r.formType,
      healthClass: r.conclusion.healthClass,
      targetGroups: r.targetGroups,
      fundingSource: r.fundingSource,
      late: item.late,
      record: r,
      findings: item.findings,
    });
    r.observations.forEach((o, seq) =>
      observations.push([personId, claim.checkupId, seq, o.key, o.loinc, o.category, o.serviceCode, o.localCode, o.name,
        o.valueRaw, o.unitRaw, o.value, o.unit, o.valueText, o.interpretation, o.flags, examDate]),
    );
    r.conditions.forEach((c, seq) => conditions.push([personId, claim.checkupId, seq, c.icd10, c.text, c.kind]));
    events.push({ personId, checkupId: claim.checkupId, kind: claim.version > 1 ? "checkup.corrected" : "checkup.created" });
  }
  await insertCheckups(tx, checkups);
  await insertObservations(tx, observations);
  await insertConditions(tx, conditions);
  await insertEvents(tx, events);
  return results;
}

/**
 * Hash of what the record says, not where it sat: positions (`index`, and every `path` such as
 * `HOSO[2]/…` or `Bundle.entry[7]…`) are left out, so a re-send in another order is unchanged.
 */
export function contentHash(r: CheckupRecord): string {
  const text = JSON.stringify(r, (key, value: unknown) => (key === "path" || key === "index" ? undefined : value));
  return createHash("sha256").update(text).digest("hex");
}
