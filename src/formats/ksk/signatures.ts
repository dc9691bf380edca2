/**
 * Inner signatures kept with the record (standards.md §1 item 2): the envelope CHUKYDONVI
 * (`CKS_NGUOI_KET_LUAN`, `CKS_BENH_VIEN`), and every `CKS_*` / `CKDT_*` field a block carries at its
 * top level (doctors' e-signatures in XML7, the paraclinical one in XML11, conclusion ones in XML12).
 * Per-row `CKDT_KET_QUA_CLS` is the observation's performer instead. Only text signatures are kept;
 * an XMLDSig element tree stays in the archived raw submission.
 */
import { isXmlElement, type XmlValue } from "../xml.ts";
import { blockSignature } from "./cls.ts";
import type { Blocks } from "./fields.ts";

export const isSignatureTag = (tag: string): boolean => tag.startsWith("CKS_") || tag.startsWith("CKDT_");

export function textSignatures(container: XmlValue | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isXmlElement(container)) return out;
  for (const [tag, value] of Object.entries(container)) {
    if (isSignatureTag(tag) && typeof value === "string" && value !== "") out[tag] = value;
  }
  return out;
}

export function readSignatures(envelope: Record<string, string>, blocks: Blocks): Record<string, string> {
  const out: Record<string, string> = { ...envelope };
  for (const block of blocks.values()) Object.assign(out, textSignatures(block.fields));
  const xml11 = blocks.get("XML11");
  const cls = xml11 ? blockSignature(xml11, []) : null;
  if (cls !== null) out["CKDT_KET_QUA_CLS"] = cls;
  return out;
}
