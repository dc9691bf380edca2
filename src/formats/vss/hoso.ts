/**
 * One HOSO → its visits. Each FILEHOSO is decoded once; every XML1 (TONG_HOP) opens a visit keyed by
 * its MA_LK, and the rows of the other tables join the visit with the same MA_LK (standards.md
 * §3.1: everything is keyed on MA_LK). A later XML1 with the same MA_LK replaces the earlier one
 * whole. Rows whose MA_LK matches no XML1 are reported, not guessed. A table that cannot be read
 * is an error on every visit of this HOSO and on no other (design.md invariant 3).
 */
import type { Finding } from "../../checkup/finding.ts";
import { normaliseBlockType } from "../ksk/block-types.ts";
import { isXmlElement, type XmlElement, type XmlLimits, type XmlValue } from "../xml.ts";
import { decodeTable } from "./decode.ts";
import { textOf, type Row } from "./fields.ts";
import { vssFinding } from "./findings.ts";
import { asList, maLkOf, tableRows } from "./rows.ts";
import { isListTable, TABLES } from "./table-types.ts";

export interface Table {
  /** `XML4` (LOAIHOSO, normalised). */
  type: string;
  /** `XML4`, or `XML4[1]` for the second XML4 of the HOSO: the key in `blocks` and in paths. */
  key: string;
  path: string;
  value: XmlElement;
}

export interface VisitDraft {
  maLk: string | null;
  xml1: Row;
  /** Table key → table as received (list tables whole: their rows carry MA_LK). */
  blocks: Record<string, unknown>;
  /** LOAIHOSO → this visit's rows, in document order. */
  rows: Map<string, Row[]>;
  findings: Finding[];
}

export interface HosoRead {
  visits: VisitDraft[];
  /** Findings about the HOSO as a whole, for each of its visits. */
  findings: Finding[];
  /** An XML1 was sent but could not be read (reported already; not also "missing"). */
  xml1Unreadable: boolean;
}

export function readHoso(hoso: XmlValue, path: string, limits: Partial<XmlLimits>): HosoRead {
  const out: HosoRead = { visits: [], findings: [], xml1Unreadable: false };
  const files = isXmlElement(hoso) ? asList(hoso["FILEHOSO"]) : [];
  if (files.length === 0) out.findings.push(vssFinding("VSS-HOSO-EMPTY", path));
  const tables = decodeFiles(files, path, limits, out);
  const byLk = new Map<string, VisitDraft>();
  for (const t of tables) if (t.type === "XML1") openVisit(t, byLk, out);
  for (const t of tables) if (t.type !== "XML1") joinTable(t, byLk, out);
  return out;
}

function decodeFiles(files: XmlValue[], hosoPath: string, limits: Partial<XmlLimits>, out: HosoRead): Table[] {
  const seen = new Map<string, number>();
  const tables: Table[] = [];
  files.forEach((file, j) => {
    const filePath = `${hosoPath}/FILEHOSO[${j}]`;
    const element = isXmlElement(file) ? file : {};
    const rawType = textOf(element, "LOAIHOSO", `${filePath}/LOAIHOSO`, out.findings);
    if (rawType === null) {
      out.findings.push(vssFinding("VSS-FILE-TYPE-MISSING", `${filePath}/LOAIHOSO`));
      return;
    }
    const type = normaliseBlockType(rawType);
    const n = seen.get(type) ?? 0;
    seen.set(type, n + 1);
    const key = n === 0 ? type : `${type}[${n}]`;
    const path = `${hosoPath}/${key}`;
    const decoded = decodeTable(first(element["NOIDUNGFILE"]), path, limits);
    if (decoded === null) out.findings.push(vssFinding("VSS-FILE-EMPTY", path));
    else if (!decoded.ok) {
      out.findings.push(...decoded.findings);
      if (type === "XML1") out.xml1Unreadable = true;
    } else {
      const spec = TABLES[type];
      if (!spec) out.findings.push(vssFinding("VSS-TABLE-UNKNOWN", `${filePath}/LOAIHOSO`));
      else if (spec.root !== decoded.root) out.findings.push(vssFinding("VSS-TABLE-ROOT", path));
      tables.push({ type, key, path, value: decoded.value });
    }
  });
  return tables;
}

function openVisit(t: Table, byLk: Map<string, VisitDraft>, out: HosoRead): void {
  const draft: VisitDraft = {
    maLk: maLkOf(t.value),
    xml1: { fields: t.value, path: t.path },
    blocks: { [t.key]: t.value },
    rows: new Map(),
    findings: [],
  };
  if (draft.maLk === null) draft.findings.push(vssFinding("VSS-MA-LK-MISSING", `${t.path}/MA_LK`));
  else {
    const earlier = byLk.get(draft.maLk);
    if (earlier) {
      out.findings.push(vssFinding("VSS-VISIT-REPLACED", `${earlier.xml1.path}/MA_LK`));
      out.visits.splice(out.visits.indexOf(earlier), 1);
    }
    byLk.set(draft.maLk, draft);
  }
  out.visits.push(draft);
}

function joinTable(t: Table, byLk: Map<string, VisitDraft>, out: HosoRead): void {
  const { rows, list } = tableRows(t.type, t.value, t.path);
  if (rows.length === 0) {
    // An empty list (`<DSACH_CHI_TIET_THUOC/>`) belongs to no MA_LK in particular: every visit keeps it.
    for (const v of out.visits) v.blocks[t.key] = t.value;
    return;
  }
  const orphans = new Map<string | null, string>();
  for (const row of rows) {
    const maLk = maLkOf(row.fields);
    const visit = maLk === null ? undefined : byLk.get(maLk);
    if (!visit) {
      if (!orphans.has(maLk)) orphans.set(maLk, `${row.path}/MA_LK`);
      continue;
    }
    const bucket = visit.rows.get(t.type);
    if (bucket) bucket.push(row);
    else visit.rows.set(t.type, [row]);
    if (list === null && !isListTable(t.type) && visit.blocks[t.type] !== undefined) {
      visit.findings.push(vssFinding("VSS-TABLE-REPEATED", t.path));
    }
    visit.blocks[list === null ? t.type : t.key] = t.value;
  }
  // With no XML1 at all the HOSO is refused as VSS-NO-XML1; listing every row as orphan adds nothing.
  if (out.visits.length > 0) for (const p of orphans.values()) out.findings.push(vssFinding("VSS-ORPHAN-TABLE", p));
}

const first = (value: XmlValue | undefined): XmlValue | undefined => (Array.isArray(value) ? value[0] : value);
