/**
 * The person screened and the parent/guardian (QĐ 2062 XML1 content, standards.md §5.2 item 1).
 * Excel stores codes typed without a Text format as numbers: the 12-digit ID loses its leading
 * zeros (every ID prefix starts with 0, §6.2), phone numbers their first 0, and long numbers are
 * shown as 1,23E+11 with the digits gone. Zeros are put back; lost digits are refused.
 */
import type { Finding } from "../../checkup/finding.ts";
import type { Guardian, Person } from "../../checkup/model.ts";
import { emptyPerson } from "../../checkup/model.ts";
import type { CodeLookups } from "./codes.ts";
import { padCode, sexCode } from "./codes.ts";
import { readDate } from "./dates.ts";
import { batchFinding, DATE_PROBLEM_CODE, rowPath } from "./findings.ts";
import type { RowCells } from "./row-cells.ts";
import type { Programme } from "./types.ts";

const SCIENTIFIC = /^\d+(?:[.,]\d+)?e\+?\d+$/i;

export function readPerson(cells: RowCells, lookups: CodeLookups, programme: Programme, sink: Finding[]): Person {
  const text = (key: string) => cells.text(key);
  const code = (key: string): string | null => {
    const value = text(key);
    if (value !== null && SCIENTIFIC.test(value)) {
      sink.push(batchFinding("BATCH-NUMBER-SCIENTIFIC", rowPath(cells.row, key)));
      return null;
    }
    return value;
  };
  const province = mapped(code("MATINH_CU_TRU"), lookups.province);
  const unit = text("LOP_BO_PHAN");
  return {
    ...emptyPerson(),
    fullName: text("HO_TEN")?.normalize("NFC") ?? null,
    birthDate: readBirthDate(cells, sink),
    sex: mapped(text("GIOI_TINH"), sexCode),
    personalId: personalId(code("SO_CCCD"), cells.row, sink),
    ethnicity: mapped(code("MA_DAN_TOC"), lookups.ethnicity),
    address: text("DIA_CHI"),
    provinceCode: province,
    communeCode: mapped(code("MAXA_CU_TRU"), (c) => lookups.commune(c, province)),
    phone: mapped(code("DIEN_THOAI"), phone),
    workplace: unit ? `${programme.organisation} - ${unit}` : programme.organisation,
  };
}

export function readGuardians(cells: RowCells): Guardian[] {
  const fullName = cells.text("HO_TEN_NGUOI_GIAM_HO")?.normalize("NFC") ?? null;
  const phoneText = cells.text("DIEN_THOAI_NGH");
  if (fullName === null && phoneText === null) return [];
  return [{ kind: "guardian", fullName, personalId: null, relationship: null, phone: mapped(phoneText, phone) }];
}

function readBirthDate(cells: RowCells, sink: Finding[]): Person["birthDate"] {
  const read = readDate(cells.value("NGAY_SINH"));
  if (read === null) return null;
  if ("moment" in read) return read.moment;
  sink.push(batchFinding(DATE_PROBLEM_CODE[read.problem], rowPath(cells.row, "NGAY_SINH")));
  return null;
}

/** 10 or 11 digits can only be a 12-digit ID that lost its zeros: no other ID has that length (§6.1). */
function personalId(id: string | null, row: number, sink: Finding[]): string | null {
  if (id === null || !/^\d{10,11}$/.test(id)) return id;
  sink.push(batchFinding("BATCH-LEADING-ZERO", rowPath(row, "SO_CCCD")));
  return padCode(id, 12);
}

/** Vietnamese numbers are 10 digits starting with 0; 9 digits lost that 0 to Excel. */
const phone = (text: string): string => (/^[1-9]\d{8}$/.test(text) ? `0${text}` : text);

const mapped = (value: string | null, f: (v: string) => string): string | null => (value === null ? null : f(value));
