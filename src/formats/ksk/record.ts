/** One HOSO's decoded blocks → one CheckupRecord, with the findings made while reading it. */
import type { Finding } from "../../checkup/finding.ts";
import type { CheckupRecord } from "../../checkup/model.ts";
import type { ParsedRecord } from "../types.ts";
import type { ParseMomentOptions } from "../moment.ts";
import { readGuardians, readPatient, readVisit } from "./admin.ts";
import { ageGroupOf } from "./age-group.ts";
import type { HosoBlocks } from "./blocks.ts";
import { readClsObservations } from "./cls.ts";
import { readConclusion } from "./conclusion.ts";
import { readExams } from "./exams.ts";
import { dedupe, kskFinding } from "./findings.ts";
import { readHistory } from "./history.ts";
import { readFormObservations } from "./observations.ts";
import { readSignatures } from "./signatures.ts";

export interface RecordContext {
  index: number;
  path: string;
  /** Facility as the envelope states it: fills MA_CSKCB / MA_GTIN_CSKCB when XML2 lacks them. */
  envelopeFacility: string | null;
  envelopeSignatures: Record<string, string>;
  dates: ParseMomentOptions;
}

/** XML1 and XML2 carry the patient and the check-up key: a record without them cannot be kept. */
const REQUIRED_BLOCKS = ["XML1", "XML2"] as const;

export function buildRecord(read: HosoBlocks, ctx: RecordContext): ParsedRecord {
  const { blocks } = read;
  const sink: Finding[] = [...read.findings];
  for (const type of REQUIRED_BLOCKS) {
    if (!read.named.has(type)) sink.push(kskFinding("KSK-BLOCK-MISSING", `${ctx.path}/${type}`));
  }
  const patient = readPatient(blocks, sink, ctx.dates);
  const visit = readVisit(blocks, sink, ctx.dates);
  const history = readHistory(blocks);
  const { conclusion, diagnoses } = readConclusion(blocks, sink);
  const fromEnvelope = ctx.envelopeFacility;
  const envelopeIsGln = fromEnvelope !== null && /^\d{13}$/.test(fromEnvelope);
  const record: CheckupRecord = {
    format: "ksk",
    index: ctx.index,
    path: ctx.path,
    maLk: visit.maLk,
    facilityCode: visit.facilityCode ?? (envelopeIsGln ? null : fromEnvelope),
    facilityGln: visit.facilityGln ?? (envelopeIsGln ? fromEnvelope : null),
    formType: visit.formType,
    ageGroup: ageGroupOf(visit.formType, patient.birthDate, visit.examTime, blocks, sink),
    examTime: visit.examTime,
    visitType: visit.visitType,
    targetGroups: visit.targetGroups,
    fundingSource: visit.fundingSource,
    reason: visit.reason,
    patient,
    guardians: readGuardians(blocks, sink),
    history: history.fields,
    observations: [...readFormObservations(blocks, sink), ...readClsObservations(blocks.get("XML11"), sink, ctx.dates)],
    exams: readExams(blocks, sink),
    conclusion,
    conditions: [...history.conditions, ...diagnoses],
    signatures: readSignatures(ctx.envelopeSignatures, blocks),
    blocks: read.received,
  };
  return { record, findings: dedupe(sink) };
}
