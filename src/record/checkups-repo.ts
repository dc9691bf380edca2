/**
 * Check-ups with versions, their observations and conditions. One row per (facility, MA_LK) in
 * `checkup_keys` is the lock that orders concurrent re-pushes of the same check-up.
 */
import { arrayElements, arrayLiteral, columnsInsert, insertColumns, insertMany, literalColumnsInsert, runTogether, sql, valuesInsert, type Queryable, type Fragment, type RawFragment, type ReadPart, type Row, type SqlQuery } from "../db/port.ts";
import type { Observation } from "../checkup/model.ts";

/** One (facility, MA_LK) key: the row in `checkup_keys` that orders concurrent re-pushes. */
export interface CheckupKey {
  facilityId: string;
  maLk: string;
}

export const keyOf = (k: CheckupKey): string => `${k.facilityId}\u0000${k.maLk}`;

/** Keys in one order for every writer (lock order: facility, then MA_LK), so writers never deadlock. */
export const byKey = (a: CheckupKey, b: CheckupKey): number =>
  a.facilityId < b.facilityId ? -1 : a.facilityId > b.facilityId ? 1 : a.maLk < b.maLk ? -1 : a.maLk > b.maLk ? 1 : 0;

export interface Claim extends CheckupKey {
  personId: string;
  checkupId: string;
  contentSha256: string;
}

export interface KeyClaim {
  /** New version number, or null when the content is unchanged (nothing to store). */
  version: number | null;
  checkupId: string;
  personId: string;
}

/**
 * Claims the next version of each key for its `checkupId` unless the current content has the
 * same hash — one statement for all; the keys must be distinct. The row locks taken here are
 * held until the transaction ends. Returns the claims by `keyOf`.
 */
export async function claimVersions(tx: Queryable, claims: readonly Claim[]): Promise<Map<string, KeyClaim>> {
  if (claims.length === 0) return new Map();
  const sorted = [...claims].sort(byKey);
  const col = <K extends keyof Claim>(k: K) => sorted.map((c) => c[k]);
  const rows = await tx.query<Row>(claimUpsert(sql`
    SELECT f, m, 1, p, c, h
    FROM unnest(${col("facilityId")}::uuid[], ${col("maLk")}::text[], ${col("personId")}::uuid[], ${col("checkupId")}::uuid[],
      ${col("contentSha256")}::text[]) AS t(f, m, p, c, h)
    ORDER BY f, m`));
  return claimsOf(rows, sorted);
}

/**
 * The claim itself, from rows `(facility_id, ma_lk, 1, person_id, checkup_id, content_sha256)` in
 * key order: a key whose content changed (or that was retracted) gets its next version for this
 * checkup; an unchanged one keeps its checkup, person and version, its row written again with the
 * same values so that every key comes back (`claimsOf`).
 */
function claimUpsert(rows: Fragment): Fragment {
  const changed = sql`(checkup_keys.content_sha256 <> EXCLUDED.content_sha256 OR checkup_keys.retracted)`;
  return sql`
    INSERT INTO checkup_keys (facility_id, ma_lk, version, person_id, checkup_id, content_sha256)
    ${rows}
    ON CONFLICT (facility_id, ma_lk) DO UPDATE
      SET version = CASE WHEN ${changed} THEN checkup_keys.version + 1 ELSE checkup_keys.version END,
          person_id = CASE WHEN ${changed} THEN EXCLUDED.person_id ELSE checkup_keys.person_id END,
          checkup_id = CASE WHEN ${changed} THEN EXCLUDED.checkup_id ELSE checkup_keys.checkup_id END,
          content_sha256 = EXCLUDED.content_sha256,
          retracted = CASE WHEN ${changed} THEN false ELSE checkup_keys.retracted END,
          updated_at = CASE WHEN ${changed} THEN now() ELSE checkup_keys.updated_at END
    RETURNING facility_id, ma_lk, version, person_id, checkup_id`;
}

/** A claim's rows by `keyOf`: a key that kept its own checkup is unchanged (version null). */
export function claimsOf(rows: readonly Row[], claims: readonly (CheckupKey & { checkupId: string })[]): Map<string, KeyClaim> {
  const mine = new Map(claims.map((c) => [keyOf(c), c.checkupId]));
  const out = new Map<string, KeyClaim>();
  for (const r of rows as readonly unknown[] as readonly { facility_id: string; ma_lk: string; version: number; person_id: string; checkup_id: string }[]) {
    const key = keyOf({ facilityId: r.facility_id, maLk: r.ma_lk });
    out.set(key, { version: mine.get(key) === r.checkup_id ? r.version : null, checkupId: r.checkup_id, personId: r.person_id });
  }
  return out;
}

