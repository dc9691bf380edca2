/**
 * Dates as spreadsheets carry them: text typed by a person (`15/03/2012`, `15-3-2012`,
 * `15.03.2012`, `03/2012`, `2012`, `2012-03-15`, `15032012`), Excel serial numbers (the cell shown as
 * a date but read without its format, or pasted as a number) and Date cells. Two-digit years and
 * month/day order are refused, never guessed: a wrong birth date is worse than a rejected row.
 */
import type { Moment } from "../../checkup/model.ts";
import { parseMoment } from "../moment.ts";
import { dateText, numberText } from "./cells.ts";
import type { CellValue } from "./types.ts";

export type DateProblem = "invalid" | "two-digit-year" | "month-day-order";
export type DateRead = { moment: Moment } | { problem: DateProblem } | null;

/** Excel day 0 is 1899-12-30 (serials from 61 on; the 1900 leap-year bug only shifts Jan–Feb 1900). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Whole numbers 1900–2100 in a date column are years, not serials (serial 2100 is in 1905). */
const YEAR_MIN = 1900;
const YEAR_MAX = 2100;
const SERIAL_MAX = 2_958_465; // 9999-12-31

export function readDate(value: CellValue | undefined): DateRead {
  if (value === null || value === undefined || value === "") return null;
  if (value instanceof Date) {
    const iso = dateText(value);
    return iso === null ? { problem: "invalid" } : fromIso(iso, iso);
  }
  if (typeof value === "number") return fromNumber(value);
  if (typeof value === "boolean") return { problem: "invalid" };
  const text = value.trim();
  return text === "" ? null : fromText(text);
}

function fromNumber(n: number): DateRead {
  if (Number.isInteger(n) && n >= YEAR_MIN && n <= YEAR_MAX) return fromIso(String(n), String(n));
  return fromSerial(n, numberText(n));
}

export function fromSerial(serial: number, raw: string): DateRead {
  if (!(serial >= 1 && serial <= SERIAL_MAX)) return { problem: "invalid" };
  // Rounded to the minute: serials carry float noise (0.999999 of a minute).
  const ms = EXCEL_EPOCH_MS + Math.round((serial * DAY_MS) / 60_000) * 60_000;
  return fromIso(raw, dateText(new Date(ms)));
}

function fromIso(raw: string, iso: string | null): DateRead {
  const parsed = iso === null ? null : parseMoment(iso);
  return parsed ? { moment: { ...parsed, raw } } : { problem: "invalid" };
}

const DMY = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:[ T]+(\d{1,2})[:h](\d{2})(?::\d{2})?)?$/;
const MY = /^(\d{1,2})[./-](\d{4})$/;

function fromText(text: string): DateRead {
  const dmy = DMY.exec(text);
  if (dmy) return fromDmy(text, dmy);
  const my = MY.exec(text);
  if (my) return fromIso(text, `${my[2] ?? ""}-${(my[1] ?? "").padStart(2, "0")}`);
  if (/^\d{5}(\.\d+)?$/.test(text)) return fromSerial(Number(text), text);
  if (/^\d{8}$/.test(text)) return fromEightDigits(text);
  const m = parseMoment(text);
  return m ? { moment: m } : { problem: "invalid" };
}

function fromDmy(text: string, m: RegExpExecArray): DateRead {
  const [, d = "", mo = "", y = "", h, mi] = m;
  if (y.length === 2) return { problem: "two-digit-year" };
  const time = h !== undefined && mi !== undefined ? ` ${h.padStart(2, "0")}:${mi}` : "";
  const read = parseMoment(`${d.padStart(2, "0")}/${mo.padStart(2, "0")}/${y}${time}`);
  if (read) return { moment: { ...read, raw: text } };
  const swapped = parseMoment(`${mo.padStart(2, "0")}/${d.padStart(2, "0")}/${y}`);
  return { problem: swapped ? "month-day-order" : "invalid" };
}

/** `yyyymmdd` (the VSS/KSK form) first; `ddmmyyyy` as typed by hand when that is not a real date. */
function fromEightDigits(text: string): DateRead {
  const ymd = parseMoment(text);
  const year = ymd ? Number(ymd.iso.slice(0, 4)) : 0;
  if (ymd && year >= YEAR_MIN && year <= YEAR_MAX) return { moment: ymd };
  const dmy = parseMoment(`${text.slice(0, 2)}/${text.slice(2, 4)}/${text.slice(4)}`);
  return dmy ? { moment: { ...dmy, raw: text } } : { problem: "invalid" };
}
