/**
 * One visit draft → a `VssVisit`: the canonical record (patient, exam time, diagnoses, weight,
 * height, results, vital signs) and the encounter parts the health book shows (drugs, procedures,
 * notes, outcome). Only the rows of this visit's MA_LK are read, each once.
 */
import type { Finding } from "../../checkup/finding.ts";
import { emptyConclusion, emptyPerson, type CheckupRecord, type Person } from "../../checkup/model.ts";
import { dedupe } from "../ksk/findings.ts";
import type { ParseMomentOptions } from "../moment.ts";
import { readDiagnoses } from "./diagnoses.ts";
import { readMedications, readProcedures } from "./drugs.ts";
import { readEncounter } from "./encounter.ts";
import { rowReader, type RowReader } from "./fields.ts";
import type { VisitDraft } from "./hoso.ts";
import { readMeasures } from "./measures.ts";
import { CHECKUP_VISIT_TYPES } from "./table-types.ts";
import type { VssVisit } from "./types.ts";
import { PATIENT_TAGS, RECORD_TAGS } from "./xml1-tags.ts";
import { readResults } from "./xml4.ts";
import { readNotes } from "./xml5.ts";

export interface VisitContext {
  index: number;
  /** `HOSO[2]`. */
  path: string;
  /** MACSKCB of the envelope: the facility when XML1 lacks MA_CSKCB. */
  envelopeFacility: string | null;
  /** Findings about the whole HOSO, copied onto each of its visits. */
  hosoFindings: readonly Finding[];
  /** Applied to NGAY_SINH only: a sender that writes year-only births as `yyyy01010000`. */
  birthDates: ParseMomentOptions;
}

export function buildVisit(draft: VisitDraft, ctx: VisitContext): VssVisit {
  const sink: Finding[] = [...ctx.hosoFindings, ...draft.findings];
  const xml1 = rowReader(draft.xml1, sink);
  const rows = (type: string) => draft.rows.get(type) ?? [];
  const notes = readNotes(rows("XML5"), sink);
  const medications = readMedications(rows("XML2"), sink);
  const procedures = readProcedures(rows("XML3"), sink);
  const encounter = readEncounter(xml1, sink);
  const facility = xml1.text(RECORD_TAGS.facilityCode) ?? ctx.envelopeFacility;
  const isGln = facility !== null && /^\d{13}$/.test(facility);
  const visitType = xml1.text(RECORD_TAGS.visitType);
  const record: CheckupRecord = {
    format: "vss",
    index: ctx.index,
    path: ctx.path,
    maLk: draft.maLk,
    facilityCode: isGln ? null : facility,
    facilityGln: isGln ? facility : null,
    formType: null,
    ageGroup: null,
    examTime: encounter.admitted,
    visitType,
    targetGroups: [],
    fundingSource: null,
    reason: xml1.text(RECORD_TAGS.reason),
    patient: readPatient(xml1, ctx.birthDates),
    guardians: [],
    history: {},
    observations: [...readMeasures(xml1, sink), ...notes.observations, ...readResults(rows("XML4"), sink)],
    exams: [],
    conclusion: { ...emptyConclusion(), diseasesText: encounter.dischargeDiagnosis },
    conditions: readDiagnoses(xml1),
    signatures: {},
    blocks: draft.blocks,
  };
  const findings = dedupe(sink);
  return {
    record,
    findings,
    kind: visitType !== null && CHECKUP_VISIT_TYPES.has(visitType) ? "checkup" : "encounter",
    key: { facility, maLk: draft.maLk },
    encounter,
    medications,
    procedures,
    notes: notes.notes,
    xml1Path: draft.xml1.path,
    replacedBy: null,
  };
}

function readPatient(xml1: RowReader, birthDates: ParseMomentOptions): Person {
  const patient = emptyPerson();
  for (const [field, tag] of Object.entries(PATIENT_TAGS) as [keyof typeof PATIENT_TAGS, string][]) patient[field] = xml1.text(tag);
  patient.birthDate = xml1.moment(RECORD_TAGS.birthDate, birthDates);
  return patient;
}
