/**
 * Processing one stored submission: parse, check, link and store, then record the signed answer —
 * all writes in one transaction with the submission marked done, so a crash at any point leaves
 * either nothing or everything, and a later attempt (same or another worker) finishes the job.
 */
import type { Deps } from "../deps.ts";
import { hasErrors } from "../checkup/finding.ts";
import type { ParseResult } from "../formats/types.ts";
import { insertSubmissionRecords } from "../record/checkups-repo.ts";
import { storeCheckups, type StoreItem } from "../record/store.ts";
import { findFacilityById } from "../facility/facilities-repo.ts";
import type { Registry } from "../identity/registry.ts";
import {
  findSubmission,
  finishSubmission,
  lockForFinish,
  readBody,
  type SubmissionRow,
} from "./inbox-repo.ts";
import { readPushBody } from "./push-envelope.ts";
import { hubReceipt, RES_CODES, type Receipt, type RecordResult, type ResCode } from "./receipt.ts";
import { decideRecords, type Checker } from "./records.ts";
import type { LocalText } from "../outcome.ts";

export interface Answer {
  httpStatus: number;
  receipt: Receipt;
}

export interface Pipeline {
  parse(xml: Uint8Array): ParseResult;
  check: Checker;
  registry: Registry;
}

const MAX_ATTEMPTS = 5;

export async function processSubmission(deps: Deps, pipeline: Pipeline, submissionId: string): Promise<Answer> {
  const sub = (await findSubmission(deps.db, submissionId))!;
  if (sub.status === "done") return storedAnswer(sub);
  const facility = (await findFacilityById(deps.db, sub.facility_id))!;
  const text = Buffer.from(await readBody(deps.db, submissionId)).toString("utf8");
  const read = readPushBody(text, deps.config.HOSO_RECEIVER_IDS);
  if (!("envelope" in read)) throw new Error("stored submission no longer reads"); // checked before storing
  const { header, data } = read.envelope;
  const receipt = (resCode: ResCode, message: LocalText, records: RecordResult[], findings = parsedFindings) =>
    hubReceipt(deps, {
      receiverId: header.sender_id,
      refMsgId: header.msg_id,
      resCode,
      message,
      data: { submission_id: submissionId, status: "done", status_url: statusUrl(submissionId), records, findings },
    });
  let parsedFindings: ParseResult["findings"] = [];

  if (sub.attempts > MAX_ATTEMPTS) {
    return finishWith(deps, sub, 500, receipt(RES_CODES.saveFail, MESSAGES.gaveUp, []));
  }
  const parsed = pipeline.parse(Buffer.from(data, "base64"));
  parsedFindings = parsed.findings;
  if (hasErrors(parsed.findings)) {
    return finishWith(deps, sub, 400, receipt(RES_CODES.invalid, MESSAGES.envelopeInvalid, []));
  }
  const now = deps.clock();
  const decided = await decideRecords(parsed.records, {
    facility,
    envelopeFacilityId: parsed.facilityId,
    now,
    receivedAt: new Date(sub.received_at),
    check: pipeline.check,
    registry: pipeline.registry,
  });

  return deps.db.transaction(async (tx) => {
    if (!(await lockForFinish(tx, sub.submission_id))) return storedAnswer((await findSubmission(tx, submissionId))!);
    const toStore = decided.flatMap((d, i) => (d.route ? [{ i, item: { record: d.record, findings: d.findings, ...d.route } satisfies StoreItem }] : []));
    const stored = await storeCheckups(tx, { facilityId: facility.facility_id, submissionId }, toStore.map((s) => s.item));
    const byIndex = new Map(toStore.map((s, k) => [s.i, stored[k]!]));
    const results: RecordResult[] = decided.map((d, i) => {
      const s = byIndex.get(i);
      return { index: d.record.index, ma_lk: d.record.maLk, outcome: s ? s.outcome : "rejected", version: s?.version ?? null, findings: d.findings };
    });
    await insertSubmissionRecords(tx, results.map((r, i) => {
      const s = byIndex.get(i);
      return [submissionId, r.index, r.ma_lk, r.outcome, s?.personId ?? null, s?.checkupId ?? null, r.version, JSON.stringify(r.findings)];
    }));
    for (const r of results) deps.metrics.records.inc({ outcome: r.outcome });
    const rejected = results.filter((r) => r.outcome === "rejected").length;
    const allRejected = results.length > 0 && rejected === results.length;
    const answer = receipt(
      allRejected || results.length === 0 ? RES_CODES.verifyFail : RES_CODES.success,
      results.length === 0 ? MESSAGES.empty : allRejected ? MESSAGES.allRejected : MESSAGES.success,
      results,
    );
    await finishSubmission(tx, submissionId, {
      httpStatus: 200,
      response: answer,
      recordCount: results.length,
      accepted: results.filter((r) => r.outcome === "accepted" || r.outcome === "unchanged").length,
      rejected,
      review: results.filter((r) => r.outcome === "review").length,
    }, deps.clock());
    return { httpStatus: 200, receipt: answer };
  });
}

async function finishWith(deps: Deps, sub: SubmissionRow, httpStatus: number, receipt: Receipt): Promise<Answer> {
  return deps.db.transaction(async (tx) => {
    if (!(await lockForFinish(tx, sub.submission_id))) return storedAnswer((await findSubmission(tx, sub.submission_id))!);
    await finishSubmission(tx, sub.submission_id, { httpStatus, response: receipt, recordCount: 0, accepted: 0, rejected: 0, review: 0 }, deps.clock());
    return { httpStatus, receipt };
  });
}

export function storedAnswer(sub: SubmissionRow): Answer {
  return { httpStatus: sub.http_status ?? 200, receipt: sub.response as Receipt };
}

export const statusUrl = (id: string) => `/api/submissions/${id}`;

const MESSAGES = {
  success: { vi: "Đã tiếp nhận; xem kết quả từng hồ sơ.", en: "Received; see each record's outcome." },
  allRejected: { vi: "Không hồ sơ nào đạt kiểm tra.", en: "No record passed the checks." },
  empty: { vi: "Gói dữ liệu không có hồ sơ nào.", en: "The envelope holds no record." },
  envelopeInvalid: { vi: "Gói dữ liệu KHAMSUCKHOE không đọc được.", en: "The KHAMSUCKHOE envelope cannot be read." },
  gaveUp: { vi: "Không xử lý được gói dữ liệu sau nhiều lần thử.", en: "The submission failed after several attempts." },
} satisfies Record<string, LocalText>;
