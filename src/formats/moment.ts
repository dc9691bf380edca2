/**
 * Dates and date-times as facilities send them (standards.md §1 item 7, §4.1, §5.7 row 7):
 * `yyyymmddHHMM` (12 digits, `0000` for an unknown hour-minute and/or day-month), `yyyymmdd`,
 * `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM(:SS)` with an optional offset, `dd/mm/yyyy [HH:MM]`, and the short
 * forms `YYYY-MM` and `YYYY`. Impossible dates (month 13, 31 February, hour 24) give null.
 *
 * `yyyy01010000` (how one KSK implementation writes a year-only birth date) is read as the real date
 * 1 January, precision "day": nothing in the text tells it apart from a true New Year birth. A caller
 * that knows its sender writes year-only births that way passes `janFirstIsYearOnly`.
 */
import type { Moment, MomentPrecision } from "../checkup/model.ts";

export interface ParseMomentOptions {
  /** Read 1 January (`yyyy0101…`, `yyyy-01-01`) as "year only" (precision "year"). */
  janFirstIsYearOnly?: boolean;
}

interface Parts {
  year: number;
  month: number | null;
  day: number | null;
  hour: number | null;
  minute: number | null;
}

const VN_OFFSET_MINUTES = 7 * 60;

export function parseMoment(raw: string, options: ParseMomentOptions = {}): Moment | null {
  const text = raw.trim();
  const parts = readParts(text);
  if (parts === null || !isPossible(parts)) return null;
  if (options.janFirstIsYearOnly && parts.month === 1 && parts.day === 1 && parts.hour === null) {
    return build(text, { year: parts.year, month: null, day: null, hour: null, minute: null });
  }
  return build(text, parts);
}

function readParts(text: string): Parts | null {
  let m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/.exec(text);
  if (m) return fromDigits(m);
  m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/.exec(text);
  if (m) return fromIso(m);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2}))?$/.exec(text);
  if (m) return fromSlashed(m);
  return null;
}

/** `0000` for month-day or hour-minute means "unknown" (QĐ 130 §NGAY_SINH; standards.md §4.1). */
function fromDigits(m: RegExpExecArray): Parts | null {
  const [, y, mo, d, h, mi] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month === 0 && day !== 0) return null;
  const timeKnown = h !== undefined && mi !== undefined && !(h === "00" && mi === "00");
  const dateKnown = month !== 0 && day !== 0;
  return {
    year: Number(y),
    month: month === 0 ? null : month,
    day: day === 0 ? null : day,
    hour: timeKnown && dateKnown ? Number(h) : null,
    minute: timeKnown && dateKnown ? Number(mi) : null,
  };
}

function fromIso(m: RegExpExecArray): Parts | null {
  const [, y, mo, d, h, mi, , zone] = m;
  const parts: Parts = {
    year: Number(y),
    month: mo === undefined ? null : Number(mo),
    day: d === undefined ? null : Number(d),
    hour: h === undefined ? null : Number(h),
    minute: mi === undefined ? null : Number(mi),
  };
  if (zone === undefined || !isPossible(parts)) return parts;
  return toVietnamTime(parts, zone);
}

/** An explicit offset is turned into local time, Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
function toVietnamTime(parts: Parts, zone: string): Parts | null {
  const sign = zone.startsWith("-") ? -1 : 1;
  const offset = zone === "Z" ? 0 : sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  const utc = Date.UTC(parts.year, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0);
  const local = new Date(utc + (VN_OFFSET_MINUTES - offset) * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

function fromSlashed(m: RegExpExecArray): Parts {
  const [, d, mo, y, h, mi] = m;
  return {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: h === undefined ? null : Number(h),
    minute: mi === undefined ? null : Number(mi),
  };
}

function isPossible(p: Parts): boolean {
  if (p.year < 1) return false;
  if (p.month !== null && (p.month < 1 || p.month > 12)) return false;
  if (p.day !== null && (p.month === null || p.day < 1 || p.day > daysInMonth(p.year, p.month))) return false;
  if (p.hour !== null && (p.hour > 23 || p.day === null)) return false;
  if (p.minute !== null && p.minute > 59) return false;
  return true;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

function build(raw: string, p: Parts): Moment {
  const precision: MomentPrecision =
    p.month === null ? "year" : p.day === null ? "month" : p.hour === null ? "day" : "minute";
  const date = `${pad(p.year, 4)}-${pad(p.month ?? 1)}-${pad(p.day ?? 1)}`;
  const iso = precision === "minute" ? `${date}T${pad(p.hour ?? 0)}:${pad(p.minute ?? 0)}` : date;
  return { raw, iso, precision };
}

/** `dd/mm/yyyy HH:MM`, `dd/mm/yyyy`, `mm/yyyy` or `yyyy`, as Vietnamese forms print dates. */
export function formatMomentVi(m: Moment): string {
  const [y = "", mo = "", d = ""] = m.iso.slice(0, 10).split("-");
  switch (m.precision) {
    case "minute":
      return `${d}/${mo}/${y} ${m.iso.slice(11, 16)}`;
    case "day":
      return `${d}/${mo}/${y}`;
    case "month":
      return `${mo}/${y}`;
    case "year":
      return y;
  }
}

/** The VSS/KSK digit form with `0000` for unknown parts: 12 digits `yyyymmddHHMM` or 8 `yyyymmdd`. */
export function formatMomentDigits(m: Moment, length: 8 | 12 = 12): string {
  const [y = "", mo = "", d = ""] = m.iso.slice(0, 10).split("-");
  const date = m.precision === "year" ? `${y}0000` : m.precision === "month" ? `${y}${mo}00` : `${y}${mo}${d}`;
  if (length === 8) return date;
  const time = m.precision === "minute" ? m.iso.slice(11, 16).replace(":", "") : "0000";
  return date + time;
}

/** ISO 8601 cut to what is known: `YYYY-MM-DDTHH:MM`, `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
export function formatMomentIso(m: Moment): string {
  switch (m.precision) {
    case "minute":
      return m.iso;
    case "day":
      return m.iso.slice(0, 10);
    case "month":
      return m.iso.slice(0, 7);
    case "year":
      return m.iso.slice(0, 4);
  }
}
