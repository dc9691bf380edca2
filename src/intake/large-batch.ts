/**
 * Processing a large spreadsheet kept as a file (issue 3): the file is streamed through the CSV or
 * XLSX reader and stored in chunks of HOSO_BATCH_CHUNK_ROWS records, each chunk in its own
 * transaction with the checkpoint (`submission_progress.next_index`) and its per-record results,
 * so memory stays flat whatever the file's size and a worker that dies resumes after the last
 * committed chunk. The checks, identity decisions and storage are the shared ones (records.ts,
 * record/store.ts, process.ts's identity settlement).
 *
 * A file-level error before any record (header, programme, empty file) refuses the upload as a
 * whole, as for a small one. One found after rows were stored (a row over 1 MB, an XLSX damaged
 * halfway) stops reading there: the rows before it stay stored and the finding is reported.
 */
import type { Deps } from "../deps.ts";
import type { Finding } from "../checkup/finding.ts";
import { findFacilityById, type FacilityRow } from "../facility/facilities-repo.ts";
import type { BatchRecord } from "../formats/batch/types.ts";
import { insertSubmissionRecords } from "../record/checkups-repo.ts";
import { storeCheckups, type StoreItem, type StoreResult } from "../record/store.ts";
import type { AnswerContext } from "./channels/channel.ts";
import { batchItemsOfFile, batchUpload, type BatchMeta } from "./channels/batch.ts";
import { statusUrl } from "./channels/ksk-push.ts";
import { findSubmission, finishSubmission } from "./inbox-repo.ts";
import { advanceProgress, findBodyPath, findProgress, lockChunk, renewLease } from "./large-batch-repo.ts";
import { identityWork, settleIdentity, type Pipeline } from "./process.ts";
import type { RecordResult } from "./receipt.ts";
import { decideRecords } from "./records.ts";

const MAX_ATTEMPTS = 5;

/** Another worker took the submission over (this one's lease ran out): stop without writing. */
export class LeaseLostError extends Error {
  constructor(id: string) {
    super(`lease on submission ${id} lost`);
  }
}

export interface LargeBatchOptions {
  leaseMs: number;
  /** Called after each committed chunk (tests: to stop a worker halfway). */
  afterChunk?: (stored: number) => void | Promise<void>;
}

/** Is this a submission whose bytes are a file (the large-upload path)? */
export const isFileSubmission = async (deps: Deps, id: string): Promise<boolean> => (await findBodyPath(deps.db, id)) !== null;

/** Processes a claimed file submission to the end (or throws, leaving the checkpoint for the next attempt). */
export async function processLargeBatch(deps: Deps, pipeline: Pipeline, id: string, opts: LargeBatchOptions): Promise<void> {
  const sub = await findSubmission(deps.db, id);
  const path = await findBodyPath(deps.db, id);
  if (!sub || sub.status !== "processing" || path === null) return;
  const facility = (await findFacilityById(deps.db, sub.facility_id))!;
  const meta = sub.meta as BatchMeta;
  const ctx: AnswerContext = { submissionId: id, facility, body: new Uint8Array(0), receivedAt: new Date(sub.received_at), meta };
  const attempt = sub.attempts;
  if (attempt > MAX_ATTEMPTS) return finishRefused(deps, id, attempt, await batchUpload.answer(deps, ctx, { kind: "gave-up" }));

  const resumeAt = (await findProgress(deps.db, id))?.next_index ?? 0;
  const heartbeat = startHeartbeat(deps, id, attempt, opts.leaseMs);
  try {
    const fileFindings: Finding[] = [];
    let chunk: BatchRecord[] = [];
    let records = 0;
    let chunks = 0;
    const flush = async () => {
      await storeChunk(deps, pipeline, { id, attempt, facility, meta, receivedAt: ctx.receivedAt, leaseMs: opts.leaseMs }, chunk, fileFindings);
      chunk = [];
      await opts.afterChunk?.(++chunks);
    };
    for await (const item of batchItemsOfFile(path, { programme: meta.programme, facilityCode: meta.facilityCode })) {
      heartbeat.check();
      if (item.kind === "file") {
        fileFindings.push(item.finding);
        if (item.finding.severity !== "error") continue;
        if (records === 0) return await finishRefused(deps, id, attempt, await batchUpload.answer(deps, ctx, { kind: "invalid", findings: fileFindings }));
        break;
      }
      records++;
      if (item.record.index < resumeAt) continue; // stored by an earlier attempt
      chunk.push(item);
      if (chunk.length >= deps.config.HOSO_BATCH_CHUNK_ROWS) await flush();
    }
    if (chunk.length > 0) await flush();
    await finishDone(deps, id, attempt, fileFindings);
  } finally {
    heartbeat.stop();
  }
}

interface ChunkContext {
  id: string;
  attempt: number;
  facility: FacilityRow;
  meta: BatchMeta;
  receivedAt: Date;
  leaseMs: number;
}

