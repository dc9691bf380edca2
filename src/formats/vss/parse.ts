/**
 * GIAMDINHHS reader (QĐ 130/QĐ-BYT as amended by QĐ 4750 and QĐ 3176; standards.md §3–4): every
 * HOSO of the file, each FILEHOSO decoded from base64 and read through xml.ts, one `VssVisit` per
 * XML1 keyed by (MA_CSKCB, MA_LK). MA_LOAI_KCB 15 (periodic check-up) and 16 (screening) make
 * check-ups, every other visit an encounter for the person's record and health book. A HOSO that
 * cannot be read is answered on its own and never takes the others down (design.md invariant 3).
 * Pure: text or bytes in, visits and findings out; linear in the size of the file.
 */
import type { Finding } from "../../checkup/finding.ts";
import { parseXml, type XmlLimits } from "../xml.ts";
import { readEnvelope, VSS_ROOT } from "./envelope.ts";
import { vssFinding } from "./findings.ts";
import { readHoso, type VisitDraft } from "./hoso.ts";
import { ENVELOPE_ARRAY_TAGS } from "./table-types.ts";
import type { VssParseResult, VssVisit } from "./types.ts";
import { buildVisit, type VisitContext } from "./visit.ts";

export type { VssParseResult, VssVisit } from "./types.ts";

export interface ParseVssOptions {
  /** XML limits for the envelope and for each decoded table (defaults: depth 32, 200,000 elements). */
  limits?: Partial<XmlLimits>;
  /** The sender writes year-only birth dates as `yyyy01010000` (samples/real-world-files.md "pretty"). */
  janFirstIsYearOnly?: boolean;
}

export function parseVss(input: string | Uint8Array, options: ParseVssOptions = {}): VssParseResult {
  const limits = options.limits ?? {};
  const empty: VssParseResult = { facilityId: null, declaredCount: null, records: [], findings: [], visits: [], preparedOn: null, signed: false };
  // The envelope's NOIDUNGFILE are long base64 strings: a file of many HOSO stays far under the element limit.
  const parsed = parseXml(input, { arrayTags: ENVELOPE_ARRAY_TAGS, limits, base64Element: "NOIDUNGFILE" });
  if (!parsed.ok) return { ...empty, findings: parsed.findings };
  if (parsed.root !== VSS_ROOT) return { ...empty, findings: [vssFinding("VSS-ROOT", "/")] };
  const envelope = readEnvelope(parsed.value);
  const visits: VssVisit[] = [];
  envelope.hosos.forEach((hoso, i) => {
    const path = `HOSO[${i}]`;
    const read = readHoso(hoso, path, limits);
    const ctx = (): VisitContext => ({
      index: visits.length,
      path,
      envelopeFacility: envelope.facilityId,
      hosoFindings: read.findings,
      birthDates: { janFirstIsYearOnly: options.janFirstIsYearOnly ?? false },
    });
    if (read.visits.length === 0) {
      // Nothing to key the HOSO by: it is still answered, as a record that carries its errors.
      const missing = read.xml1Unreadable ? [] : [vssFinding("VSS-NO-XML1", `${path}/XML1`)];
      visits.push(buildVisit(stubDraft(path, missing), ctx()));
    }
    for (const draft of read.visits) visits.push(buildVisit(draft, ctx()));
  });
  markReplaced(visits);
  return {
    facilityId: envelope.facilityId,
    declaredCount: envelope.declaredCount,
    records: visits,
    findings: envelope.findings,
    visits,
    preparedOn: envelope.preparedOn,
    signed: envelope.signed,
  };
}

function stubDraft(path: string, findings: Finding[]): VisitDraft {
  return { maLk: null, xml1: { fields: {}, path: `${path}/XML1` }, blocks: {}, rows: new Map(), findings };
}

/** A later XML1 with the same (MA_CSKCB, MA_LK) replaces the whole visit (standards.md §1 item 6). */
function markReplaced(visits: VssVisit[]): void {
  const latest = new Map<string, VssVisit>();
  for (let i = visits.length - 1; i >= 0; i--) {
    const visit = visits[i];
    if (!visit || visit.key.maLk === null) continue;
    const id = `${visit.key.facility ?? ""}\u0000${visit.key.maLk}`;
    const later = latest.get(id);
    if (later) {
      visit.replacedBy = later.xml1Path;
      visit.findings.push(vssFinding("VSS-VISIT-REPLACED", `${visit.xml1Path}/MA_LK`));
    } else latest.set(id, visit);
  }
}
