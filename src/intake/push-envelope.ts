/**
 * Reads a push body `{header, data, signature}` (standards.md §5.5): the header as the sender
 * wrote it (for the signature), the base64 payload (string, or `data.file_content`: §5.7 row 4)
 * and the signature. Returns what is wrong as a list, never throws.
 */
import { z } from "zod";
import type { Finding } from "../checkup/finding.ts";
import { finding } from "../checkup/finding.ts";
import { rawMember } from "./json-span.ts";

export const pushHeaderSchema = z.object({
  version: z.string().min(1).max(20),
  sender_id: z.string().regex(/^(\d{13}|[0-9A-Z]{5})$/),
  receiver_id: z.string().min(1).max(50),
  txn_type: z.literal("sync_checkup"),
  msg_id: z.string().min(1).max(100).regex(/^[0-9A-Za-z_-]+$/),
  msg_type: z.literal("101"),
  data_type: z.literal("xml/base64"),
  send_datetime: z.union([z.string().regex(/^\d{13}$/), z.number().int()]),
});
export type PushHeader = z.infer<typeof pushHeaderSchema>;

export interface PushEnvelope {
  header: PushHeader;
  headerJson: string;
  /** The base64 text as sent (hashed for the signature). */
  data: string;
  signature: string;
}

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}[\r\n]*$/;

export function readPushBody(text: string, receiverIds: readonly string[]): { envelope: PushEnvelope } | { findings: Finding[] } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { findings: [finding("PUSH-JSON-MALFORMED", "error", "", "Nội dung không phải JSON hợp lệ.", "Body is not valid JSON.")] };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { findings: [finding("PUSH-JSON-MALFORMED", "error", "", "Nội dung phải là một đối tượng JSON.", "Body must be a JSON object.")] };
  }
  const b = body as Record<string, unknown>;
  const findings: Finding[] = [];
  const header = pushHeaderSchema.safeParse(b.header);
  if (!header.success) {
    for (const i of header.error.issues) {
      const path = ["header", ...i.path.map(String)].join("/");
      findings.push(finding("PUSH-HEADER-INVALID", "error", path, `Trường ${path} không hợp lệ.`, `Field ${path} is invalid: ${i.message}.`));
    }
  } else if (!receiverIds.includes(header.data.receiver_id)) {
    findings.push(finding("PUSH-RECEIVER-UNKNOWN", "error", "header/receiver_id", "Mã nơi nhận không đúng.", "Unknown receiver_id."));
  }
  const data = typeof b.data === "string" ? b.data : fileContent(b.data);
  if (data === null) {
    findings.push(finding("PUSH-DATA-MISSING", "error", "data", "Thiếu dữ liệu (data).", "Missing data."));
  } else if (!BASE64.test(data) || data.replace(/[\r\n]/g, "").length % 4 !== 0) {
    findings.push(finding("PUSH-DATA-NOT-BASE64", "error", "data", "Dữ liệu không phải base64.", "data is not base64."));
  }
  if (typeof b.signature !== "string" || b.signature.length === 0) {
    findings.push(finding("PS_DS_RSA_SIGNATURE_MISSING", "error", "signature", "Thiếu chữ ký.", "Missing signature."));
  }
  const headerJson = rawMember(text, "header");
  if (findings.length > 0 || !header.success || data === null || headerJson === null) return { findings };
  return { envelope: { header: header.data, headerJson, data, signature: b.signature as string } };
}

function fileContent(v: unknown): string | null {
  if (typeof v === "object" && v !== null && typeof (v as { file_content?: unknown }).file_content === "string") {
    return (v as { file_content: string }).file_content;
  }
  return null;
}
