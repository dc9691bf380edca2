/**
 * One FILEHOSO's NOIDUNGFILE → the table document. QĐ 130 sends every table as base64 of a
 * complete UTF-8 XML document (standards.md §3.1); MIME line breaks inside the base64 are
 * tolerated. The decoded text goes through xml.ts, which refuses DOCTYPE, entities, deep nesting
 * and oversized documents. A failure here is an error on the HOSO only.
 */
import type { Finding } from "../../checkup/finding.ts";
import { decodeBase64 } from "../base64.ts";
import { decodeUtf8, isXmlElement, parseXml, type XmlElement, type XmlLimits, type XmlValue } from "../xml.ts";
import { vssFinding } from "./findings.ts";
import { VSS_ARRAY_TAGS } from "./table-types.ts";

export type Decoded =
  | { ok: true; root: string; value: XmlElement }
  | { ok: false; findings: Finding[] }
  /** Nothing to read: NOIDUNGFILE is empty. */
  | null;

export function decodeTable(content: XmlValue | undefined, path: string, limits: Partial<XmlLimits>): Decoded {
  if (content === undefined || content === "") return null;
  // Inline XML is a KHAMSUCKHOE variant (§5.7 row 2), not a GIAMDINHHS one: QĐ 130 says base64.
  if (typeof content !== "string") return refuse("VSS-FILE-NOT-BASE64", path);
  const bytes = decodeBase64(content);
  if (bytes === null) return refuse("VSS-FILE-NOT-BASE64", path);
  const text = decodeUtf8(bytes);
  if (text === null) return refuse("VSS-FILE-ENCODING", path);
  if (!text.trimStart().startsWith("<")) return refuse("VSS-FILE-NOT-XML", path);
  const parsed = parseXml(text, { arrayTags: VSS_ARRAY_TAGS, limits, path });
  if (!parsed.ok) return parsed;
  // A table whose root holds only text (`<TONG_HOP>x</TONG_HOP>`) has no fields: read as empty.
  return { ok: true, root: parsed.root, value: isXmlElement(parsed.value) ? parsed.value : {} };
}

const refuse = (code: Parameters<typeof vssFinding>[0], path: string): Decoded => ({ ok: false, findings: [vssFinding(code, path)] });