/** A claim to make in the first statement of storing (`claimVersionsPart`): the person by personal ID. */
export interface LinkedClaim extends CheckupKey {
  personalId: string;
  checkupId: string;
  contentSha256: string;
  submissionId: string;
}

/**
 * `claimVersions` as a `readTogether` part, for records that all link to a registry person: their
 * person ids come from the part `persons` of the same statement (`registryPersonsPart`), and when
 * `live` is given only the submissions its rows show still to finish claim anything. Both are read
 * whole before the first key is claimed (each through a sub-select run once, under a sort that
 * takes every row before the first goes out), so locks keep their order: submissions, persons, keys.
 * A claim whose person the statement could not see (added meanwhile by another transaction) or
 * whose submission is not live is not made: `planStore` claims those itself. `claimsOf` reads
 * the part's rows.
 */
export function claimVersionsPart(claims: readonly LinkedClaim[], persons: RawFragment, live: { part: RawFragment; statuses: readonly string[] } | null): ReadPart | null {
  if (claims.length === 0) return null;
  const sorted = [...claims].sort(byKey);
  const col = <K extends keyof LinkedClaim>(k: K) => sorted.map((c) => c[k]);
  const person = sql`((SELECT jsonb_object_agg(personal_id, person_id) FROM ${persons}) ->> i.pid)::uuid`;
  return {
    with: [
      sql`claim_input AS (SELECT * FROM unnest(${col("facilityId")}::uuid[], ${col("maLk")}::text[], ${col("personalId")}::text[],
        ${col("checkupId")}::uuid[], ${col("contentSha256")}::text[], ${col("submissionId")}::uuid[]) AS t(f, m, pid, c, h, s))`,
      sql`claimed AS (${claimUpsert(sql`
        SELECT i.f, i.m, 1, ${person}, i.c, i.h FROM claim_input i
        WHERE ${person} IS NOT NULL
          ${live ? sql`AND i.s = ANY(ARRAY(SELECT submission_id FROM ${live.part} WHERE status = ANY(${[...live.statuses]}::text[])))` : sql``}
        ORDER BY i.f, i.m`)})`,
    ],
    select: sql`SELECT facility_id, ma_lk, version, person_id, checkup_id FROM claimed`,
  };
}

export interface CurrentKey {
  facility_id: string;
  ma_lk: string;
  person_id: string;
  person_kind: "registry" | "provisional" | "unregistered";
}

/**
 * The current person of each key that exists, locked: a `readTogether` part (store.ts
 * beginStore); `currentKeysOf` gives its rows by `keyOf`. Null for no keys.
 */
export function currentKeysPart(keys: readonly CheckupKey[]): ReadPart | null {
  if (keys.length === 0) return null;
  return {
    select: sql`
      SELECT k.facility_id, k.ma_lk, k.person_id, p.kind AS person_kind
      FROM checkup_keys k JOIN persons p ON p.person_id = k.person_id
      JOIN unnest(${keys.map((k) => k.facilityId)}::uuid[], ${keys.map((k) => k.maLk)}::text[]) AS t(f, m)
        ON k.facility_id = t.f AND k.ma_lk = t.m
      ORDER BY k.facility_id, k.ma_lk
      FOR UPDATE OF k`, // the same lock order as identity moves: the two serialise, never race
  };
}

export const currentKeysOf = (rows: readonly Row[]): Map<string, CurrentKey> =>
  new Map((rows as readonly unknown[] as readonly CurrentKey[]).map((r) => [keyOf({ facilityId: r.facility_id, maLk: r.ma_lk }), r]));

/** Marks every other current version of each key superseded (a statement to run, null for none). */
export function supersedeStatement(keeps: readonly (CheckupKey & { keepCheckupId: string })[]): SqlQuery | null {
  if (keeps.length === 0) return null;
  return sql`
    UPDATE checkups c SET status = 'superseded', status_changed_at = now()
    FROM unnest(${keeps.map((k) => k.facilityId)}::uuid[], ${keeps.map((k) => k.maLk)}::text[], ${keeps.map((k) => k.keepCheckupId)}::uuid[]) AS t(f, m, keep)
    WHERE c.facility_id = t.f AND c.ma_lk = t.m AND c.status = 'current' AND c.checkup_id <> t.keep`;
}

