/**
 * What every format parser returns: records with the findings made while reading them, and
 * envelope-level findings. An `error` at envelope level refuses the whole submission; an `error`
 * on a record rejects that record only (design.md invariant 3).
 */
import type { CheckupRecord } from "../checkup/model.ts";
import type { Finding } from "../checkup/finding.ts";

export interface ParsedRecord {
  record: CheckupRecord;
  findings: Finding[];
}

export interface ParseResult {
  /** Facility code as the envelope states it (`MACSKCB`: 5-char code or 13-digit GLN). */
  facilityId: string | null;
  declaredCount: number | null;
  records: ParsedRecord[];
  findings: Finding[];
}
