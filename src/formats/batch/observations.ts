/**
 * Measurement cells → observations with their catalogue `key` set (measure-columns.ts), values as
 * typed. Spreadsheet habits are undone here, not reported as data errors: a decimal comma is the
 * Vietnamese locale's separator (`5,6` → `5.6`), and Excel's turning `8/10` into 8 October is read
 * back as the acuity it was. Units typed after a number (`100 mg/dL`) beat the column's default.
 */
import type { Finding } from "../../checkup/finding.ts";
import type { Observation } from "../../checkup/model.ts";
import { parseNumber } from "../../checkup/values.ts";
import { observation } from "../ksk/observations.ts";
import { cellText } from "./cells.ts";
import { fromSerial } from "./dates.ts";
import { batchFinding, rowPath } from "./findings.ts";
import { MEASURE_COLUMNS, type MeasureColumn } from "./measure-columns.ts";
import type { RowCells } from "./row-cells.ts";
import type { CellValue } from "./types.ts";

const BP = /^(\d{2,3}(?:[.,]\d+)?)\s*\/\s*(\d{2,3}(?:[.,]\d+)?)\s*(?:mm\s*hg)?$/i;
const DECIMAL_COMMA = /^([+-]?\d+),(\d+)(\s*\D.*)?$/s;

export function readObservations(cells: RowCells, sink: Finding[]): Observation[] {
  const out: Observation[] = [];
  for (const m of MEASURE_COLUMNS) {
    const value = cells.value(m.column);
    if (value === undefined || cellText(value) === null) continue;
    const path = rowPath(cells.row, m.column);
    switch (m.kind) {
      case "bp":
        out.push(...bloodPressure(m, cellText(value) ?? "", path, sink));
        break;
      case "acuity":
        out.push(seed(m, m.key, m.name, path, acuity(value, path, sink), null));
        break;
      case "qualitative":
        out.push(seed(m, m.key, m.name, path, cellText(value), null));
        break;
      case "number": {
        const raw = dotDecimal(cellText(value) ?? "");
        out.push(seed(m, m.key, m.name, path, raw, unitOf(m, raw, cells)));
        break;
      }
    }
  }
  return out;
}

const seed = (m: MeasureColumn, key: string, name: string, path: string, valueRaw: string | null, unitRaw: string | null): Observation =>
  observation({ key, category: m.category, name, path, valueRaw, unitRaw, valueText: m.kind === "acuity" ? valueRaw : null });

/** The unit column's cell, else a unit typed after the number, else the column's default. */
function unitOf(m: MeasureColumn, raw: string, cells: RowCells): string | null {
  const typed = m.unitColumn ? cells.text(m.unitColumn) : null;
  if (typed !== null) return typed;
  return parseNumber(raw)?.unit ? null : m.unit;
}

const dotDecimal = (text: string): string => {
  const m = DECIMAL_COMMA.exec(text);
  return m ? `${m[1] ?? ""}.${m[2] ?? ""}${m[3] ?? ""}` : text;
};

/** `120/80` → systolic and diastolic (QĐ 2062 XML10 HUYET_AP; catalogue bp_systolic/bp_diastolic). */
function bloodPressure(m: MeasureColumn, text: string, path: string, sink: Finding[]): Observation[] {
  const match = BP.exec(text);
  if (!match) {
    sink.push(batchFinding("BATCH-BP-FORMAT", path));
    return [];
  }
  const part = (key: string, name: string, v: string) => seed(m, key, name, path, dotDecimal(v), m.unit);
  return [part(m.key, `${m.name} tâm thu`, match[1] ?? ""), part(m.diastolicKey ?? m.key, `${m.name} tâm trương`, match[2] ?? "")];
}

/**
 * `8/10` typed into a General cell becomes a date: 8 October where the locale is dd/mm, 10 August
 * where it is mm/dd. Whichever of day and month is 10 is the denominator.
 */
function acuity(value: CellValue, path: string, sink: Finding[]): string | null {
  const date = value instanceof Date ? value : typeof value === "number" && value > 1000 ? serialDate(value) : null;
  if (date === null) return acuityText(cellText(value) ?? "", path, sink);
  const day = date.getUTCDate();
  const month = date.getUTCMonth() + 1;
  const top = month === 10 ? day : day === 10 ? month : null;
  if (top === null) return cellText(value);
  sink.push(batchFinding("BATCH-ACUITY-DATE", path));
  return `${top}/10`;
}

/** The same date exported to CSV shows as `08/10/2026` (dd/mm) or `8/10/2026` (m/d): `x/10/yyyy` either way. */
function acuityText(text: string, path: string, sink: Finding[]): string {
  const m = /^(\d{1,2})[/-]10[/-]\d{4}$/.exec(text);
  if (!m) return dotDecimal(text);
  sink.push(batchFinding("BATCH-ACUITY-DATE", path));
  return `${Number(m[1])}/10`;
}

function serialDate(serial: number): Date | null {
  const read = fromSerial(serial, "");
  return read && "moment" in read ? new Date(`${read.moment.iso.slice(0, 10)}T00:00:00Z`) : null;
}