export interface CheckupInsert {
  personId: string;
  checkupId: string;
  facilityId: string;
  maLk: string;
  version: number;
  identityStatus: "linked" | "review";
  identityReason: string | null;
  kind: "checkup" | "encounter";
  submissionId: string;
  examTime: string | null;
  examDate: string | null;
  ageGroup: string | null;
  formType: string | null;
  healthClass: string | null;
  targetGroups: string[];
  fundingSource: string | null;
  late: boolean;
  record: unknown;
  /** `record` as JSON text, when the caller has it already (store.ts hashes the same text). */
  recordJson?: string;
  findings: unknown;
}

const CHECKUP_COLUMNS = ["person_id", "checkup_id", "facility_id", "ma_lk", "version", "status", "identity_status", "identity_reason", "kind",
  "submission_id", "exam_time", "exam_date", "age_group", "form_type", "health_class", "target_groups", "funding_source", "late", "record", "findings"];

const checkupRow = (r: CheckupInsert): unknown[] => [r.personId, r.checkupId, r.facilityId, r.maLk, r.version, "current", r.identityStatus,
  r.identityReason, r.kind, r.submissionId, r.examTime, r.examDate, r.ageGroup, r.formType, r.healthClass, r.targetGroups, r.fundingSource,
  r.late, r.recordJson ?? JSON.stringify(r.record), JSON.stringify(r.findings)];

/**
 * The INSERT of new check-up versions as one statement, to run together with others (db/port.ts
 * `runTogether`); null for none, or for more than one statement takes (then `insertCheckups`).
 */
export function checkupsInsert(rows: readonly CheckupInsert[]): SqlQuery | null {
  return valuesInsert("checkups", CHECKUP_COLUMNS, rows.map(checkupRow));
}

export async function insertCheckups(tx: Queryable, rows: readonly CheckupInsert[]): Promise<void> {
  await insertMany(tx, "checkups", CHECKUP_COLUMNS, rows.map(checkupRow));
}

/** Observation rows, in this column order. */
const OBSERVATION_COLUMNS = [["person_id", "uuid"], ["checkup_id", "uuid"], ["seq", "int"], ["key", "text"], ["loinc", "text"],
  ["category", "text"], ["service_code", "text"], ["local_code", "text"], ["name", "text"], ["value_raw", "text"], ["unit_raw", "text"],
  ["value", "numeric"], ["unit", "text"], ["value_text", "text"], ["interpretation", "text"], ["flags", "text[]"], ["effective_date", "date"]] as const;

/** The observation's own columns, `seq` to `flags`, in OBSERVATION_COLUMNS order. */
const OBSERVATION_FIELDS: readonly ((o: Observation, seq: number) => unknown)[] = [(_o, seq) => seq, (o) => o.key, (o) => o.loinc,
  (o) => o.category, (o) => o.serviceCode, (o) => o.localCode, (o) => o.name, (o) => o.valueRaw, (o) => o.unitRaw, (o) => o.value,
  (o) => o.unit, (o) => o.valueText, (o) => o.interpretation, (o) => o.flags];

/**
 * A record's observations as the elements of each column's array literal (`seq` to `flags`):
 * rendered with the checks (intake/read-checked.ts, on a read thread when there is one), so the
 * statement that stores a group of records only joins text.
 */
export interface ObservationColumns {
  count: number;
  columns: string[];
}

export function observationColumns(observations: readonly Observation[]): ObservationColumns {
  return { count: observations.length, columns: OBSERVATION_FIELDS.map((field) => arrayElements(observations.map(field))) };
}

/** The observations of one new check-up version, with its person, check-up and exam date. */
export interface NewObservations {
  personId: string;
  checkupId: string;
  examDate: string | null;
  observations: ObservationColumns;
}

