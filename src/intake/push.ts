/**
 * `POST /api/platform/data-sync/push`: store the raw request first (bytes + sha256), then verify,
 * then process within the latency budget or hand over to the worker. A `msg_id` seen before gets
 * the answer stored for it; two copies arriving together get the one answer (invariant 2).
 */
import { createHash, randomUUID } from "node:crypto";
import type { Deps } from "../deps.ts";
import type { Principal } from "../access/tokens.ts";
import type { Finding } from "../checkup/finding.ts";
import { finding } from "../checkup/finding.ts";
import { forbidden, type LocalText } from "../outcome.ts";
import { findFacilityById, listKeys, type FacilityRow } from "../facility/facilities-repo.ts";
import { claimSubmission, findSubmission, findSubmissionByMsgId, insertSubmission } from "./inbox-repo.ts";
import { processSubmission, statusUrl, storedAnswer, type Answer, type Pipeline } from "./process.ts";
import { readPushBody, type PushEnvelope } from "./push-envelope.ts";
import { hubReceipt, RES_CODES, type ResCode } from "./receipt.ts";
import { verifyPush } from "./signature.ts";

export const LEASE_MS = 30_000;
const POLL_MS = 20;

export async function receivePush(deps: Deps, pipeline: Pipeline, who: Principal, body: Buffer): Promise<Answer> {
  const facility = who.facilityId ? await findFacilityById(deps.db, who.facilityId) : null;
  if (!facility?.active) {
    return forbidden("PUSH-FACILITY-INACTIVE", { vi: "Cơ sở không còn hoạt động trên hệ thống.", en: "The facility is not active." });
  }
  const read = readPushBody(body.toString("utf8"), deps.config.HOSO_RECEIVER_IDS);
  if ("findings" in read) {
    const missingSig = read.findings.every((f) => f.code === RES_CODES.signatureMissing);
    return refuse(deps, facility, body, null, 400, missingSig ? RES_CODES.signatureMissing : RES_CODES.invalid, MESSAGES.invalid, read.findings);
  }
  const env = read.envelope;
  const problem = await envelopeProblem(deps, facility, env);
  if (problem) return refuse(deps, facility, body, env, problem.http, problem.resCode, problem.message, [problem.finding]);

  const submissionId = randomUUID();
  const inserted = await insertSubmission(deps.db, {
    submissionId,
    facilityId: facility.facility_id,
    channel: "ksk-push",
    msgId: env.header.msg_id,
    body,
    sha256: sha256(body),
    status: "received",
    receivedAt: deps.clock(),
  });
  if (!inserted) return replay(deps, pipeline, facility, env);
  if (env.data.length > deps.config.HOSO_SYNC_MAX_BYTES) return queued(deps, facility, env, submissionId);
  return runWithinBudget(deps, pipeline, facility, env, submissionId);
}

async function runWithinBudget(deps: Deps, pipeline: Pipeline, facility: FacilityRow, env: PushEnvelope, id: string): Promise<Answer> {
  if (!(await claimSubmission(deps.db, id, deps.clock(), LEASE_MS))) return waitForAnswer(deps, facility, env, id);
  const work = processSubmission(deps, pipeline, id);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), deps.config.HOSO_SYNC_BUDGET_MS);
  });
  // Past the budget the answer is "received"; the work goes on and is recorded when it finishes.
  work.catch((err: unknown) => deps.log.error({ err, submissionId: id }, "processing failed; the worker will retry"));
  try {
    return (await Promise.race([work, late])) ?? queued(deps, facility, env, id);
  } finally {
    clearTimeout(timer);
  }
}

