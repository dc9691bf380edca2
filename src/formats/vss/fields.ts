/**
 * Reading the fields of one table row. Values arrive trimmed and NFC-normalised from xml.ts, CDATA
 * or not, empty elements as `""`; here an empty value is null and a repeated or structured field is
 * a warning (never a rejection). Codes stay strings (standards.md §4.1).
 */
import type { Finding } from "../../checkup/finding.ts";
import type { Moment } from "../../checkup/model.ts";
import { parseMoment, type ParseMomentOptions } from "../moment.ts";
import { isXmlElement, type XmlElement } from "../xml.ts";
import { vssFinding } from "./findings.ts";

export interface Row {
  fields: XmlElement;
  /** `HOSO[0]/XML4/CHI_TIET_CLS[5]`; a single-record table's row path is the table's. */
  path: string;
}

export interface RowReader {
  text(tag: string): string | null;
  moment(tag: string, options?: ParseMomentOptions): Moment | null;
  path(tag: string): string;
}

export function rowReader(row: Row, sink: Finding[]): RowReader {
  return new FieldReader(row, sink);
}

/**
 * A class, not closures: a GIAMDINHHS visit reads a few hundred fields, and a field's path is
 * built only when a finding needs it.
 */
class FieldReader implements RowReader {
  constructor(
    private readonly row: Row,
    private readonly sink: Finding[],
  ) {}

  path(tag: string): string {
    return `${this.row.path}/${tag}`;
  }

  text(tag: string): string | null {
    const fields = this.row.fields;
    if (!Object.hasOwn(fields, tag)) return null;
    const value = fields[tag];
    if (typeof value === "string") return value === "" ? null : value;
    return textOf(fields, tag, this.path(tag), this.sink);
  }

  moment(tag: string, options?: ParseMomentOptions): Moment | null {
    const raw = this.text(tag);
    if (raw === null) return null;
    const m = parseMoment(raw, options);
    if (m === null) this.sink.push(vssFinding("VSS-DATE-INVALID", this.path(tag)));
    return m;
  }
}

/** Text of one child element: `""` and absent give null; a repeat gives the first non-empty value. */
export function textOf(element: XmlElement, tag: string, path: string, sink: Finding[]): string | null {
  if (!Object.hasOwn(element, tag)) return null;
  let value = element[tag];
  if (Array.isArray(value)) {
    sink.push(vssFinding("VSS-FIELD-REPEATED", path));
    value = value.find((v) => typeof v === "string" && v !== "") ?? value[0];
  }
  if (isXmlElement(value) || Array.isArray(value)) {
    sink.push(vssFinding("VSS-FIELD-NOT-TEXT", path));
    return null;
  }
  return value === undefined || value === "" ? null : value;
}
