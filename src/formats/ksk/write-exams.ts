/**
 * Specialty exams back into their fields (specialties.ts). A single-field result is written as is.
 * A composed result (`Hàm trên: …; Hàm dưới: …; Sâu răng`) is split back into its labelled fields;
 * when a value itself contains `; ` the fields received in `blocks` are reused if they compose to
 * the same text; failing both, the text goes whole into the first field.
 */
import type { CheckupRecord } from "../../checkup/model.ts";
import { composeResult, SPECIALTIES, type Specialty } from "./specialties.ts";
import { receivedText } from "./write-received.ts";
import { leaf, optionalLeaf, type XmlNode } from "./write-xml.ts";

export function examNodes(record: CheckupRecord, block: Specialty["block"]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const s of SPECIALTIES.filter((sp) => sp.block === block)) {
    const exam = record.exams.find((e) => e.specialty === s.key);
    if (!exam) continue;
    for (const [tag, value] of resultFields(record, s, exam.result)) out.push(leaf(tag, value));
    if (s.healthClass[0] !== undefined) out.push(leaf(s.healthClass[0], exam.healthClass));
    // The XML10 fitness class has no confirmed signature tag: written only when a doctor is known.
    if (s.doctor[0] !== undefined) out.push((s.block === "XML10" ? optionalLeaf : leaf)(s.doctor[0], exam.doctor));
  }
  return out;
}

/** Every tag a specialty may be read from, so the writer does not pass a stale copy through. */
export const EXAM_TAGS: ReadonlySet<string> = new Set(
  SPECIALTIES.flatMap((s) => [...s.result, ...s.details.map(([tag]) => tag), ...s.healthClass, ...s.doctor]),
);

function resultFields(record: CheckupRecord, s: Specialty, result: string | null): [string, string | null][] {
  const first = s.result[0] ?? s.details[0]?.[0];
  if (result === null || first === undefined) return [];
  if (s.details.length === 0) return [[first, result]];
  const received = fromReceived(record, s);
  if (received && compose(s, received) === result) return received;
  const split = decompose(s, result);
  if (split && compose(s, split) === result) return split;
  return [[first, result]];
}

function fromReceived(record: CheckupRecord, s: Specialty): [string, string | null][] | null {
  const fields: [string, string | null][] = s.details.map(([tag]) => [tag, receivedText(record, "XML7", tag)]);
  const main = s.result.map((tag) => receivedText(record, "XML7", tag)).find((v) => v !== null) ?? null;
  if (s.result[0] !== undefined) fields.push([s.result[0], main]);
  return fields.some(([, v]) => v !== null) ? fields : null;
}

function decompose(s: Specialty, result: string): [string, string | null][] | null {
  const parts = result.split("; ");
  const fields: [string, string | null][] = [];
  let i = 0;
  for (const [tag, label] of s.details) {
    const part = parts[i];
    if (part?.startsWith(`${label}: `)) {
      fields.push([tag, part.slice(label.length + 2)]);
      i += 1;
    }
  }
  const rest = parts.slice(i).join("; ");
  if (rest !== "") {
    if (s.result[0] === undefined) return null;
    fields.push([s.result[0], rest]);
  }
  return fields;
}

function compose(s: Specialty, fields: readonly [string, string | null][]): string | null {
  const value = (tag: string) => fields.find(([t]) => t === tag)?.[1] ?? null;
  const main = s.result[0] === undefined ? null : value(s.result[0]);
  return composeResult(
    s.details.map(([tag, label]) => [tag, label, value(tag)] as const),
    main,
  );
}
