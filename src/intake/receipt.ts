/**
 * The hub's answer to a push: a `msg_type 102` message with `ref_msg_id`, a documented `res_code`
 * (standards.md §5.5), the per-record results as base64 JSON in `data`, and the hub's own
 * RSA-SHA256 signature over the same signing string as a request, so the facility can verify it
 * with the hub's public key (`GET /api/platform/public-key`).
 */
import { randomUUID, type KeyObject } from "node:crypto";
import type { Finding } from "../checkup/finding.ts";
import type { LocalText } from "../outcome.ts";
import type { Deps } from "../deps.ts";
import { signPushAsync } from "./signature.ts";

export const RES_CODES = {
  success: "CM_SUCCESS",
  invalid: "CM_INVALID_REQUEST",
  signatureInvalid: "PS_SIGNATURE_INVALID",
  signatureMissing: "PS_DS_RSA_SIGNATURE_MISSING",
  verifyFail: "PS_DS_VERIFY_FAIL",
  saveFail: "PS_DS_SAVE_FAIL",
} as const;
export type ResCode = (typeof RES_CODES)[keyof typeof RES_CODES];

export type RecordOutcome = "accepted" | "unchanged" | "rejected" | "review";

export interface RecordResult {
  index: number;
  ma_lk: string | null;
  outcome: RecordOutcome;
  version: number | null;
  findings: Finding[];
}

export interface ReceiptData {
  submission_id: string | null;
  /** `done`: every record has its outcome; `received`: queued, poll `status_url`. */
  status: "done" | "received" | "refused";
  status_url: string | null;
  records: RecordResult[];
  findings: Finding[];
}

export interface Receipt {
  header: {
    version: string;
    sender_id: string;
    receiver_id: string;
    txn_type: "sync_checkup";
    msg_id: string;
    msg_type: "102";
    ref_msg_id: string | null;
    data_type: "json/base64";
    send_datetime: string;
  };
  res_code: ResCode;
  message: LocalText;
  data: string;
  signature: string;
}

export interface ReceiptInput {
  hubId: string;
  receiverId: string;
  refMsgId: string | null;
  resCode: ResCode;
  message: LocalText;
  data: ReceiptData;
  now: Date;
  key: KeyObject;
}

export async function buildReceipt(r: ReceiptInput): Promise<Receipt> {
  const yymmdd = r.now.toISOString().slice(2, 10).replace(/-/g, "");
  const header: Receipt["header"] = {
    version: "1.0.6",
    sender_id: r.hubId,
    receiver_id: r.receiverId,
    txn_type: "sync_checkup",
    msg_id: `${r.hubId}${yymmdd}${randomUUID().replace(/-/g, "")}`,
    msg_type: "102",
    ref_msg_id: r.refMsgId,
    data_type: "json/base64",
    send_datetime: String(r.now.getTime()),
  };
  const data = Buffer.from(JSON.stringify(r.data), "utf8").toString("base64");
  return {
    header,
    res_code: r.resCode,
    message: r.message,
    data,
    signature: await signPushAsync(r.key, JSON.stringify(header), data),
  };
}

/** Decodes a receipt's `data` (used by the CLI and tests). */
export function receiptData(receipt: Pick<Receipt, "data">): ReceiptData {
  return JSON.parse(Buffer.from(receipt.data, "base64").toString("utf8")) as ReceiptData;
}

/** A receipt from this hub: its id, its clock and its signing key. */
export function hubReceipt(
  deps: Pick<Deps, "config" | "clock" | "secrets">,
  r: Omit<ReceiptInput, "hubId" | "now" | "key">,
): Promise<Receipt> {
  return buildReceipt({ ...r, hubId: deps.config.HOSO_HUB_ID, now: deps.clock(), key: deps.secrets.signingKey });
}
