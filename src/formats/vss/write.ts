/**
 * GIAMDINHHS writer, for tests and benchmarks: visits → one envelope, one HOSO per visit, every
 * table base64 of its own UTF-8 document (standards.md §3.1), in the export styles real files show
 * (samples/real-world-files.md): BOM, a declaration per table, pretty or one-line tables, CDATA,
 * CRLF inside free text, `<X></X>` or `<X/>` empties, the broken `xmlns:xsi` of the compact export.
 * For what the parser reads, parseVss(writeVss(visits)) gives the visits back. Pure.
 */
import type { CheckupRecord } from "../../checkup/model.ts";
import { leaf, node, render, type XmlNode, type XmlStyle } from "../ksk/write-xml.ts";
import { VSS_ROOT } from "./envelope.ts";
import { TABLES } from "./table-types.ts";
import type { VssClinicalNote, VssVisit } from "./types.ts";
import { asElement, mergeRows, ownRows, relative, rowNodes, toNodes, type Managed, type Placed } from "./write-rows.ts";
import { medicationFields, noteFields, procedureFields, resultFields, sortObservations, xml1Fields } from "./write-tables.ts";
import { XML2_ORDER, XML3_ORDER } from "./drugs.ts";
import { XML1_ORDER } from "./xml1-tags.ts";
import { XML4_ORDER } from "./xml4.ts";
import { XML5_ORDER } from "./xml5.ts";

/** A visit to write: the record, and whatever encounter parts there are. */
export type WritableVisit = Pick<VssVisit, "record"> & Partial<Pick<VssVisit, "encounter" | "medications" | "procedures" | "notes">>;

export interface WriteVssOptions {
  /** MACSKCB; default: the first record's facility code. */
  facilityId?: string | null;
  /** NGAYLAP (`yyyymmdd`); default: the day of the first record's exam. */
  preparedOn?: string | null;
  /** SOLUONGHOSO; default: the number of visits (set it to test truncation handling). */
  declaredCount?: number;
  bom?: boolean;
  /** Line breaks and indentation inside each table (the envelope is always one line). */
  pretty?: boolean;
  tableDeclaration?: boolean;
  cdata?: boolean;
  /** Line breaks inside free text written as CRLF (the "pretty" export). */
  crlfInText?: boolean;
  emptyStyle?: XmlStyle["emptyStyle"];
  /** `xmlns:xsi` on TONG_HOP, e.g. the "compact" export's `http://www.w3.org/2001/XMLSchema instance`. */
  xml1Namespace?: string | null;
}

const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';
const NAMESPACES = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"';

export function writeVss(visits: readonly WritableVisit[], options: WriteVssOptions = {}): string {
  const first = visits[0]?.record;
  const hosos = visits.map((v) =>
    node("HOSO", visitTables(v).map((t) => node("FILEHOSO", [leaf("LOAIHOSO", t.type), leaf("NOIDUNGFILE", encode(t, options))]))),
  );
  const body = [
    node("THONGTINDONVI", [leaf("MACSKCB", options.facilityId ?? first?.facilityCode ?? first?.facilityGln ?? null)]),
    node("THONGTINHOSO", [
      leaf("NGAYLAP", options.preparedOn ?? (first?.examTime ? first.examTime.iso.slice(0, 10).replace(/-/g, "") : null)),
      leaf("SOLUONGHOSO", String(options.declaredCount ?? visits.length)),
      node("DANHSACHHOSO", hosos),
    ]),
    leaf("CHUKYDONVI", ""),
  ];
  const style: XmlStyle = { pretty: false, emptyStyle: options.emptyStyle ?? "self-closing", writeNulls: true, cdata: false };
  const xml = `${DECLARATION}<${VSS_ROOT} ${NAMESPACES}>${body.map((n) => render(n, style)).join("")}</${VSS_ROOT}>`;
  return options.bom ? `\uFEFF${xml}` : xml;
}

interface TableOut {
  type: string;
  root: string;
  children: XmlNode[];
}

