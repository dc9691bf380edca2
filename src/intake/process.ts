/**
 * Processing one stored submission, whatever its channel: read it into records, check, link and
 * store, then record the channel's answer — all writes in one transaction with the submission
 * marked done, so a crash at any point leaves either nothing or everything, and a later attempt
 * (same or another worker) finishes the job.
 */
import type { Deps } from "../deps.ts";
import { hasErrors } from "../checkup/finding.ts";
import type { ParseResult } from "../formats/types.ts";
import { submissionRecordsInsert } from "../record/checkups-repo.ts";
import { beginStore, planStore, type StoreEntry } from "../record/store.ts";
import { findFacilityById, type FacilityRow } from "../facility/facilities-repo.ts";
import type { Registry } from "../identity/registry.ts";
import type { Matcher } from "../identity/matcher.ts";
import { openReviewCases, recordMatchDecisions, settleNewPersons } from "../identity/review/intake.ts";
import { findSubmission, finishStatement, finishSubmission, LIVE_STATUSES, liveOf, lockForFinish, lockForFinishPart, readBody, type Finish, type SubmissionRow } from "./inbox-repo.ts";
import type { RecordResult } from "./receipt.ts";
import { linkRecords, type Checker, type Decided } from "./records.ts";
import type { Reader } from "./read-pool.ts";
import { runTogether, type Queryable } from "../db/port.ts";
import type { StoreResult } from "../record/store.ts";
import type { MatchResult } from "../identity/match/index.ts";
import type { ReviewCaseInput } from "../identity/review/intake.ts";
import { channelOf } from "./channels/index.ts";
import type { Answer, AnswerContext, Channel, ChannelOutcome, ChannelTools, ReadSummary } from "./channels/channel.ts";
import { createGroup, flushesFor, type Group } from "../db/group.ts";
import { timeStage } from "../metrics.ts";

export type { Answer } from "./channels/channel.ts";

export interface Pipeline extends ChannelTools {
  parse(xml: Uint8Array): ParseResult;
  check: Checker;
  registry: Registry;
  matcher: Matcher;
  /** Reads and checks submissions, on worker threads (read-pool.ts); close it with the hub. */
  reader: Reader;
}

const MAX_ATTEMPTS = 5;

/** A stored submission with what processing needs of it, read back (worker) or still in hand (inline). */
export interface Loaded {
  submissionId: string;
  facility: FacilityRow;
  channel: Channel;
  body: Uint8Array;
  receivedAt: Date;
  meta: unknown;
  attempts: number;
}

/** The worker's way in (and a replay's): reads the submission back, then processes it. */
export async function processSubmission(deps: Deps, pipeline: Pipeline, submissionId: string): Promise<Answer> {
  const sub = (await findSubmission(deps.db, submissionId))!;
  if (sub.status === "done") return storedAnswer(sub);
  const facility = (await findFacilityById(deps.db, sub.facility_id))!;
  const body = await readBody(deps.db, submissionId);
  return processLoaded(deps, pipeline, {
    submissionId,
    facility,
    channel: channelOf(sub.channel),
    body,
    receivedAt: new Date(sub.received_at),
    meta: sub.meta,
    attempts: sub.attempts,
  });
}

/** Reads, checks and links (no writes), then stores through the group commit (finishJobs). */
export async function processLoaded(deps: Deps, pipeline: Pipeline, sub: Loaded): Promise<Answer> {
  return (await prepareLoaded(deps, pipeline, sub))();
}

/** What is left of processing once a submission is read, checked and linked: its writes and answer. */
export type Finisher = () => Promise<Answer>;

/**
 * Reads, checks and links a submission without writing anything (so it may run while the raw
 * request is still being stored: accept.ts); the finisher it returns stores and answers.
 */
export async function prepareLoaded(deps: Deps, pipeline: Pipeline, sub: Loaded): Promise<Finisher> {
  const { submissionId, facility, channel, body } = sub;
  const ctx: AnswerContext = { submissionId, facility, body, receivedAt: sub.receivedAt, meta: sub.meta };
  if (sub.attempts > MAX_ATTEMPTS) return async () => finishWith(deps, submissionId, await channel.answer(deps, ctx, { kind: "gave-up" }));

  const reading = performance.now();
  const { read, checked } = await pipeline.reader.read({ channel: channel.name, body, meta: sub.meta,
    facility: { code: facility.code, gln: facility.gln }, now: deps.clock(), receivedAt: ctx.receivedAt });
  timeStage(deps.metrics, "read", reading);
  if (hasErrors(read.findings)) return async () => finishWith(deps, submissionId, await channel.answer(deps, ctx, { kind: "invalid", findings: read.findings }));
  const linking = performance.now();
  const decided = await linkRecords(checked, pipeline);
  timeStage(deps.metrics, "link", linking);
  return () => finisherOf(deps).add({ deps, channel, ctx, read, decided, queuedAt: performance.now() });
}

