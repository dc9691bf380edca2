/**
 * Safe XML reading for every XML intake format. A document is refused before the parser sees it
 * when it declares a DOCTYPE or an entity (no expansion, no billion laughs), nests too deep or has
 * too many elements; then it must be well-formed. What comes back is a plain tree of strings:
 * number parsing is off (codes keep leading zeros and dots, standards.md §1 item 8), values are
 * trimmed and NFC-normalised, CDATA is read as text, attributes and namespace prefixes are dropped
 * (real exports carry broken namespace URIs: samples/real-world-files.md "compact").
 * Errors are findings, never exceptions; their messages never quote the document.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
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
}

export type ParseXmlResult =
  | { ok: true; root: string; value: XmlValue }
  | { ok: false; findings: Finding[] };

const BOM = "\uFEFF";

export const stripBom = (text: string): string => (text.startsWith(BOM) ? text.slice(1) : text);

/** UTF-8 bytes to text (BOM dropped); null when the bytes are not valid UTF-8 (QĐ 130: UTF-8 only). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return stripBom(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
}

export const isXmlElement = (value: XmlValue | undefined): value is XmlElement =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function parseXml(input: string | Uint8Array, options: ParseXmlOptions = {}): ParseXmlResult {
  const path = options.path ?? "/";
  const limits = { ...XML_DEFAULT_LIMITS, ...options.limits };
  const decoded = typeof input === "string" ? stripBom(input) : decodeUtf8(input);
  if (decoded === null) return fail("XML-ENCODING", path);
  // DOCTYPE and ENTITY are refused by text search, before any parser runs: nothing is expanded.
  if (/<!(DOCTYPE|ENTITY)/i.test(decoded)) return fail("XML-DOCTYPE", path);
  const over = overLimits(decoded, limits);
  if (over) return fail(over, path);
  const valid = XMLValidator.validate(decoded);
  if (valid !== true) return fail("XML-MALFORMED", path, valid.err.line, valid.err.col);
  // The validator lets text through after a self-closing root (`<R/>tail`).
  if (decoded.slice(decoded.lastIndexOf(">") + 1).trim() !== "") return fail("XML-MALFORMED", path);
  let tree: unknown;
  try {
    tree = buildParser(options.arrayTags ?? [], decoded.includes("&#")).parse(decoded);
  } catch {
    // The parser refuses names such as `__proto__`; anything it throws is a refusal of the document.
    return fail("XML-MALFORMED", path);
  }
  const top = isPlainObject(tree) ? Object.keys(tree) : [];
  const root = top[0];
  if (top.length !== 1 || root === undefined) return fail("XML-MALFORMED", path);
  const value = (tree as Record<string, unknown>)[root];
  if (Array.isArray(value)) return fail("XML-MALFORMED", path);
  return { ok: true, root, value: normalise(value) };
}

function buildParser(arrayTags: readonly string[], numericRefs: boolean): XMLParser {
  const arrays = new Set(arrayTags);
  return new XMLParser({
    ignoreAttributes: true,
    removeNSPrefix: true,
    parseTagValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // Decodes numeric references (`&#x1EC7;`) once, never inside CDATA; DOCTYPE was refused
    // above, so no declared entity can reach it. Only when the text has one: fast-xml-parser
    // rebuilds its entity decoder on every parse with this on (~85 µs a document).
    htmlEntities: numericRefs,
    isArray: (name: string) => arrays.has(name),
  });
}

/** Trims (CDATA is not trimmed by the parser) and NFC-normalises every string; drops non-string leaves. */
function normalise(value: unknown): XmlValue {
  if (typeof value === "string") return value.trim().normalize("NFC");
  if (Array.isArray(value)) return value.map(normalise);
  if (isPlainObject(value)) {
    const out: XmlElement = {};
    for (const [key, child] of Object.entries(value)) out[key] = normalise(child);
    return out;
  }
  return value === undefined || value === null ? "" : String(value);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

type LimitCode = "XML-TOO-DEEP" | "XML-TOO-MANY-ELEMENTS";

/**
 * One linear pass over the text counting start tags and nesting, skipping comments, CDATA,
 * processing instructions and quoted attribute values. It runs before the validator so a hostile
 * document costs one scan. A not-well-formed text may be miscounted here; the validator refuses it next.
 */
export function overLimits(text: string, limits: XmlLimits): LimitCode | null {
  let depth = 0;
  let elements = 0;
  let i = text.indexOf("<");
  while (i !== -1 && i < text.length) {
    if (text.startsWith("<!--", i)) i = skipPast(text, "-->", i + 4);
    else if (text.startsWith("<![CDATA[", i)) i = skipPast(text, "]]>", i + 9);
    else if (text.startsWith("<?", i)) i = skipPast(text, "?>", i + 2);
    else if (text.startsWith("<!", i)) i = skipPast(text, ">", i + 2);
    else if (text.startsWith("</", i)) {
      depth -= 1;
      i = skipPast(text, ">", i + 2);
    } else {
      const end = tagEnd(text, i + 1);
      elements += 1;
      if (elements > limits.maxElements) return "XML-TOO-MANY-ELEMENTS";
      if (text[end - 1] !== "/") {
        depth += 1;
        if (depth > limits.maxDepth) return "XML-TOO-DEEP";
      }
      i = end + 1;
    }
    i = text.indexOf("<", i);
  }
  return null;
}

function skipPast(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  return at === -1 ? text.length : at + marker.length;
}

/** Index of the `>` closing a start tag, stepping over quoted attribute values. */
function tagEnd(text: string, from: number): number {
  let quote: string | null = null;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return i;
  }
  return text.length;
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
