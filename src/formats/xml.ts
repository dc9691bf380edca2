/**
 * Safe XML reading for every XML intake format. A document is refused before the parser sees it
 * when it declares a DOCTYPE or an entity (no expansion, no billion laughs), nests too deep or has
 * too many elements; then it must be well-formed. What comes back is a plain tree of strings:
 * number parsing is off (codes keep leading zeros and dots, standards.md §1 item 8), values are
 * trimmed and NFC-normalised, CDATA is read as text, attributes and namespace prefixes are dropped
 * (real exports carry broken namespace URIs: samples/real-world-files.md "compact").
 * Errors are findings, never exceptions; their messages never quote the document.
 */
import { isUtf8 } from "node:buffer";
import { SaxesParser } from "saxes";
import { finding, type Finding } from "../checkup/finding.ts";

export interface XmlElement {
  [name: string]: XmlValue;
}
/** A leaf is a string (`""` when empty); a repeated element is an array. */
export type XmlValue = string | XmlElement | XmlValue[];

export interface XmlLimits {
  maxDepth: number;
  maxElements: number;
}

export const XML_DEFAULT_LIMITS: XmlLimits = { maxDepth: 32, maxElements: 200_000 };

export interface ParseXmlOptions {
  /** Element names that are always arrays, even when they occur once (`HOSO`, `CHI_TIET_CLS`…). */
  arrayTags?: readonly string[];
  limits?: Partial<XmlLimits>;
  /** Path of the document inside the submission, used in findings. */
  path?: string;
  /**
   * An element whose long base64 text is set aside before the parser runs and put back in the
   * tree (envelopes carry their blocks as base64 in `NOIDUNGFILE`): the parser reads most of an
   * envelope's bytes one character at a time, and base64 holds nothing it must interpret.
   */
  base64Element?: string;
}

export type ParseXmlResult =
  | { ok: true; root: string; value: XmlValue }
  | { ok: false; findings: Finding[] };

const BOM = "\uFEFF";

export const stripBom = (text: string): string => (text.startsWith(BOM) ? text.slice(1) : text);

/** UTF-8 bytes to text (BOM dropped); null when the bytes are not valid UTF-8 (QĐ 130: UTF-8 only). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null;
  // TextDecoder, used before, dropped a BOM itself and stripBom a second one: keep reading both.
  return stripBom(stripBom(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8")));
}

export const isXmlElement = (value: XmlValue | undefined): value is XmlElement =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function parseXml(input: string | Uint8Array, options: ParseXmlOptions = {}): ParseXmlResult {
  const path = options.path ?? "/";
  const limits = options.limits ? { ...XML_DEFAULT_LIMITS, ...options.limits } : XML_DEFAULT_LIMITS;
  const decoded = typeof input === "string" ? stripBom(input) : decodeUtf8(input);
  if (decoded === null) return fail("XML-ENCODING", path);
  // DOCTYPE and ENTITY are refused by text search, before the parser runs: nothing is expanded.
  if (/<!(DOCTYPE|ENTITY)/i.test(decoded)) return fail("XML-DOCTYPE", path);
  // Real exports embed each inner document whole, its XML declaration inside an element
  // (samples/real-world-files.md): dropped there; anywhere else a declaration not at the start is refused.
  const whole = decoded.indexOf("<?xml", 1) === -1 ? decoded : decoded.replace(/(>\s*)<\?xml\s[^>]*\?>(?=\s*<)/g, "$1");
  const { text, aside } = options.base64Element ? setAside(whole, options.base64Element) : { text: whole, aside: [] };
  const parser = new SaxesParser();
  // Without a DTD nothing declares other named references (`&nbsp;`): kept as written, as before.
  parser.ENTITIES = new Proxy(parser.ENTITIES, { get: (known, name: string) => known[name] ?? (ENTITY_NAME.test(name) ? `&${name};` : undefined) });
  const tree = new TreeBuilder(new Set(options.arrayTags), limits, aside);
  parser.on("opentag", (tag) => tree.open(tag.name, tag.isSelfClosing));
  parser.on("closetag", () => tree.close());
  parser.on("text", (t) => tree.text(t));
  parser.on("cdata", (t) => tree.cdata(t));
  parser.on("processinginstruction", () => tree.flush());
  parser.on("error", (err) => {
    throw new Refusal("XML-MALFORMED", err);
  });
  try {
    parser.write(text).close();
    return { ok: true, ...tree.result() };
  } catch (err) {
    if (!(err instanceof Refusal)) throw err;
    if (err.code !== "XML-MALFORMED") return fail(err.code, path);
    return fail(err.code, path, parser.line, parser.column);
  }
}

const ENTITY_NAME = /^[A-Za-z_:][\w.:-]*$/;

/** Marks where a text was set aside: a private-use character, then its number. */
const ASIDE = "\uE000";
const ASIDE_MIN = 512;
const asideOpenTags = new Map<string, RegExp>();
const BASE64_TEXT = /^[A-Za-z0-9+/=\r\n\t ]*$/;

