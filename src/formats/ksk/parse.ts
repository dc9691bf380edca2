/**
 * KHAMSUCKHOE reader (QĐ 1551 as amended by QĐ 2062; standards.md §5.6–5.9): one CheckupRecord per
 * HOSO, every variant of the conflict register §5.7 accepted — inline or base64 NOIDUNGFILE, a GLN
 * or a 5-character MACSKCB, CHUKYDONVI inside or after THONGTINHOSO, XML12 rooted at KET_LUAN or
 * KET_LUAN_VA_TU_VAN, NGAY_SINH as `yyyymmddHHMM` or `YYYY-MM-DD`, TYPE ChildUnder/Minor/Adult/Driver.
 * Pure: text or bytes in, records and findings out; no clock, no I/O.
 */
import type { Finding } from "../../checkup/finding.ts";
import type { ParseResult } from "../types.ts";
import { decodeUtf8, isXmlElement, parseXml, stripBom, type XmlElement, type XmlLimits, type XmlValue } from "../xml.ts";
import { KSK_ARRAY_TAGS } from "./block-types.ts";
import { readHosoBlocks } from "./blocks.ts";
import { textOf } from "./fields.ts";
import { kskFinding } from "./findings.ts";
import { buildRecord } from "./record.ts";
import { textSignatures } from "./signatures.ts";

export interface ParseKskOptions {
  /** XML limits for the envelope and for each decoded block (defaults: depth 32, 200,000 elements). */
  limits?: Partial<XmlLimits>;
  /** The sender writes year-only birth dates as `yyyy01010000` (see moment.ts). */
  janFirstIsYearOnly?: boolean;
}

export const KSK_ROOT = "KHAMSUCKHOE";

export function parseKsk(input: string | Uint8Array, options: ParseKskOptions = {}): ParseResult {
  const empty: ParseResult = { facilityId: null, declaredCount: null, records: [], findings: [] };
  const text = typeof input === "string" ? stripBom(input) : decodeUtf8(input);
  const parsed = parseXml(text === null ? input : dropInnerDeclarations(text), {
    arrayTags: KSK_ARRAY_TAGS,
    limits: options.limits ?? {},
    base64Element: "NOIDUNGFILE",
  });
  if (!parsed.ok) return { ...empty, findings: parsed.findings };
  if (parsed.root !== KSK_ROOT) return { ...empty, findings: [kskFinding("KSK-ROOT", "/")] };
  const envelope = isXmlElement(parsed.value) ? parsed.value : {};
  const findings: Finding[] = [];
  const facilityId = readFacility(envelope, findings);
  const info = element(envelope["THONGTINHOSO"]);
  const declaredCount = readCount(info, findings);
  const signatures = { ...textSignatures(info["CHUKYDONVI"]), ...textSignatures(envelope["CHUKYDONVI"]) };
  const hosos = list(element(info["DANHSACHHOSO"])["HOSO"] ?? info["HOSO"]);
  if (hosos.length === 0) findings.push(kskFinding("KSK-NO-RECORDS", "THONGTINHOSO/DANHSACHHOSO"));
  else if (declaredCount !== null && declaredCount !== hosos.length) {
    findings.push(kskFinding("KSK-COUNT-MISMATCH", "THONGTINHOSO/SOLUONGHOSO"));
  }
  const records = hosos.map((hoso, index) => {
    const path = `HOSO[${index}]`;
    return buildRecord(readHosoBlocks(hoso, path, options.limits ?? {}), {
      index,
      path,
      envelopeFacility: facilityId,
      envelopeSignatures: { ...signatures, ...textSignatures(element(hoso)["CHUKYDONVI"]) },
      dates: { janFirstIsYearOnly: options.janFirstIsYearOnly ?? false },
    });
  });
  return { facilityId, declaredCount, records, findings };
}

/**
 * A sender pasting whole block documents inline leaves their `<?xml …?>` (and BOM) right after
 * `<NOIDUNGFILE>`, which no XML parser accepts mid-document; only that exact spot is cleaned.
 */
export function dropInnerDeclarations(text: string): string {
  // The envelope's own declaration is at 0; most envelopes have no other, and skip the pattern scan.
  if (text.indexOf("<?xml", 1) === -1) return text;
  return text.replace(/(<(?:[\w.-]+:)?NOIDUNGFILE\s*>)\s*\uFEFF?\s*<\?xml\b[^>]*\?>/g, "$1");
}

/** MACSKCB: a 13-digit GLN or a 5-character facility code (§5.7 row 1), resolved later by the registry. */
function readFacility(envelope: XmlElement, sink: Finding[]): string | null {
  const path = "THONGTINDONVI/MACSKCB";
  const value = textOf(element(envelope["THONGTINDONVI"]), "MACSKCB", path, sink);
  if (value === null) sink.push(kskFinding("KSK-FACILITY-MISSING", path));
  else if (!/^\d{13}$/.test(value) && !/^[0-9A-Za-z]{5}$/.test(value)) sink.push(kskFinding("KSK-FACILITY-FORMAT", path));
  return value;
}

function readCount(info: XmlElement, sink: Finding[]): number | null {
  const path = "THONGTINHOSO/SOLUONGHOSO";
  const value = textOf(info, "SOLUONGHOSO", path, sink);
  if (value === null) return null;
  if (!/^\d+$/.test(value)) {
    sink.push(kskFinding("KSK-COUNT-INVALID", path));
    return null;
  }
  return Number(value);
}

const element = (value: XmlValue | undefined): XmlElement => (isXmlElement(value) ? value : {});

const list = (value: XmlValue | undefined): XmlValue[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