/** The observations of new check-up versions; null for none. */
export function observationsInsert(items: readonly NewObservations[]): SqlQuery | null {
  const present = items.filter((i) => i.observations.count > 0);
  if (present.length === 0) return null;
  const repeated = (value: (i: NewObservations) => string | null) =>
    arrayLiteral(present.map((i) => Array<string>(i.observations.count).fill(arrayElements([value(i)])).join(",")));
  return literalColumnsInsert("observations", OBSERVATION_COLUMNS, [
    repeated((i) => i.personId),
    repeated((i) => i.checkupId),
    ...OBSERVATION_FIELDS.map((_, c) => arrayLiteral(present.map((i) => i.observations.columns[c]!))),
    repeated((i) => i.examDate),
  ]);
}

/** Observation rows in OBSERVATION_COLUMNS order (the baseline bench writes them so). */
export async function insertObservations(tx: Queryable, rows: readonly unknown[][]): Promise<void> {
  if (rows.length > 0) await insertColumns(tx, "observations", OBSERVATION_COLUMNS, rows);
}

const CONDITION_COLUMNS = [["person_id", "uuid"], ["checkup_id", "uuid"], ["seq", "int"], ["icd10", "text"], ["text", "text"], ["kind", "text"]] as const;

export const conditionsInsert = (rows: readonly unknown[][]): SqlQuery | null => columnsInsert("conditions", CONDITION_COLUMNS, rows);

export async function insertConditions(tx: Queryable, rows: readonly unknown[][]): Promise<void> {
  if (rows.length > 0) await insertColumns(tx, "conditions", CONDITION_COLUMNS, rows);
}

const EVENT_COLUMNS = [["person_id", "uuid"], ["checkup_id", "uuid"], ["kind", "text"]] as const;

export const eventsInsert = (rows: readonly { personId: string; checkupId: string; kind: string }[]): SqlQuery | null =>
  columnsInsert("events", EVENT_COLUMNS, rows.map((r) => [r.personId, r.checkupId, r.kind]));

export async function insertEvents(tx: Queryable, rows: readonly { personId: string; checkupId: string; kind: string }[]): Promise<void> {
  await runTogether(tx, [eventsInsert(rows)]);
}

const SUBMISSION_RECORD_COLUMNS = [["submission_id", "uuid"], ["idx", "int"], ["ma_lk", "text"], ["outcome", "text"], ["person_id", "uuid"],
  ["checkup_id", "uuid"], ["version", "int"], ["findings", "jsonb"]] as const;

/** Per-record results of submissions, in this column order (findings as JSON text). */
export const submissionRecordsInsert = (rows: readonly unknown[][]): SqlQuery | null =>
  columnsInsert("submission_records", SUBMISSION_RECORD_COLUMNS, rows);

export async function insertSubmissionRecords(tx: Queryable, rows: readonly unknown[][]): Promise<void> {
  await runTogether(tx, [submissionRecordsInsert(rows)]);
}

export interface CheckupVersionRow {
  checkup_id: string;
  version: number;
  status: string;
  identity_status: string;
  submission_id: string;
  exam_date: string | null;
  created_at: string;
  status_changed_at: string | null;
}

export async function listVersions(tx: Queryable, facilityId: string, maLk: string): Promise<CheckupVersionRow[]> {
  return tx.query<CheckupVersionRow>(sql`
    SELECT checkup_id, version, status, identity_status, submission_id, exam_date, created_at, status_changed_at
    FROM checkups WHERE facility_id = ${facilityId} AND ma_lk = ${maLk} ORDER BY version`);
}

/**
 * Retraction: the current version becomes entered-in-error. The key row is locked first, in the
 * same order as a push takes its locks, so a retraction and a re-push cannot deadlock.
 */
export async function retract(tx: Queryable, facilityId: string, maLk: string, reason: string): Promise<{ personId: string; checkupId: string } | null> {
  const keys = await tx.query<{ person_id: string; checkup_id: string }>(sql`
    UPDATE checkup_keys SET retracted = true, updated_at = now()
    WHERE facility_id = ${facilityId} AND ma_lk = ${maLk} AND NOT retracted
    RETURNING person_id, checkup_id`);
  const key = keys[0];
  if (!key) return null;
  await tx.query(sql`
    UPDATE checkups SET status = 'entered-in-error', status_changed_at = now(), retract_reason = ${reason}
    WHERE person_id = ${key.person_id} AND checkup_id = ${key.checkup_id} AND status = 'current'`);
  return { personId: key.person_id, checkupId: key.checkup_id };
}