interface FinishJob {
  deps: Deps;
  channel: Channel;
  ctx: AnswerContext;
  read: ReadSummary;
  decided: Decided[];
  /** When it joined the group commit (`performance.now()`), for the `group_wait` step. */
  queuedAt: number;
}

const finishers = new WeakMap<object, Group<FinishJob, Answer>>();

/** One group commit per database: concurrent submissions are stored together (db/group.ts). */
function finisherOf(deps: Deps): Group<FinishJob, Answer> {
  let group = finishers.get(deps.db);
  if (!group) {
    group = createGroup({ run: finishJobs, maxBatch: 32, concurrency: flushesFor(deps.db) });
    finishers.set(deps.db, group);
  }
  return group;
}

/**
 * Stores the records of several processed submissions and records their answers, all in one
 * transaction, so a crash leaves either nothing or everything and a later attempt finishes the
 * job. A submission another processor finished meanwhile gets the answer stored for it.
 */
async function finishJobs(jobs: FinishJob[]): Promise<Answer[]> {
  const { db, clock, metrics } = jobs[0]!.deps;
  const started = performance.now();
  for (const job of jobs) timeStage(metrics, "group_wait", job.queuedAt);
  const answers = await db.transaction(async (tx) => {
    const entries = jobs.flatMap((job) =>
      job.decided.flatMap((d, i) =>
        d.route
          ? [{ job, i, entry: { record: d.record, findings: d.findings, kind: job.read.kinds?.get(d.record.index) ?? "checkup", ...d.route,
              facilityId: job.ctx.facility.facility_id, submissionId: job.ctx.submissionId, text: d.text, observationColumns: d.observationColumns } satisfies StoreEntry }]
          : [],
      ),
    );
    // Round trip 1: the submissions locked (one processor finishes each), persons ensured, and the
    // versions claimed when every record links to a registry person (else the keys read).
    const lock = { part: lockForFinishPart(jobs.map((j) => j.ctx.submissionId)), liveStatuses: LIVE_STATUSES };
    const { first: locked, begun } = await beginStore(tx, entries.map((s) => s.entry), lock);
    const live = liveOf(locked);
    const active = jobs.filter((j) => live.has(j.ctx.submissionId));
    const toStore = entries.filter((s) => live.has(s.job.ctx.submissionId));
    // Round trip 2, unless claimed above (3 with new provisional persons): each record's version claimed.
    const plan = await planStore(tx, toStore.map((s) => s.entry), begun);
    const storedOf = new Map(active.map((j) => [j, new Map<number, StoreResult>()]));
    toStore.forEach((s, k) => storedOf.get(s.job)!.set(s.i, plan.results[k]!));
    const identity = identityWork(active.map((j) => ({ facility: j.ctx.facility, decided: j.decided, stored: storedOf.get(j)! })));
    // Identity bookkeeping reads and updates the stored rows: when it has work, they are written first.
    const apart = plan.after.some((q) => q !== null) || !identity.none;
    if (apart) {
      await runTogether(tx, plan.writes);
      await runTogether(tx, plan.after);
      await settleIdentity(tx, clock(), identity);
    }

    const recordRows: unknown[][] = [];
    const finishes: (Finish & { id: string })[] = [];
    const out = new Map<FinishJob, { answer: Answer; results: RecordResult[] }>();
    // Answers are signed together, on the thread pool, while the transaction waits for them.
    const resultsOf = active.map((job) => ({ job, results: recordResults(job, storedOf.get(job)!) }));
    const signed = await Promise.all(resultsOf.map(({ job, results }) =>
      job.channel.answer(job.deps, job.ctx, { kind: "done", results, findings: job.read.findings, read: job.read })));
    resultsOf.forEach(({ job, results }, k) => {
      const byIndex = storedOf.get(job)!;
      const id = job.ctx.submissionId;
      results.forEach((r, i) => {
        const s = byIndex.get(i);
        recordRows.push([id, r.index, r.ma_lk, r.outcome, s?.personId ?? null, s?.checkupId ?? null, r.version, JSON.stringify(r.findings)]);
      });
      const answer = signed[k]!;
      const count = (o: RecordResult["outcome"][]) => results.filter((r) => o.includes(r.outcome)).length;
      finishes.push({
        id,
        httpStatus: answer.httpStatus,
        response: answer.body,
        recordCount: results.length,
        accepted: count(["accepted", "unchanged"]),
        rejected: count(["rejected"]),
        review: count(["review"]),
      });
      out.set(job, { answer, results });
    });
    // The last round trip: the records stored (unless written above), the answers recorded.
    await runTogether(tx, [...(apart ? [] : plan.writes), submissionRecordsInsert(recordRows), finishStatement(finishes, clock())]);
    return out;
  });
  jobs.forEach(() => timeStage(metrics, "store", started));
  for (const { results } of answers.values()) for (const r of results) metrics.records.inc({ outcome: r.outcome });
  return Promise.all(jobs.map(async (j) => answers.get(j)?.answer ?? storedAnswer((await findSubmission(db, j.ctx.submissionId))!)));
}