/**
 * The document with each long base64-only text of `element` replaced by a marker (keeping its line
 * breaks, so a finding's line number is unchanged), and the texts set aside. Only text made of
 * base64 characters and white space is taken: nothing in it is markup or a reference, so the parser
 * would have read it as it is. A document that contains the marker character itself is left whole.
 */
function setAside(doc: string, element: string): { text: string; aside: string[] } {
  const aside: string[] = [];
  if (doc.includes(ASIDE)) return { text: doc, aside };
  let open = asideOpenTags.get(element);
  if (!open) asideOpenTags.set(element, (open = new RegExp(String.raw`<(?:[\w.-]+:)?${element}\s*>`, "g")));
  const parts: string[] = [];
  let kept = 0;
  open.lastIndex = 0;
  for (let m = open.exec(doc); m !== null; m = open.exec(doc)) {
    const start = m.index + m[0].length;
    const end = doc.indexOf("<", start);
    if (end - start < ASIDE_MIN || !doc.startsWith("</", end)) continue;
    const content = doc.slice(start, end);
    if (!BASE64_TEXT.test(content)) continue;
    parts.push(doc.slice(kept, start), `${ASIDE}${aside.length}`, "\n".repeat(lineBreaks(content)));
    aside.push(content);
    kept = end;
    open.lastIndex = end;
  }
  if (aside.length === 0) return { text: doc, aside };
  parts.push(doc.slice(kept));
  return { text: parts.join(""), aside };
}

function lineBreaks(s: string): number {
  let n = 0;
  for (let i = s.indexOf("\n"); i !== -1; i = s.indexOf("\n", i + 1)) n++;
  return n;
}

class Refusal {
  constructor(
    readonly code: "XML-MALFORMED" | "XML-TOO-DEEP" | "XML-TOO-MANY-ELEMENTS",
    readonly cause?: unknown,
  ) {}
}

interface Frame {
  key: string;
  children: XmlElement | null;
  /** Text so far: trimmed pieces, CDATA as is. */
  text: string;
  /** Text since the last tag, CDATA or instruction (a comment does not cut it). */
  pending: string;
}

