/**
 * The sending side of the push, as a facility's software builds it (standards.md §5.5): used by
 * `hoso push`, the demo loader, benchmarks and tests — one implementation of the wire format.
 */
import { randomUUID, type KeyObject } from "node:crypto";
import { signPush } from "./signature.ts";

export interface PushInput {
  senderId: string;
  receiverId?: string;
  xml: string | Uint8Array;
  key: KeyObject | string;
  msgId?: string;
  now?: Date;
}

/** `sender_id + YYMMDD + UUIDv4 without dashes`. */
export function newMsgId(senderId: string, now: Date): string {
  return `${senderId}${now.toISOString().slice(2, 10).replace(/-/g, "")}${randomUUID().replace(/-/g, "")}`;
}

export function buildPush(p: PushInput): { body: string; msgId: string } {
  const now = p.now ?? new Date();
  const msgId = p.msgId ?? newMsgId(p.senderId, now);
  const header = {
    version: "1.0.6",
    sender_id: p.senderId,
    receiver_id: p.receiverId ?? "TDLBYT",
    txn_type: "sync_checkup",
    msg_id: msgId,
    msg_type: "101",
    data_type: "xml/base64",
    send_datetime: String(now.getTime()),
  };
  const headerJson = JSON.stringify(header);
  const data = Buffer.from(p.xml).toString("base64");
  const signature = signPush(p.key, headerJson, data);
  return { body: `{"header":${headerJson},"data":"${data}","signature":"${signature}"}`, msgId };
}
