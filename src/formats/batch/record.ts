/**
 * One data row → one CheckupRecord (`format: "batch"`, path `ROW[n]`), with the findings made
 * while reading it. The cells as typed go to `blocks.CELLS` and the programme to
 * `blocks.PROGRAMME`, so the stored record can be replayed; neither holds the row number, so the
 * same row re-uploaded at another position stores nothing new.
 */
import type { Finding } from "../../checkup/finding.ts";
import type { CheckupRecord, Moment } from "../../checkup/model.ts";
import { ageAt, ageGroupOf } from "../../checkup/age.ts";
import { dedupe } from "../ksk/findings.ts";
import { cellText, hasReplacementChar } from "./cells.ts";
import type { CodeLookups } from "./codes.ts";
import { readConclusion } from "./conclusion.ts";
import { batchFinding, rowPath } from "./findings.ts";
import type { HeaderMap } from "./header.ts";
import { readObservations } from "./observations.ts";
import { readGuardians, readPerson } from "./person.ts";
import { rowCells, type RowCells } from "./row-cells.ts";
import { rowKey } from "./row-key.ts";
import type { BatchContext, BatchRecord, CellNote, SheetRow } from "./types.ts";
import { readVisit } from "./visit.ts";

export interface RowEnv {
  ctx: BatchContext;
  header: HeaderMap;
  lookups: CodeLookups;
  programmeDate: Moment;
  keyPrefix: string;
  /** 0-based position among the records of this file. */
  index: number;
}

const NOTE_CODE = {
  formula: "BATCH-FORMULA",
  "formula-no-result": "BATCH-FORMULA-NO-RESULT",
  "cell-error": "BATCH-CELL-ERROR",
  merged: "BATCH-MERGED",
  "merged-across": "BATCH-MERGED-ACROSS",
} as const satisfies Record<CellNote, string>;

export function buildRecord(sheetRow: SheetRow, env: RowEnv): BatchRecord {
  const cells = rowCells(env.header, sheetRow);
  const sink: Finding[] = [];
  cellFindings(sheetRow, env.header, sink);
  const maLk = rowKey(cells, env.keyPrefix, sink);
  const patient = readPerson(cells, env.lookups, env.ctx.programme, sink);
  const visit = readVisit(cells, env.ctx.programme, env.programmeDate, sink);
  const { conclusion, diagnoses } = readConclusion(cells);
  const age = patient.birthDate && visit.examTime ? ageAt(patient.birthDate, visit.examTime) : null;
  const record: CheckupRecord = {
    format: "batch",
    index: env.index,
    path: rowPath(sheetRow.row),
    maLk,
    facilityCode: env.ctx.facilityCode,
    facilityGln: null,
    formType: null,
    ageGroup: age === null ? null : ageGroupOf(age),
    examTime: visit.examTime,
    visitType: null,
    targetGroups: visit.targetGroups,
    fundingSource: visit.fundingSource,
    reason: visit.reason,
    patient,
    guardians: readGuardians(cells),
    history: {},
    observations: readObservations(cells, sink),
    exams: [],
    conclusion,
    conditions: diagnoses,
    signatures: {},
    blocks: { CELLS: typedCells(env.header, cells), PROGRAMME: programmeBlock(env.ctx) },
  };
  return { kind: "record", row: sheetRow.row, record, findings: dedupe(sink) };
}

/** A row the reader could not split into cells: kept as a rejected record so the team hears of it. */
export function unreadableRecord(sheetRow: SheetRow, env: RowEnv): BatchRecord {
  const record = buildRecord({ row: sheetRow.row, values: [], notes: [] }, env);
  return { ...record, record: { ...record.record, maLk: null }, findings: [batchFinding("BATCH-ROW-UNREADABLE", rowPath(sheetRow.row))] };
}

function cellFindings(row: SheetRow, header: HeaderMap, sink: Finding[]): void {
  for (const { col, note } of row.notes) {
    const column = header.byPosition[col];
    if (column && !column.output) sink.push(batchFinding(NOTE_CODE[note], rowPath(row.row, column.key)));
  }
  header.byPosition.forEach((column, i) => {
    const v = row.values[i];
    if (column && hasReplacementChar(v)) sink.push(batchFinding("BATCH-CELL-ENCODING", rowPath(row.row, column.key)));
  });
}

function typedCells(header: HeaderMap, cells: RowCells): Record<string, string> {
  const out: Record<string, string> = {};
  for (const column of header.byPosition) {
    if (!column || column.output) continue;
    const text = cellText(cells.value(column.key));
    if (text !== null) out[column.key] = text;
  }
  return out;
}

function programmeBlock({ programme: p }: BatchContext): Record<string, string> {
  return { TO_CHUC: p.organisation, LOAI: p.kind, DOT: p.round, DOI: p.team, DIA_DIEM: p.place, NGAY: p.date };
}