// fast-xml-parser, which hoso used before, renamed these keys; records are hashed with the tree.
const CRITICAL = new Set(["__proto__", "constructor", "prototype"]);
const RENAMED = new Set(["hasOwnProperty", "toString", "valueOf", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__"]);

/**
 * The tree of strings from saxes' events, shaped as fast-xml-parser shaped it before (records
 * keep the tree and are hashed with it): a leaf is its text ("" when empty); a repeated element,
 * or one in `arrays`, is an array; text beside child elements is `#text`, after the children;
 * `ns:NAME` is read as `NAME`.
 */
class TreeBuilder {
  private readonly stack: Frame[] = [];
  private root: { root: string; value: XmlValue } | null = null;
  private elements = 0;

  constructor(
    private readonly arrays: ReadonlySet<string>,
    private readonly limits: XmlLimits,
    /** Texts set aside before parsing (setAside), put back where their marker is. */
    private readonly aside: readonly string[],
  ) {}

  open(name: string, selfClosing: boolean): void {
    if (++this.elements > this.limits.maxElements) throw new Refusal("XML-TOO-MANY-ELEMENTS");
    this.flush();
    const colon = name.indexOf(":");
    const bare = colon === -1 ? name : name.slice(colon + 1);
    if (CRITICAL.has(bare)) throw new Refusal("XML-MALFORMED");
    this.stack.push({ key: RENAMED.has(bare) ? `__${bare}` : bare, children: null, text: "", pending: "" });
    // A self-closing element nests nothing (as the limits always counted).
    if (this.stack.length - (selfClosing ? 1 : 0) > this.limits.maxDepth) throw new Refusal("XML-TOO-DEEP");
  }

  close(): void {
    this.flush();
    const frame = this.stack.pop()!;
    let value: XmlValue;
    if (frame.children === null) value = this.aside.length > 0 && frame.text.startsWith(ASIDE) ? this.putBack(frame.text) : clean(frame.text);
    else {
      if (frame.text !== "") frame.children["#text"] = clean(frame.text);
      value = frame.children;
    }
    const parent = this.stack[this.stack.length - 1];
    if (!parent) {
      this.root = { root: frame.key, value };
      return;
    }
    const children = (parent.children ??= {});
    if (!Object.hasOwn(children, frame.key)) children[frame.key] = this.arrays.has(frame.key) ? [value] : value;
    else {
      const existing = children[frame.key];
      if (Array.isArray(existing)) existing.push(value);
      else children[frame.key] = [existing as XmlValue, value];
    }
  }

  /** The marker's text as the parser would have given it: line ends as LF, trimmed (base64 needs no NFC). */
  private putBack(marker: string): string {
    const text = this.aside[Number(marker.slice(ASIDE.length))]!;
    return (text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text).trim();
  }

  text(t: string): void {
    const top = this.stack[this.stack.length - 1];
    if (top) top.pending += t;
  }

  cdata(t: string): void {
    this.flush();
    this.stack[this.stack.length - 1]!.text += t;
  }

  /** Trimmed pending text joins the element's text (`trimValues`). */
  flush(): void {
    const top = this.stack[this.stack.length - 1];
    if (!top || top.pending === "") return;
    top.text += top.pending.trim();
    top.pending = "";
  }

  result(): { root: string; value: XmlValue } {
    // A root that is always an array (`HOSO`) is not a document of that format.
    if (!this.root || this.arrays.has(this.root.root)) throw new Refusal("XML-MALFORMED");
    return this.root;
  }
}

/** Trimmed and NFC-normalised; text without a character from U+0300 on is its own NFC form. */
function clean(t: string): string {
  const value = t.trim();
  return /[\u0300-\uffff]/.test(value) ? value.normalize("NFC") : value;
}

const MESSAGES: Record<string, { vi: string; en: string }> = {
  "XML-ENCODING": {
    vi: "Tệp không phải văn bản UTF-8 hợp lệ",
    en: "The file is not valid UTF-8 text",
  },
  "XML-DOCTYPE": {
    vi: "Tệp XML chứa khai báo DOCTYPE hoặc ENTITY; không được phép",
    en: "The XML declares a DOCTYPE or an ENTITY; this is not allowed",
  },
  "XML-TOO-DEEP": {
    vi: "Tệp XML lồng nhau quá sâu",
    en: "The XML is nested too deeply",
  },
  "XML-TOO-MANY-ELEMENTS": {
    vi: "Tệp XML có quá nhiều phần tử",
    en: "The XML has too many elements",
  },
  "XML-MALFORMED": {
    vi: "Tệp XML không đúng cú pháp",
    en: "The XML is not well-formed",
  },
};

function fail(code: string, path: string, line?: number, col?: number): ParseXmlResult {
  const text = MESSAGES[code] ?? { vi: code, en: code };
  // Only the position is quoted, never the content around it.
  const where = line === undefined ? null : { vi: ` (dòng ${line}, cột ${col ?? 0})`, en: ` (line ${line}, column ${col ?? 0})` };
  return {
    ok: false,
    findings: [finding(code, "error", path, text.vi + (where?.vi ?? ""), text.en + (where?.en ?? ""))],
  };
}
