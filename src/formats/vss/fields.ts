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
  const path = (tag: string) => `${row.path}/${tag}`;
  const text = (tag: string) => textOf(row.fields, tag, path(tag), sink);
  return {
    text,
    path,
    moment(tag, options) {
      const raw = text(tag);
      if (raw === null) return null;
      const m = parseMoment(raw, options);
      if (m === null) sink.push(vssFinding("VSS-DATE-INVALID", path(tag)));
      return m;
    },
  };
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