/** One chunk: decided outside, then stored with its results and the checkpoint in one transaction. */
async function storeChunk(deps: Deps, pipeline: Pipeline, c: ChunkContext, chunk: readonly BatchRecord[], fileFindings: readonly Finding[]): Promise<void> {
  const decided = await decideRecords(chunk, {
    facility: c.facility,
    envelopeFacilityId: c.meta.facilityCode,
    now: deps.clock(),
    receivedAt: c.receivedAt,
    check: pipeline.check,
    registry: pipeline.registry,
    matcher: pipeline.matcher,
  });
  const results = await deps.db.transaction(async (tx) => {
    const lock = await lockChunk(tx, c.id, c.attempt);
    if (!lock.owned) throw new LeaseLostError(c.id);
    const toStore = decided.flatMap((d, i) =>
      d.route && d.record.index >= lock.nextIndex ? [{ i, item: { record: d.record, findings: d.findings, kind: "checkup", ...d.route } satisfies StoreItem }] : [],
    );
    const stored = await storeCheckups(tx, { facilityId: c.facility.facility_id, submissionId: c.id }, toStore.map((s) => s.item));
    const byIndex = new Map<number, StoreResult>(toStore.map((s, k) => [s.i, stored[k]!]));
    await settleIdentity(tx, deps.clock(), identityWork([{ facility: c.facility, decided, stored: byIndex }]));
    const fresh = decided.flatMap((d, i) => (d.record.index >= lock.nextIndex ? [{ d, s: byIndex.get(i) }] : []));
    const results: RecordResult[] = fresh.map(({ d, s }) => ({
      index: d.record.index,
      ma_lk: d.record.maLk,
      // A person the matcher found new (no ID: a passport, a newborn) is settled, not waiting (as process.ts).
      outcome: !s ? "rejected" : s.outcome === "review" && d.route?.newPerson ? "accepted" : s.outcome,
      version: s?.version ?? null,
      findings: d.findings,
    }));
    await insertSubmissionRecords(tx, results.map((r, k) => {
      const s = fresh[k]!.s;
      return [c.id, r.index, r.ma_lk, r.outcome, s?.personId ?? null, s?.checkupId ?? null, r.version, JSON.stringify(r.findings)];
    }));
    const count = (o: RecordResult["outcome"]) => results.filter((r) => r.outcome === o).length;
    const now = deps.clock();
    await advanceProgress(tx, c.id, {
      nextIndex: Math.max(lock.nextIndex, chunk[chunk.length - 1]!.record.index + 1),
      counts: { accepted: count("accepted"), unchanged: count("unchanged"), review: count("review"), rejected: count("rejected") },
      fileFindings,
    }, new Date(now.getTime() + c.leaseMs), now);
    return results;
  });
  for (const r of results) deps.metrics.records.inc({ outcome: r.outcome });
}

/** The final answer, in the batch channel's shape without the per-record list (that is the NDJSON outputs). */
async function finishDone(deps: Deps, id: string, attempt: number, fileFindings: readonly Finding[]): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (!(await lockChunk(tx, id, attempt)).owned) throw new LeaseLostError(id);
    const p = (await findProgress(tx, id))!;
    const counts = { accepted: p.accepted, unchanged: p.unchanged, review: p.review, rejected: p.rejected };
    const body = {
      submission_id: id,
      status_url: statusUrl(id),
      status: "done",
      counts,
      result_url: `/api/batches/${id}/result`,
      findings: fileFindings,
    };
    // File findings seen after the last chunk (a row over 1 MB at the very end) are kept too.
    await advanceProgress(tx, id, { nextIndex: p.next_index, counts: { accepted: 0, unchanged: 0, review: 0, rejected: 0 }, fileFindings }, deps.clock(), deps.clock());
    await finishSubmission(tx, id, {
      httpStatus: 200,
      response: body,
      recordCount: p.accepted + p.unchanged + p.review + p.rejected,
      accepted: p.accepted + p.unchanged,
      rejected: p.rejected,
      review: p.review,
    }, deps.clock());
  });
}

async function finishRefused(deps: Deps, id: string, attempt: number, answer: { httpStatus: number; body: unknown }): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (!(await lockChunk(tx, id, attempt)).owned) throw new LeaseLostError(id);
    await finishSubmission(tx, id, { httpStatus: answer.httpStatus, response: answer.body, recordCount: 0, accepted: 0, rejected: 0, review: 0 }, deps.clock());
  });
}

/**
 * Keeps the lease alive while the file is read (skipping to a checkpoint deep in a large file can
 * take longer than a lease); `check()` throws once another worker has taken the submission over.
 */
function startHeartbeat(deps: Deps, id: string, attempt: number, leaseMs: number): { check(): void; stop(): void } {
  let lost = false;
  const beat = () => {
    renewLease(deps.db, id, attempt, new Date(deps.clock().getTime() + leaseMs)).then(
      (owned) => {
        if (!owned) lost = true;
      },
      (err: unknown) => deps.log.warn({ err, submissionId: id }, "large batch: lease renewal failed"),
    );
  };
  const timer = setInterval(beat, Math.max(1000, Math.floor(leaseMs / 3)));
  timer.unref();
  return {
    check() {
      if (lost) throw new LeaseLostError(id);
    },
    stop: () => clearInterval(timer),
  };
}