function recordResults(job: FinishJob, byIndex: ReadonlyMap<number, StoreResult>): RecordResult[] {
  return job.decided.map((d, i) => {
    const s = byIndex.get(i);
    // A person the matcher found new (no ID: a passport, a newborn) is settled, not waiting.
    const outcome = !s ? "rejected" : s.outcome === "review" && d.route?.newPerson ? "accepted" : s.outcome;
    return { index: d.record.index, ma_lk: d.record.maLk, outcome, version: s?.version ?? null, findings: d.findings };
  });
}

async function finishWith(deps: Deps, submissionId: string, answer: Answer): Promise<Answer> {
  return deps.db.transaction(async (tx) => {
    if (!(await lockForFinish(tx, [submissionId])).has(submissionId)) return storedAnswer((await findSubmission(tx, submissionId))!);
    await finishSubmission(tx, submissionId, { httpStatus: answer.httpStatus, response: answer.body, recordCount: 0, accepted: 0, rejected: 0, review: 0 }, deps.clock());
    return answer;
  });
}

export function storedAnswer(sub: SubmissionRow): Answer {
  return { httpStatus: sub.http_status ?? 200, body: sub.response };
}

/** The channel's "received, finishing later" answer for a stored submission. */
export async function receivedAnswer(deps: Deps, channel: Channel, facility: FacilityRow, sub: { submissionId: string; body: Uint8Array; receivedAt: Date; meta?: unknown }): Promise<Answer> {
  return channel.answer(deps, { ...sub, facility }, { kind: "received" });
}

export type { ChannelOutcome };

/** Identity bookkeeping to do for what was just stored (`identityWork`, then `settleIdentity`). */
export interface IdentityWork {
  links: { checkupId: string; match: MatchResult }[];
  fresh: { personId: string; checkupId: string; match: MatchResult }[];
  cases: ReviewCaseInput[];
  /** Nothing to do (every record linked by its ID, or unchanged): the common case. */
  none: boolean;
}

/**
 * Identity bookkeeping of what was just stored (issue 4): the matcher's automatic links keep their
 * breakdown; its "new person" settles the provisional person as unregistered; everything else that
 * waits opens a review case — except records waiting for the registry itself, which relink first.
 */
export function identityWork(
  submissions: readonly { facility: FacilityRow; decided: readonly Decided[]; stored: ReadonlyMap<number, StoreResult> }[],
): IdentityWork {
  const links: IdentityWork["links"] = [];
  const fresh: IdentityWork["fresh"] = [];
  const cases: ReviewCaseInput[] = [];
  for (const { facility, decided, stored } of submissions) {
    decided.forEach((d, i) => {
      const s = stored.get(i);
      if (!s || s.outcome === "unchanged" || !d.route) return;
      const { match, identityReason, newPerson, linkedTo } = d.route;
      if (linkedTo && match) links.push({ checkupId: s.checkupId, match });
      else if (newPerson && match) fresh.push({ personId: s.personId, checkupId: s.checkupId, match });
      else if (s.outcome === "review" && identityReason && identityReason !== "registry-unavailable") {
        cases.push({ personId: s.personId, checkupId: s.checkupId, facilityId: facility.facility_id, provinceCode: facility.province_code, reason: identityReason, match });
      }
    });
  }
  return { links, fresh, cases, none: links.length + fresh.length + cases.length === 0 };
}

/** Does the bookkeeping, once the stored rows are in place. */
export async function settleIdentity(tx: Queryable, now: Date, work: IdentityWork): Promise<void> {
  if (work.none) return;
  await recordMatchDecisions(tx, work.links);
  await settleNewPersons(tx, work.fresh);
  await openReviewCases(tx, work.cases, now);
}
