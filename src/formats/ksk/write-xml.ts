/**
 * A tiny XML serialiser for the writer: elements with text or children, rendered pretty or compact,
 * with CDATA or escapes, empty elements as `<X></X>` or `<X/>`. Text is stripped of the control
 * characters XML 1.0 forbids (a sender's stray \u0001 must not make the whole file unreadable).
 */
/**
 * `optional` leaves are left out when null even if nulls are written (tags outside the QĐ 2062
 * tables); a group may switch CDATA on or off for its subtree (block content vs envelope).
 */
export type XmlNode =
  | { tag: string; text: string | null; optional?: boolean }
  | { tag: string; children: XmlNode[]; cdata?: boolean };

export interface XmlStyle {
  pretty: boolean;
  /** How `""` (and `null`, when nulls are written) appear. */
  emptyStyle: "pair" | "self-closing";
  /** Write `null` values as empty elements (as real exports do) instead of leaving them out. */
  writeNulls: boolean;
  cdata: boolean;
}

export const leaf = (tag: string, text: string | null | undefined): XmlNode => ({ tag, text: text ?? null });
export const optionalLeaf = (tag: string, text: string | null | undefined): XmlNode => ({ tag, text: text ?? null, optional: true });
export const node = (tag: string, children: XmlNode[], cdata?: boolean): XmlNode =>
  cdata === undefined ? { tag, children } : { tag, children, cdata };

// eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeText(text: string): string {
  return text.replace(FORBIDDEN, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function cdata(text: string): string {
  return `<![CDATA[${text.replace(FORBIDDEN, "").replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
}

export function render(n: XmlNode, style: XmlStyle, depth = 0): string {
  const indent = style.pretty ? "  ".repeat(depth) : "";
  const nl = style.pretty ? "\n" : "";
  if ("children" in n) {
    const childStyle = n.cdata === undefined ? style : { ...style, cdata: n.cdata };
    const inner = n.children.map((c) => render(c, childStyle, depth + 1)).join("");
    if (inner === "") return `${indent}${empty(n.tag, style)}${nl}`;
    return `${indent}<${n.tag}>${nl}${inner}${indent}</${n.tag}>${nl}`;
  }
  if (n.text === null && (!style.writeNulls || n.optional)) return "";
  if (n.text === null || n.text === "") return `${indent}${empty(n.tag, style)}${nl}`;
  const body = style.cdata ? cdata(n.text) : escapeText(n.text);
  return `${indent}<${n.tag}>${body}</${n.tag}>${nl}`;
}

const empty = (tag: string, style: XmlStyle): string => (style.emptyStyle === "pair" ? `<${tag}></${tag}>` : `<${tag}/>`);
