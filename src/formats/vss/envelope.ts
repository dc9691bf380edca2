/**
 * The GIAMDINHHS envelope (standards.md §3.1): THONGTINDONVI/MACSKCB, THONGTINHOSO with NGAYLAP,
 * SOLUONGHOSO and DANHSACHHOSO/HOSO*, and CHUKYDONVI. Importers compare SOLUONGHOSO with the HOSO
 * actually received and flag truncated files (§1 item 5); a mismatch is a warning, the HOSO that
 * did arrive are all read.
 */
import type { Finding } from "../../checkup/finding.ts";
import { isXmlElement, type XmlElement, type XmlValue } from "../xml.ts";
import { textOf } from "./fields.ts";
import { vssFinding } from "./findings.ts";
import { asList } from "./rows.ts";

export const VSS_ROOT = "GIAMDINHHS";

export interface Envelope {
  facilityId: string | null;
  preparedOn: string | null;
  declaredCount: number | null;
  hosos: XmlValue[];
  signed: boolean;
  findings: Finding[];
}

export function readEnvelope(root: XmlValue): Envelope {
  const envelope = element(root);
  const findings: Finding[] = [];
  const facilityId = textOf(element(envelope["THONGTINDONVI"]), "MACSKCB", "THONGTINDONVI/MACSKCB", findings);
  if (facilityId === null) findings.push(vssFinding("VSS-FACILITY-MISSING", "THONGTINDONVI/MACSKCB"));
  const info = element(envelope["THONGTINHOSO"]);
  const declaredCount = readCount(info, findings);
  const hosos = asList(element(info["DANHSACHHOSO"])["HOSO"]);
  if (hosos.length === 0) findings.push(vssFinding("VSS-NO-RECORDS", "THONGTINHOSO/DANHSACHHOSO"));
  else if (declaredCount !== null && declaredCount !== hosos.length) {
    findings.push(vssFinding("VSS-COUNT-MISMATCH", "THONGTINHOSO/SOLUONGHOSO"));
  }
  return {
    facilityId,
    preparedOn: textOf(info, "NGAYLAP", "THONGTINHOSO/NGAYLAP", findings),
    declaredCount,
    hosos,
    // Real exports were unsigned (`<CHUKYDONVI />`, samples/real-world-files.md); the XMLDSig is checked on the raw file.
    signed: [envelope["CHUKYDONVI"], info["CHUKYDONVI"]].some((c) => c !== undefined && c !== ""),
    findings,
  };
}

function readCount(info: XmlElement, sink: Finding[]): number | null {
  const path = "THONGTINHOSO/SOLUONGHOSO";
  const value = textOf(info, "SOLUONGHOSO", path, sink);
  if (value === null) return null;
  if (!/^\d+$/.test(value)) {
    sink.push(vssFinding("VSS-COUNT-INVALID", path));
    return null;
  }
  return Number(value);
}

const element = (value: XmlValue | undefined): XmlElement => (isXmlElement(value) ? value : {});
