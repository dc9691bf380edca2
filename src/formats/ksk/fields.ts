/**
 * Reading fields out of a decoded block. A block is kept as received (`CheckupRecord.blocks`);
 * these helpers pick the text of one field, trying the tag spellings implementations use for it
 * (QĐ 1551 and QĐ 2062 names differ, standards.md §5.7), and report repeated or structured fields.
 */
import type { Finding } from "../../checkup/finding.ts";
import { isXmlElement, type XmlElement } from "../xml.ts";
import { kskFinding } from "./findings.ts";

export interface Block {
  /** `XML1` … `XML12` (LOAIHOSO, normalised). */
  type: string;
  /** Root element name as received (XML12 comes as `KET_LUAN` or `KET_LUAN_VA_TU_VAN`). */
  root: string;
  fields: XmlElement;
  /** `HOSO[i]/XMLn`. */
  path: string;
}

export type Blocks = ReadonlyMap<string, Block>;

export type Tags = string | readonly string[];

export interface Picked {
  tag: string;
  value: string;
  path: string;
}

/** The first non-empty text among `tags` in `block`, with the path of the field it came from. */
export function pickField(block: Block | undefined, tags: Tags, sink: Finding[]): Picked | null {
  if (!block) return null;
  for (const tag of typeof tags === "string" ? [tags] : tags) {
    const value = textOf(block.fields, tag, `${block.path}/${tag}`, sink);
    if (value !== null) return { tag, value, path: `${block.path}/${tag}` };
  }
  return null;
}

export const field = (block: Block | undefined, tags: Tags, sink: Finding[]): string | null =>
  pickField(block, tags, sink)?.value ?? null;

/** Tries the blocks in order (a field some implementations put in XML2, others in XML1). */
export function pickFrom(blocks: Blocks, types: readonly string[], tags: Tags, sink: Finding[]): Picked | null {
  for (const type of types) {
    const picked = pickField(blocks.get(type), tags, sink);
    if (picked) return picked;
  }
  return null;
}

/** Text of one child element: `""` and absent give null; a repeat gives the first value. */
export function textOf(element: XmlElement, tag: string, path: string, sink: Finding[]): string | null {
  if (!Object.hasOwn(element, tag)) return null;
  let value = element[tag];
  if (Array.isArray(value)) {
    sink.push(kskFinding("KSK-FIELD-REPEATED", path));
    value = value.find((v) => typeof v === "string" && v !== "") ?? value[0];
  }
  if (isXmlElement(value) || Array.isArray(value)) {
    sink.push(kskFinding("KSK-FIELD-NOT-TEXT", path));
    return null;
  }
  return value === undefined || value === "" ? null : value;
}

/** Every leaf field of a block as sent (empty values kept), for the history checklist. */
export function leafFields(element: XmlElement, accept: (tag: string) => boolean = () => true): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [tag, value] of Object.entries(element)) {
    if (typeof value === "string" && accept(tag)) out[tag] = value;
  }
  return out;
}

/** `a; b;;c` → `["a", "b", "c"]` (standards.md §1 item 9). */
export const splitList = (text: string | null): string[] =>
  text === null ? [] : text.split(";").map((s) => s.trim()).filter((s) => s !== "");