function visitTables(v: WritableVisit): TableOut[] {
  const { record } = v;
  // Tables received from another format (a KHAMSUCKHOE XML7 is not a discharge paper) are not written back.
  const own = record.format === "vss";
  const blocks = own ? record.blocks : {};
  const at = (path: string) => (own ? relative(record.path, path) : null);
  const maLk = record.maLk;
  const sorted = sortObservations(record, at);
  const notes: Placed<VssClinicalNote>[] = (v.notes ?? []).map((n) => ({ item: n, at: at(n.path) }));
  if (sorted.vitalsNote) notes.push({ item: sorted.vitalsNote, at: null });
  const withMaLk = (m: Managed): Managed => ({ ...m, MA_LK: maLk });
  const out: TableOut[] = [
    { type: "XML1", root: TABLES["XML1"]?.root ?? "TONG_HOP", children: rowNodes(asElement(blocks["XML1"]), xml1Fields(record, v.encounter), XML1_ORDER) },
  ];
  const list = <T>(type: string, order: readonly string[], items: readonly Placed<T>[], fields: (t: T) => Managed) => {
    const keys = keysOf(blocks, type);
    const others = keys.filter((k) => k !== type);
    for (const key of keys) {
      // Items read from a repeated table (`XML4[1]/…`) go back to it; all the others to the first one.
      const mine = items.filter((i) => (key === type ? !others.some((k) => i.at?.startsWith(`${k}/`)) : i.at?.startsWith(`${key}/`)));
      const merged = mergeRows(type, key, asElement(blocks[key]), maLk, mine, (t) => withMaLk(fields(t)));
      const spec = TABLES[type]?.list;
      if (!spec || merged.rows.length === 0) continue;
      const rows = merged.rows.map((r, i) => node(spec.row, rowNodes(r.received, { STT: r.received ? null : String(i + 1), ...r.managed }, order)));
      out.push({ type, root: TABLES[type]?.root ?? type, children: [node(spec.container, rows)] });
    }
  };
  const placed = <T extends { path: string }>(items: readonly T[] | undefined): Placed<T>[] =>
    (items ?? []).map((item) => ({ item, at: at(item.path) }));
  list("XML2", XML2_ORDER, placed(v.medications), medicationFields);
  list("XML3", XML3_ORDER, placed(v.procedures), procedureFields);
  list("XML4", XML4_ORDER, sorted.results, resultFields);
  list("XML5", XML5_ORDER, notes, noteFields);
  if (own) out.push(...receivedTables(record));
  return out;
}

/** Block keys of one type (`XML4`, `XML4[1]`), or the type alone when none was received. */
function keysOf(blocks: CheckupRecord["blocks"], type: string): string[] {
  const keys = Object.keys(blocks).filter((k) => k === type || k.startsWith(`${type}[`));
  return keys.includes(type) ? keys : [type, ...keys];
}

/** Tables the model does not read (XML0, XML6–XML15, unknown ones), as received, this visit's rows only. */
function receivedTables(record: CheckupRecord): TableOut[] {
  return Object.entries(record.blocks).flatMap(([key, value]) => {
    const type = key.replace(/\[\d+\]$/, "");
    const element = asElement(value);
    if (["XML1", "XML2", "XML3", "XML4", "XML5"].includes(type) || !element) return [];
    const own = ownRows(type, element, record.maLk);
    if (!own) return [];
    return [{ type, root: TABLES[type]?.root ?? type, children: Object.entries(own).flatMap(([t, v]) => toNodes(t, v)) }];
  });
}

function encode(table: TableOut, options: WriteVssOptions): string {
  const style: XmlStyle = { pretty: options.pretty ?? true, emptyStyle: options.emptyStyle ?? "self-closing", writeNulls: true, cdata: options.cdata ?? false };
  const nl = style.pretty ? "\n" : "";
  const children = options.crlfInText ? table.children.map(crlf) : table.children;
  const attrs = table.type === "XML1" && options.xml1Namespace ? ` xmlns:xsi="${options.xml1Namespace}"` : "";
  const inner = children.map((c) => render(c, style, 1)).join("");
  const text = `${options.tableDeclaration ? DECLARATION + nl : ""}<${table.root}${attrs}>${nl}${inner}</${table.root}>`;
  return Buffer.from(text, "utf8").toString("base64");
}

const crlf = (n: XmlNode): XmlNode =>
  "children" in n ? { ...n, children: n.children.map(crlf) } : { ...n, text: n.text?.replace(/\r?\n/g, "\r\n") ?? null };
