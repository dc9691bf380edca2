/**
 * Rows for the writer: a model item's fields laid over the row it was read from, in the official
 * field order (QĐ 3176 Bảng 1–5), so that fields the model does not hold (TT_THAU, T_NGUONKHAC_*…)
 * and rows it skips (panel headers) are written back as received. A model value wins; a null one
 * leaves the received value (an unreadable date stays as sent).
 */
import type { Moment } from "../../checkup/model.ts";
import { leaf, node, type XmlNode } from "../ksk/write-xml.ts";
import { formatMomentDigits } from "../moment.ts";
import { isXmlElement, type XmlElement, type XmlValue } from "../xml.ts";
import { maLkOf, tableRows } from "./rows.ts";

export type Managed = Readonly<Record<string, string | null>>;

/**
 * One row's children in the official order, then any other received field in received order. A row
 * built from the model alone has every official field (empty ones too, as exports write them); a
 * received row keeps the fields it had.
 */
export function rowNodes(received: XmlElement | undefined, managed: Managed, order: readonly string[]): XmlNode[] {
  const base = received ?? {};
  const value = (tag: string): XmlValue | null => managed[tag] ?? (Object.hasOwn(base, tag) ? (base[tag] ?? null) : null);
  const known = new Set(order);
  const out: XmlNode[] = [];
  for (const tag of order) {
    const v = value(tag);
    if (v !== null) out.push(...toNodes(tag, v));
    else if (received === undefined || Object.hasOwn(base, tag)) out.push(leaf(tag, ""));
  }
  for (const [tag, v] of Object.entries(base)) if (!known.has(tag)) out.push(...toNodes(tag, v));
  for (const [tag, v] of Object.entries(managed)) if (!known.has(tag) && !Object.hasOwn(base, tag)) out.push(leaf(tag, v ?? ""));
  return out;
}

/** A received value back to nodes: text, an element, or a repeated element. */
export function toNodes(tag: string, value: XmlValue): XmlNode[] {
  if (typeof value === "string") return [leaf(tag, value)];
  if (Array.isArray(value)) return value.flatMap((v) => toNodes(tag, v));
  return [node(tag, Object.entries(value).flatMap(([t, v]) => toNodes(t, v)))];
}

export interface Placed<T> {
  item: T;
  /** Path relative to the record, e.g. `XML4/CHI_TIET_CLS[3]`; null when not read from a table. */
  at: string | null;
}

/**
 * Rows of one list table for one visit: received rows of this MA_LK in order, each replaced by the
 * item read from it; then the items that came from nowhere in this table.
 */
export function mergeRows<T>(
  type: string,
  key: string,
  received: XmlElement | undefined,
  maLk: string | null,
  items: readonly Placed<T>[],
  fields: (item: T) => Managed,
): { rows: { received: XmlElement | undefined; managed: Managed }[]; rowTag: string | null } {
  const byPath = new Map<string, T>();
  const loose: T[] = [];
  for (const { item, at } of items) {
    if (at !== null && at.startsWith(`${key}/`)) byPath.set(at, item);
    else loose.push(item);
  }
  const table = received ? tableRows(type, received, key) : { rows: [], list: null };
  const rows: { received: XmlElement | undefined; managed: Managed }[] = [];
  for (const row of table.rows) {
    const item = byPath.get(row.path);
    byPath.delete(row.path);
    if (item !== undefined) rows.push({ received: row.fields, managed: fields(item) });
    else if (maLkOf(row.fields) === maLk) rows.push({ received: row.fields, managed: {} });
  }
  for (const item of [...byPath.values(), ...loose]) rows.push({ received: undefined, managed: fields(item) });
  return { rows, rowTag: table.list?.row ?? null };
}

/** A received table without the rows of other visits (list tables are kept whole in `blocks`). */
export function ownRows(type: string, value: XmlElement, maLk: string | null): XmlElement | null {
  const { rows, list } = tableRows(type, value, "");
  if (list === null) return rows.length === 0 || rows.some((r) => maLkOf(r.fields) === maLk) ? value : null;
  const own = rows.filter((r) => maLkOf(r.fields) === maLk).map((r) => r.fields);
  return own.length === 0 ? null : { ...value, [list.container]: { [list.row]: own } };
}

/** The digits as sent when they are digits; otherwise the canonical `yyyymmddHHMM` / `yyyymmdd`. */
export function momentText(m: Moment | null, length: 8 | 12 = 12): string | null {
  if (m === null) return null;
  return /^\d{8}(?:\d{4})?$/.test(m.raw) ? m.raw : formatMomentDigits(m, length);
}

export const joinList = (items: readonly string[]): string | null => (items.length === 0 ? null : items.join(";"));

export const relative = (recordPath: string, path: string): string | null =>
  path.startsWith(`${recordPath}/`) ? path.slice(recordPath.length + 1) : null;

export const asElement = (value: unknown): XmlElement | undefined =>
  typeof value === "object" && value !== null && isXmlElement(value as XmlValue) ? (value as XmlElement) : undefined;
