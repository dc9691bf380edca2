/**
 * Taking a request in, for every channel: store it first (bytes + sha256, durable before any
 * answer), then process it within the latency budget or leave it to the worker. A `msg_id` seen
 * before gets the answer stored for it; copies arriving together get the one answer.
 */
import { createHash, randomUUID } from "node:crypto";
import type { Deps } from "../deps.ts";
import type { FacilityRow } from "../facility/facilities-repo.ts";
import { forbidden } from "../outcome.ts";
import { claimSubmission, findSubmission, findSubmissionByMsgId, insertSubmissions, type NewSubmission } from "./inbox-repo.ts";
import { prepareLoaded, processSubmission, receivedAnswer, storedAnswer, type Answer, type Pipeline } from "./process.ts";
import { createGroup, flushesFor, type Group } from "../db/group.ts";
import type { Db } from "../db/port.ts";
import type { Channel } from "./channels/channel.ts";
import { timeStage } from "../metrics.ts";

export const LEASE_MS = 30_000;
const POLL_MS = 20;

export interface Incoming {
  channel: Channel;
  msgId: string | null;
  body: Buffer;
  meta?: unknown;
}

export async function acceptSubmission(deps: Deps, pipeline: Pipeline, facility: FacilityRow, inc: Incoming): Promise<Answer> {
  const submissionId = randomUUID();
  const receivedAt = deps.clock();
  // Processed here, now: stored already claimed, so no worker takes it meanwhile.
  const inline = inc.body.length <= deps.config.HOSO_SYNC_MAX_BYTES;
  const storing = performance.now();
  const inserting = inboxOf(deps.db).add({
    submissionId,
    facilityId: facility.facility_id,
    channel: inc.channel.name,
    msgId: inc.msgId,
    body: inc.body,
    sha256: sha256(inc.body),
    status: inline ? "processing" : "received",
    receivedAt,
    ...(inline ? { leaseUntil: new Date(receivedAt.getTime() + LEASE_MS) } : {}),
    ...(inc.meta === undefined ? {} : { meta: inc.meta }),
  });
  const sub = { submissionId, body: inc.body, receivedAt, meta: inc.meta };
  if (!inline) return (await inserting) ? receivedAnswer(deps, inc.channel, facility, sub) : replay(deps, pipeline, facility, inc);
  // Read, checked and linked while the raw request is being stored — on the next turn, once the
  // INSERT has gone out. Nothing is written, and nothing answered, before that INSERT commits.
  const preparing = new Promise((resolve) => setImmediate(resolve)).then(() =>
    prepareLoaded(deps, pipeline, { ...sub, facility, channel: inc.channel, attempts: 1 }));
  preparing.catch(() => {}); // a failure surfaces below, through the work, once the INSERT is done
  if (!(await inserting)) return replay(deps, pipeline, facility, inc);
  timeStage(deps.metrics, "store_raw", storing);
  return withinBudget(deps, facility, inc.channel, sub, preparing.then((finish) => finish()));
}

const inboxes = new WeakMap<object, Group<NewSubmission, boolean>>();

/** Submissions arriving together are stored together: one INSERT and one commit (db/group.ts). */
function inboxOf(db: Db): Group<NewSubmission, boolean> {
  let group = inboxes.get(db);
  if (!group) {
    group = createGroup({
      run: (subs) => insertSubmissions(db, subs),
      maxBatch: 32,
      weigh: (s) => s.body.length,
      maxWeight: 8 * 1024 * 1024,
      concurrency: flushesFor(db),
    });
    inboxes.set(db, group);
  }
  return group;
}

async function runWithinBudget(
  deps: Deps,
  pipeline: Pipeline,
  facility: FacilityRow,
  channel: Channel,
  sub: { submissionId: string; body: Uint8Array; receivedAt: Date; meta?: unknown },
): Promise<Answer> {
  const id = sub.submissionId;
  if (!(await claimSubmission(deps.db, id, deps.clock(), LEASE_MS))) return waitForAnswer(deps, facility, channel, sub);
  return withinBudget(deps, facility, channel, sub, processSubmission(deps, pipeline, id));
}

/** The work's answer if it comes within the budget; else "received", and the work goes on. */
async function withinBudget(
  deps: Deps,
  facility: FacilityRow,
  channel: Channel,
  sub: { submissionId: string; body: Uint8Array; receivedAt: Date; meta?: unknown },
  work: Promise<Answer>,
): Promise<Answer> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), deps.config.HOSO_SYNC_BUDGET_MS);
  });
  // Past the budget the answer is "received"; the work goes on and is recorded when it finishes.
  work.catch((err: unknown) => deps.log.error({ err, submissionId: sub.submissionId }, "processing failed; the worker will retry"));
  try {
    return (await Promise.race([work, late])) ?? receivedAnswer(deps, channel, facility, sub);
  } finally {
    clearTimeout(timer);
  }
}

async function replay(deps: Deps, pipeline: Pipeline, facility: FacilityRow, inc: Incoming): Promise<Answer> {
  const prior = await findSubmissionByMsgId(deps.db, inc.msgId!);
  if (!prior || prior.facility_id !== facility.facility_id) {
    return forbidden("PUSH-MSG-ID-TAKEN", { vi: "msg_id đã được dùng.", en: "msg_id already used." });
  }
  if (prior.status === "done") return storedAnswer(prior);
  // Its first processor may have died: take it over if the lease ran out, else wait for the answer.
  const sub = { submissionId: prior.submission_id, body: inc.body, receivedAt: new Date(prior.received_at), meta: prior.meta };
  return runWithinBudget(deps, pipeline, facility, inc.channel, sub);
}

async function waitForAnswer(
  deps: Deps,
  facility: FacilityRow,
  channel: Channel,
  sub: { submissionId: string; body: Uint8Array; receivedAt: Date; meta?: unknown },
): Promise<Answer> {
  const until = Date.now() + deps.config.HOSO_SYNC_BUDGET_MS;
  while (Date.now() < until) {
    const row = await findSubmission(deps.db, sub.submissionId);
    if (row?.status === "done") return storedAnswer(row);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return receivedAnswer(deps, channel, facility, sub);
}

export const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
