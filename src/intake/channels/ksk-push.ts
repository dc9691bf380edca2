/** The Ministry's check-up push (QĐ 1551/2062): KHAMSUCKHOE inside `{header, data, signature}`. */
import { parseKsk } from "../../formats/ksk/parse.ts";
import type { LocalText } from "../../outcome.ts";
import { readPushBody, type PushEnvelope } from "../push-envelope.ts";
import { hubReceipt, RES_CODES, type RecordResult, type ResCode } from "../receipt.ts";
import type { Finding } from "../../checkup/finding.ts";
import type { Channel } from "./channel.ts";

export const statusUrl = (id: string) => `/api/submissions/${id}`;

/** Envelopes already read from a body in hand (push.ts read it to check the signature). */
const readBodies = new WeakMap<Uint8Array, PushEnvelope>();

export function rememberEnvelope(body: Uint8Array, envelope: PushEnvelope): void {
  readBodies.set(body, envelope);
}

function envelopeOf(body: Uint8Array, receiverIds: readonly string[]): PushEnvelope {
  const known = readBodies.get(body);
  if (known) return known;
  const read = readPushBody(Buffer.from(body).toString("utf8"), receiverIds);
  // The body was read and its signature checked before it was stored.
  if (!("envelope" in read)) throw new Error("stored push no longer reads");
  readBodies.set(body, read.envelope);
  return read.envelope;
}

export const kskPush: Channel = {
  name: "ksk-push",
  read(body, deps) {
    const { data } = envelopeOf(body, deps.config.HOSO_RECEIVER_IDS);
    const parsed = parseKsk(Buffer.from(data, "base64"));
    return { facilityId: parsed.facilityId, records: parsed.records, findings: parsed.findings };
  },
  async answer(deps, ctx, outcome) {
    const { header } = envelopeOf(ctx.body, deps.config.HOSO_RECEIVER_IDS);
    const receipt = async (
      httpStatus: number,
      resCode: ResCode,
      message: LocalText,
      status: "done" | "received",
      results: RecordResult[] = [],
      findings: Finding[] = [],
    ) => ({
      httpStatus,
      body: await hubReceipt(deps, {
        receiverId: header.sender_id,
        refMsgId: header.msg_id,
        resCode,
        message,
        data: { submission_id: ctx.submissionId, status, status_url: statusUrl(ctx.submissionId), records: results, findings },
      }),
    });
    switch (outcome.kind) {
      case "received":
        return receipt(202, RES_CODES.success, MESSAGES.queued, "received");
      case "gave-up":
        return receipt(500, RES_CODES.saveFail, MESSAGES.gaveUp, "done");
      case "invalid":
        return receipt(400, RES_CODES.invalid, MESSAGES.envelopeInvalid, "done", [], outcome.findings);
      case "done": {
        const { results, findings } = outcome;
        const allRejected = results.length > 0 && results.every((r) => r.outcome === "rejected");
        const code = allRejected || results.length === 0 ? RES_CODES.verifyFail : RES_CODES.success;
        const message = results.length === 0 ? MESSAGES.empty : allRejected ? MESSAGES.allRejected : MESSAGES.success;
        return receipt(200, code, message, "done", results, findings);
      }
    }
  },
};

const MESSAGES = {
  success: { vi: "Đã tiếp nhận; xem kết quả từng hồ sơ.", en: "Received; see each record's outcome." },
  allRejected: { vi: "Không hồ sơ nào đạt kiểm tra.", en: "No record passed the checks." },
  empty: { vi: "Gói dữ liệu không có hồ sơ nào.", en: "The envelope holds no record." },
  envelopeInvalid: { vi: "Gói dữ liệu KHAMSUCKHOE không đọc được.", en: "The KHAMSUCKHOE envelope cannot be read." },
  gaveUp: { vi: "Không xử lý được gói dữ liệu sau nhiều lần thử.", en: "The submission failed after several attempts." },
  queued: { vi: "Đã nhận; đang xử lý. Xem trạng thái tại status_url.", en: "Received; processing. Poll status_url." },
} satisfies Record<string, LocalText>;