async function replay(deps: Deps, pipeline: Pipeline, facility: FacilityRow, env: PushEnvelope): Promise<Answer> {
  const prior = await findSubmissionByMsgId(deps.db, env.header.msg_id);
  if (!prior || prior.facility_id !== facility.facility_id) {
    return refuse(deps, facility, Buffer.alloc(0), env, 409, RES_CODES.invalid, MESSAGES.msgIdTaken, [
      finding("PUSH-MSG-ID-TAKEN", "error", "header/msg_id", "msg_id đã được dùng.", "msg_id already used."),
    ]);
  }
  if (prior.status === "done") return storedAnswer(prior);
  // Its first processor may have died: take it over if the lease ran out, else wait for the answer.
  return runWithinBudget(deps, pipeline, facility, env, prior.submission_id);
}

async function waitForAnswer(deps: Deps, facility: FacilityRow, env: PushEnvelope, id: string): Promise<Answer> {
  const until = Date.now() + deps.config.HOSO_SYNC_BUDGET_MS;
  while (Date.now() < until) {
    const row = await findSubmission(deps.db, id);
    if (row?.status === "done") return storedAnswer(row);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return queued(deps, facility, env, id);
}

function queued(deps: Deps, facility: FacilityRow, env: PushEnvelope, id: string): Answer {
  return {
    httpStatus: 202,
    receipt: hubReceipt(deps, {
      receiverId: facility.gln ?? facility.code,
      refMsgId: env.header.msg_id,
      resCode: RES_CODES.success,
      message: MESSAGES.queued,
      data: { submission_id: id, status: "received", status_url: statusUrl(id), records: [], findings: [] },
    }),
  };
}

async function envelopeProblem(deps: Deps, facility: FacilityRow, env: PushEnvelope) {
  const sender = env.header.sender_id;
  if (sender !== facility.gln && sender !== facility.code) {
    return {
      http: 403,
      resCode: RES_CODES.invalid,
      message: MESSAGES.senderMismatch,
      finding: finding("PUSH-SENDER-MISMATCH", "error", "header/sender_id", "sender_id không phải cơ sở đã đăng nhập.", "sender_id is not the signed-in facility."),
    };
  }
  const keys = await listKeys(deps.db, facility.facility_id, true);
  if (!keys.some((k) => verifyPush(k.public_key_pem, env.headerJson, env.data, env.signature))) {
    return {
      http: 401,
      resCode: RES_CODES.signatureInvalid,
      message: MESSAGES.badSignature,
      finding: finding("PS_SIGNATURE_INVALID", "error", "signature", "Chữ ký không hợp lệ với khóa đã đăng ký.", "Signature does not verify with a registered key."),
    };
  }
  return null;
}

/** A refused request is kept too (for audit), without taking its msg_id. */
async function refuse(
  deps: Deps,
  facility: FacilityRow,
  body: Buffer,
  env: PushEnvelope | null,
  httpStatus: number,
  resCode: ResCode,
  message: LocalText,
  findings: Finding[],
): Promise<Answer> {
  const submissionId = randomUUID();
  const receipt = hubReceipt(deps, {
    receiverId: facility.gln ?? facility.code,
    refMsgId: env?.header.msg_id ?? null,
    resCode,
    message,
    data: { submission_id: body.length > 0 ? submissionId : null, status: "refused", status_url: null, records: [], findings },
  });
  if (body.length > 0) {
    await insertSubmission(deps.db, {
      submissionId,
      facilityId: facility.facility_id,
      channel: "ksk-push",
      msgId: null,
      body,
      sha256: sha256(body),
      status: "refused",
      receivedAt: deps.clock(),
      httpStatus,
      response: receipt,
    });
  }
  return { httpStatus, receipt };
}

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

const MESSAGES = {
  invalid: { vi: "Yêu cầu không hợp lệ.", en: "Invalid request." },
  badSignature: { vi: "Chữ ký số không hợp lệ.", en: "Invalid signature." },
  senderMismatch: { vi: "Cơ sở gửi không khớp tài khoản đăng nhập.", en: "Sender does not match the signed-in account." },
  msgIdTaken: { vi: "msg_id đã được dùng.", en: "msg_id already used." },
  queued: { vi: "Đã nhận; đang xử lý. Xem trạng thái tại status_url.", en: "Received; processing. Poll status_url." },
} satisfies Record<string, LocalText>;
