/**
 * The blocks of one HOSO: each FILEHOSO names its block (LOAIHOSO) and carries it in NOIDUNGFILE,
 * either inline XML or base64 of an XML document (standards.md §5.7 row 2: accept both, decided by
 * the first non-blank character being `<`). A block that cannot be read is an error on this record
 * only; the other records of the envelope are unaffected (design.md invariant 3).
 */
import type { Finding } from "../../checkup/finding.ts";
import { decodeBase64 } from "../base64.ts";
import { decodeUtf8, isXmlElement, parseXml, type XmlLimits, type XmlValue } from "../xml.ts";
import { BLOCK_ROOTS, KSK_ARRAY_TAGS, normaliseBlockType } from "./block-types.ts";
import type { Block } from "./fields.ts";
import { textOf } from "./fields.ts";
import { kskFinding } from "./findings.ts";

export interface HosoBlocks {
  blocks: Map<string, Block>;
  /** Every LOAIHOSO the HOSO names, read or not: an unreadable block is not also reported missing. */
  named: Set<string>;
  /** LOAIHOSO → block content as received, for `CheckupRecord.blocks`. */
  received: Record<string, unknown>;
  findings: Finding[];
}

type Content = { ok: true; root: string; value: XmlValue } | { ok: false; findings: Finding[] };

export function readHosoBlocks(hoso: XmlValue, path: string, limits: Partial<XmlLimits> = {}): HosoBlocks {
  const out: HosoBlocks = { blocks: new Map(), named: new Set(), received: {}, findings: [] };
  const files = isXmlElement(hoso) ? hoso["FILEHOSO"] : undefined;
  const list = Array.isArray(files) ? files : files === undefined ? [] : [files];
  if (list.length === 0) out.findings.push(kskFinding("KSK-HOSO-EMPTY", path));
  list.forEach((file, j) => readFile(file, `${path}/FILEHOSO[${j}]`, path, limits, out));
  return out;
}

function readFile(file: XmlValue, filePath: string, hosoPath: string, limits: Partial<XmlLimits>, out: HosoBlocks): void {
  if (!isXmlElement(file)) {
    out.findings.push(kskFinding("KSK-BLOCK-TYPE-MISSING", `${filePath}/LOAIHOSO`));
    return;
  }
  const rawType = textOf(file, "LOAIHOSO", `${filePath}/LOAIHOSO`, out.findings);
  if (rawType === null) {
    out.findings.push(kskFinding("KSK-BLOCK-TYPE-MISSING", `${filePath}/LOAIHOSO`));
    return;
  }
  const type = normaliseBlockType(rawType);
  const blockPath = `${hosoPath}/${type}`;
  if (out.named.has(type)) {
    out.findings.push(kskFinding("KSK-BLOCK-DUPLICATE", `${filePath}/LOAIHOSO`));
    return;
  }
  out.named.add(type);
  const content = decodeContent(file["NOIDUNGFILE"], blockPath, limits, out.findings);
  if (content === null) return;
  if (!content.ok) {
    out.findings.push(...content.findings);
    return;
  }
  const roots = BLOCK_ROOTS[type];
  if (!roots) out.findings.push(kskFinding("KSK-BLOCK-UNKNOWN", `${filePath}/LOAIHOSO`));
  else if (!roots.includes(content.root)) out.findings.push(kskFinding("KSK-BLOCK-ROOT", blockPath));
  out.received[type] = content.value;
  const fields = isXmlElement(content.value) ? content.value : {};
  out.blocks.set(type, { type, root: content.root, fields, path: blockPath });
}

/** null = nothing to read (an empty block, reported as a warning). */
function decodeContent(value: XmlValue | undefined, path: string, limits: Partial<XmlLimits>, sink: Finding[]): Content | null {
  let content = value;
  if (Array.isArray(content)) {
    sink.push(kskFinding("KSK-FIELD-REPEATED", `${path}/NOIDUNGFILE`));
    content = content[0];
  }
  if (content === undefined || content === "") {
    sink.push(kskFinding("KSK-BLOCK-EMPTY", path));
    return null;
  }
  if (isXmlElement(content)) return inlineContent(content, path);
  if (Array.isArray(content)) return notXml(path);
  const text = content.trim();
  // Inline XML that arrived as text (escaped or in CDATA) is still XML: §5.7 row 2, first char `<`.
  if (text.startsWith("<")) return parseXml(text, { arrayTags: KSK_ARRAY_TAGS, limits, path });
  return base64Content(text, path, limits);
}

function inlineContent(content: Record<string, XmlValue>, path: string): Content {
  const keys = Object.keys(content);
  const root = keys[0];
  const value = root === undefined ? undefined : content[root];
  if (keys.length !== 1 || root === undefined || root === "#text" || value === undefined || Array.isArray(value)) {
    return notXml(path);
  }
  return { ok: true, root, value };
}

function base64Content(text: string, path: string, limits: Partial<XmlLimits>): Content {
  const bytes = decodeBase64(text);
  if (bytes === null) return { ok: false, findings: [kskFinding("KSK-BLOCK-NOT-BASE64", path)] };
  const decoded = decodeUtf8(bytes);
  if (decoded === null) return { ok: false, findings: [kskFinding("KSK-BLOCK-ENCODING", path)] };
  if (!decoded.trimStart().startsWith("<")) return notXml(path);
  return parseXml(decoded, { arrayTags: KSK_ARRAY_TAGS, limits, path });
}

const notXml = (path: string): Content => ({ ok: false, findings: [kskFinding("KSK-BLOCK-NOT-XML", path)] });
