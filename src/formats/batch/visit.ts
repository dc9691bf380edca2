/**
 * The visit: exam date, target group, funding source and reason (QĐ 2062 XML2 and LY_DO_VV). A
 * row's own cell wins; a blank cell takes the programme's value, so a team fills them once per
 * upload, not once per person.
 */
import type { Finding } from "../../checkup/finding.ts";
import type { Moment } from "../../checkup/model.ts";
import { splitList } from "../ksk/fields.ts";
import { readDate } from "./dates.ts";
import { batchFinding, DATE_PROBLEM_CODE, rowPath } from "./findings.ts";
import type { RowCells } from "./row-cells.ts";
import type { Programme, ProgrammeKind } from "./types.ts";

const DEFAULT_REASON: Readonly<Record<ProgrammeKind, string>> = {
  school: "Khám sức khỏe học sinh",
  company: "Khám sức khỏe định kỳ",
  office: "Khám sức khỏe định kỳ",
  other: "Khám sàng lọc",
};

export interface VisitRead {
  examTime: Moment | null;
  targetGroups: string[];
  fundingSource: string | null;
  reason: string;
}

export function readVisit(cells: RowCells, programme: Programme, programmeDate: Moment, sink: Finding[]): VisitRead {
  const groups = splitList(cells.text("DOI_TUONG"));
  return {
    examTime: examTime(cells, programmeDate, sink),
    targetGroups: groups.length > 0 ? groups : [...(programme.targetGroups ?? [])],
    fundingSource: cells.text("NGUON_CHI_TRA") ?? programme.fundingSource ?? null,
    reason: cells.text("LY_DO_KHAM") ?? programme.reason ?? DEFAULT_REASON[programme.kind],
  };
}

function examTime(cells: RowCells, programmeDate: Moment, sink: Finding[]): Moment | null {
  const read = readDate(cells.value("NGAY_KHAM"));
  if (read === null) return programmeDate;
  if ("moment" in read) return read.moment;
  sink.push(batchFinding(DATE_PROBLEM_CODE[read.problem], rowPath(cells.row, "NGAY_KHAM")));
  return null;
}
