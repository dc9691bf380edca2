/**
 * `POST /api/platform/data-sync/push` (QĐ 1551/2062 annex 2): read the body, check the sender and
 * its signature, then hand the request to the shared intake (accept.ts). A refused request is
 * still kept, for audit, without taking its `msg_id`.
 */
import { randomUUID } from "node:crypto";
import type { Deps } from "../deps.ts";
import type { Principal } from "../access/tokens.ts";
import { finding, type Finding } from "../checkup/finding.ts";
import { forbidden, type LocalText } from "../outcome.ts";
import { facilityWithKeys, findFacilityById, type FacilityRow } from "../facility/facilities-repo.ts";
import { insertSubmission } from "./inbox-repo.ts";
import type { Answer, Pipeline } from "./process.ts";
import { readPushBody, type PushEnvelope } from "./push-envelope.ts";
import { hubReceipt, RES_CODES, type ResCode } from "./receipt.ts";
import { verifyPush } from "./signature.ts";
import { acceptSubmission, sha256 } from "./accept.ts";
import { kskPush, rememberEnvelope } from "./channels/ksk-push.ts";

export { LEASE_MS } from "./accept.ts";

export async function activeFacility(deps: Deps, who: Principal): Promise<FacilityRow> {
  const facility = who.facilityId ? await findFacilityById(deps.db, who.facilityId) : null;
  return facility?.active ? facility : refuseInactive();
}

const refuseInactive = (): never =>
  forbidden("PUSH-FACILITY-INACTIVE", { vi: "Cơ sở không còn hoạt động trên hệ thống.", en: "The facility is not active." });

export async function receivePush(deps: Deps, pipeline: Pipeline, who: Principal, body: Buffer): Promise<Answer> {
  const found = who.facilityId ? await facilityWithKeys(deps.db, who.facilityId, deps.clock()) : null;
  if (!found?.active) return refuseInactive();
  const { keys, ...facility } = found;
  const read = readPushBody(body.toString("utf8"), deps.config.HOSO_RECEIVER_IDS);
  if ("findings" in read) {
    const missingSig = read.findings.every((f) => f.code === RES_CODES.signatureMissing);
    return refuse(deps, facility, body, null, 400, missingSig ? RES_CODES.signatureMissing : RES_CODES.invalid, MESSAGES.invalid, read.findings);
  }
  const env = read.envelope;
  const problem = envelopeProblem(facility, keys, env);
  if (problem) return refuse(deps, facility, body, env, problem.http, problem.resCode, problem.message, [problem.finding]);
  rememberEnvelope(body, env);
  return acceptSubmission(deps, pipeline, facility, { channel: kskPush, msgId: env.header.msg_id, body });
}

function envelopeProblem(facility: FacilityRow, keys: readonly string[], env: PushEnvelope) {
  const sender = env.header.sender_id;
  if (sender !== facility.gln && sender !== facility.code) {
    return {
      http: 403,
      resCode: RES_CODES.invalid,
      message: MESSAGES.senderMismatch,
      finding: finding("PUSH-SENDER-MISMATCH", "error", "header/sender_id", "sender_id không phải cơ sở đã đăng nhập.", "sender_id is not the signed-in facility."),
    };
  }
  if (!keys.some((pem) => verifyPush(pem, env.headerJson, env.data, env.signature))) {
    return {
      http: 401,
      resCode: RES_CODES.signatureInvalid,
      message: MESSAGES.badSignature,
      finding: finding("PS_SIGNATURE_INVALID", "error", "signature", "Chữ ký không hợp lệ với khóa đã đăng ký.", "Signature does not verify with a registered key."),
    };
  }
  return null;
}

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
  const receipt = await hubReceipt(deps, {
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
      channel: kskPush.name,
      msgId: null,
      body,
      sha256: sha256(body),
      status: "refused",
      receivedAt: deps.clock(),
      httpStatus,
      response: receipt,
    });
  }
  return { httpStatus, body: receipt };
}

const MESSAGES = {
  invalid: { vi: "Yêu cầu không hợp lệ.", en: "Invalid request." },
  badSignature: { vi: "Chữ ký số không hợp lệ.", en: "Invalid signature." },
  senderMismatch: { vi: "Cơ sở gửi không khớp tài khoản đăng nhập.", en: "Sender does not match the signed-in account." },
} satisfies Record<string, LocalText>;
