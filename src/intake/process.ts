/**
 * Processing one stored submission, whatever its channel: read it into records, check, link and
 * store, then record the channel's answer — all writes in one transaction with the submission
 * marked done, so a crash at any point leaves either nothing or everything, and a later attempt
 * (same or another worker) finishes the job.
 */
import type { Deps } from "../deps.ts";
import { hasErrors } from "../checkup/finding.ts";
import type { ParseResult } from "../formats/types.ts";
import { insertSubmissionRecords } from "../record/checkups-repo.ts";
import { storeCheckups, type StoreItem } from "../record/store.ts";
import { findFacilityById, type FacilityRow } from "../facility/facilities-repo.ts";
import type { Registry } from "../identity/registry.ts";
import type { Matcher } from "../identity/matcher.ts";
import { openReviewCases, recordMatchDecisions, settleNewPersons } from "../identity/review/intake.ts";
import { findSubmission, finishSubmission, lockForFinish, readBody, type SubmissionRow } from "./inbox-repo.ts";
import type { RecordResult } from "./receipt.ts";
import { decideRecords, type Checker, type Decided } from "./records.ts";
import type { Queryable } from "../db/port.ts";
import type { StoreResult } from "../record/store.ts";
import type { MatchResult } from "../identity/match/index.ts";
import type { ReviewCaseInput } from "../identity/review/intake.ts";
import { channelOf } from "./channels/index.ts";
import type { Answer, AnswerContext, Channel, ChannelOutcome, ChannelTools } from "./channels/channel.ts";

export type { Answer } from "./channels/channel.ts";

export interface Pipeline extends ChannelTools {
  parse(xml: Uint8Array): ParseResult;
  check: Checker;
  registry: Registry;
  matcher: Matcher;
}

const MAX_ATTEMPTS = 5;

export async function processSubmission(deps: Deps, pipeline: Pipeline, submissionId: string): Promise<Answer> {
  const sub = (await findSubmission(deps.db, submissionId))!;
  if (sub.status === "done") return storedAnswer(sub);
  const channel = channelOf(sub.channel);
  const facility = (await findFacilityById(deps.db, sub.facility_id))!;
  const body = await readBody(deps.db, submissionId);
  const ctx: AnswerContext = { submissionId, facility, body, receivedAt: new Date(sub.received_at), meta: sub.meta };
  if (sub.attempts > MAX_ATTEMPTS) return finishWith(deps, sub, channel.answer(deps, ctx, { kind: "gave-up" }));

  const read = await channel.read(body, deps, pipeline, sub.meta);
  if (hasErrors(read.findings)) return finishWith(deps, sub, channel.answer(deps, ctx, { kind: "invalid", findings: read.findings }));
  const decided = await decideRecords(read.records, {
    facility,
    envelopeFacilityId: read.facilityId,
    now: deps.clock(),
    receivedAt: ctx.receivedAt,
    check: pipeline.check,
    registry: pipeline.registry,
    matcher: pipeline.matcher,
  });

  return deps.db.transaction(async (tx) => {
    if (!(await lockForFinish(tx, submissionId))) return storedAnswer((await findSubmission(tx, submissionId))!);
    const toStore = decided.flatMap((d, i) =>
      d.route ? [{ i, item: { record: d.record, findings: d.findings, kind: read.kinds?.get(d.record.index) ?? "checkup", ...d.route } satisfies StoreItem }] : [],
    );
    const stored = await storeCheckups(tx, { facilityId: facility.facility_id, submissionId }, toStore.map((s) => s.item));
    const byIndex = new Map(toStore.map((s, k) => [s.i, stored[k]!]));
    await settleIdentity(tx, deps, facility, decided, byIndex);
    const results: RecordResult[] = decided.map((d, i) => {
      const s = byIndex.get(i);
      // A person the matcher found new (no ID: a passport, a newborn) is settled, not waiting.
      const outcome = !s ? "rejected" : s.outcome === "review" && d.route?.newPerson ? "accepted" : s.outcome;
      return { index: d.record.index, ma_lk: d.record.maLk, outcome, version: s?.version ?? null, findings: d.findings };
    });
    await insertSubmissionRecords(tx, results.map((r, i) => {
      const s = byIndex.get(i);
      return [submissionId, r.index, r.ma_lk, r.outcome, s?.personId ?? null, s?.checkupId ?? null, r.version, JSON.stringify(r.findings)];
    }));
    for (const r of results) deps.metrics.records.inc({ outcome: r.outcome });
    const answer = channel.answer(deps, ctx, { kind: "done", results, findings: read.findings, read });
    const count = (o: RecordResult["outcome"][]) => results.filter((r) => o.includes(r.outcome)).length;
    await finishSubmission(tx, submissionId, {
      httpStatus: answer.httpStatus,
      response: answer.body,
      recordCount: results.length,
      accepted: count(["accepted", "unchanged"]),
      rejected: count(["rejected"]),
      review: count(["review"]),
    }, deps.clock());
    return answer;
  });
}

async function finishWith(deps: Deps, sub: SubmissionRow, answer: Answer): Promise<Answer> {
  return deps.db.transaction(async (tx) => {
    if (!(await lockForFinish(tx, sub.submission_id))) return storedAnswer((await findSubmission(tx, sub.submission_id))!);
    await finishSubmission(tx, sub.submission_id, { httpStatus: answer.httpStatus, response: answer.body, recordCount: 0, accepted: 0, rejected: 0, review: 0 }, deps.clock());
    return answer;
  });
}

export function storedAnswer(sub: SubmissionRow): Answer {
  return { httpStatus: sub.http_status ?? 200, body: sub.response };
}

/** The channel's "received, finishing later" answer for a stored submission. */
export function receivedAnswer(deps: Deps, channel: Channel, facility: FacilityRow, sub: { submissionId: string; body: Uint8Array; receivedAt: Date; meta?: unknown }): Answer {
  return channel.answer(deps, { ...sub, facility }, { kind: "received" });
}

export type { ChannelOutcome };

/**
 * Identity bookkeeping of what was just stored (issue 4): the matcher's automatic links keep their
 * breakdown; its "new person" settles the provisional person as unregistered; everything else that
 * waits opens a review case — except records waiting for the registry itself, which relink first.
 */
async function settleIdentity(
  tx: Queryable,
  deps: Deps,
  facility: FacilityRow,
  decided: readonly Decided[],
  stored: ReadonlyMap<number, StoreResult>,
): Promise<void> {
  const links: { checkupId: string; match: MatchResult }[] = [];
  const fresh: { personId: string; checkupId: string; match: MatchResult }[] = [];
  const cases: ReviewCaseInput[] = [];
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
  await recordMatchDecisions(tx, links);
  await settleNewPersons(tx, fresh);
  await openReviewCases(tx, cases, deps.clock());
}
