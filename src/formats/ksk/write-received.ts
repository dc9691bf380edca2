/**
 * Fields a record carries only in `blocks` (as received): the writer passes them through so a
 * parse → write round trip keeps what the model has no place for (XML5/XML6, DGDD_* flags…).
 */
import type { CheckupRecord } from "../../checkup/model.ts";
import { isSignatureTag } from "./signatures.ts";
import { leaf, type XmlNode } from "./write-xml.ts";

function receivedBlock(record: CheckupRecord, type: string): Record<string, unknown> | null {
  const block = record.blocks[type];
  return typeof block === "object" && block !== null && !Array.isArray(block) ? (block as Record<string, unknown>) : null;
}

/** A text field of a received block; `""` and anything not text give null. */
export function receivedText(record: CheckupRecord, type: string, tag: string): string | null {
  const value = receivedBlock(record, type)?.[tag];
  return typeof value === "string" && value !== "" ? value : null;
}

/** The text fields of a received block the writer does not manage itself (signatures are placed apart). */
export function passThrough(record: CheckupRecord, type: string, managed: (tag: string) => boolean): XmlNode[] {
  const block = receivedBlock(record, type);
  if (!block) return [];
  return Object.entries(block).flatMap(([tag, value]) =>
    typeof value === "string" && !managed(tag) && !isSignatureTag(tag) ? [leaf(tag, value)] : [],
  );
}
