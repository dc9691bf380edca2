/**
 * The rows of one table, each with its path and MA_LK. Single-record tables (XML1, XML7, XML8…) are
 * one row; list tables hold `DSACH_…/row` elements (standards.md §3.5). When a list's names differ
 * from the table list (XML6, an unknown LOAIHOSO), rows are found by shape: the first list of
 * elements under the root that carry MA_LK. One pass, no copy of the rows.
 */
import { isXmlElement, type XmlElement, type XmlValue } from "../xml.ts";
import type { Row } from "./fields.ts";
import { TABLES } from "./table-types.ts";

export interface TableRows {
  rows: Row[];
  /** The list and row element names when the table is a list, for writing it back. */
  list: { container: string; row: string } | null;
}

export function tableRows(type: string, value: XmlElement, path: string): TableRows {
  const spec = TABLES[type];
  if (spec && !spec.list && type !== "XML6") return { rows: [{ fields: value, path }], list: null };
  if (spec?.list) {
    const rows = listRows(value, spec.list.container, spec.list.row, path);
    if (rows.length > 0 || !hasOtherList(value, spec.list.container)) return { rows, list: spec.list };
  }
  return byShape(value, path);
}

function listRows(value: XmlElement, container: string, row: string, path: string): Row[] {
  const out: Row[] = [];
  for (const c of asList(value[container])) {
    if (!isXmlElement(c)) continue;
    for (const r of asList(c[row])) if (isXmlElement(r)) out.push({ fields: r, path: `${path}/${row}[${out.length}]` });
  }
  return out;
}

/** The expected list is absent but another element could hold the rows. */
const hasOtherList = (value: XmlElement, container: string): boolean =>
  !Object.hasOwn(value, container) && Object.values(value).some((v) => isXmlElement(v) || Array.isArray(v));

function byShape(value: XmlElement, path: string): TableRows {
  if (Object.hasOwn(value, "MA_LK")) return { rows: [{ fields: value, path }], list: null };
  for (const [container, child] of Object.entries(value)) {
    const first = asList(child).find(isXmlElement);
    if (!first) continue;
    for (const [row, items] of Object.entries(first)) {
      if (asList(items).some((r) => isXmlElement(r) && Object.hasOwn(r, "MA_LK"))) {
        return { rows: listRows(value, container, row, path), list: { container, row } };
      }
    }
  }
  return { rows: [], list: null };
}

/** The MA_LK of a row, trimmed; null when absent, empty or not text. */
export function maLkOf(row: XmlElement): string | null {
  const v = row["MA_LK"];
  const text = Array.isArray(v) ? v.find((x) => typeof x === "string") : v;
  return typeof text === "string" && text !== "" ? text : null;
}

export const asList = (value: XmlValue | undefined): XmlValue[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
