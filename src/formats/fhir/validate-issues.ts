/**
 * The R4 validator's issues as hoso findings (`FHIR-INVALID`): the validator's English detail gets
 * a Vietnamese twin, and its expression (`Observation.value[x].value`) becomes a FHIRPath from the
 * submitted Bundle with the choice type filled in (`Bundle.entry[3].resource.valueQuantity.value`,
 * FHIR R4 §2.24.0.1 "Choice of Data Types"). Details never quote values, only element names.
 */
import type { OperationOutcomeIssue } from "@medplum/fhirtypes";
import { finding, type Finding } from "../../checkup/finding.ts";
import type { LocalText } from "../../outcome.ts";
import { isObject } from "./json.ts";

type Phrase = (m: RegExpExecArray) => LocalText;

/** The validator's messages (medplum typeschema/validation.ts), most frequent first. */
const PHRASES: readonly (readonly [RegExp, Phrase])[] = [
  [/^Missing required property$/, () => ({ vi: "thiếu phần tử bắt buộc", en: "a required element is missing" })],
  [
    /^Invalid JSON type: expected (\w+), but got (\w+)$/,
    (m) => ({ vi: `sai kiểu JSON: cần ${m[1]}, nhận ${m[2]}`, en: `wrong JSON type: expected ${m[1]}, got ${m[2]}` }),
  ],
  [
    /^Invalid additional property "(.*)"$/s,
    (m) => ({ vi: `phần tử "${safe(m[1])}" không có trong định nghĩa R4`, en: `element "${safe(m[1])}" is not in the R4 definition` }),
  ],
  [
    /^Invalid number of values: expected (\S+), but found (\d+)$/,
    (m) => ({ vi: `số giá trị sai: cần ${m[1]}, có ${m[2]}`, en: `wrong number of values: expected ${m[1]}, found ${m[2]}` }),
  ],
  [
    /^Constraint ([\w.-]+) not met: (.*)$/s,
    (m) => ({ vi: `không thỏa ràng buộc ${m[1]}: ${safe(m[2])}`, en: `constraint ${m[1]} not met: ${safe(m[2])}` }),
  ],
  [/^Invalid (\w+) format$/, (m) => ({ vi: `sai định dạng ${m[1]}`, en: `invalid ${m[1]} format` })],
  [/^Invalid null value$/, () => ({ vi: "giá trị null không hợp lệ", en: "null is not a valid value" })],
  [/^Invalid empty (?:non-primitive )?value$/, () => ({ vi: "giá trị rỗng", en: "empty value" })],
  [/^Expected array of values for property$/, () => ({ vi: "cần một mảng giá trị", en: "an array is expected" })],
  [/^Expected single value for property$/, () => ({ vi: "cần một giá trị, không phải mảng", en: "a single value is expected, not an array" })],
  [/^String must contain non-whitespace content$/, () => ({ vi: "chuỗi chỉ có khoảng trắng", en: "the string is blank" })],
  [/^Expected number to be an integer$/, () => ({ vi: "cần số nguyên", en: "an integer is expected" })],
  [/^Expected number to be positive$/, () => ({ vi: "cần số dương", en: "a positive number is expected" })],
  [/^Expected number to be non-negative$/, () => ({ vi: "cần số không âm", en: "a non-negative number is expected" })],
  [/^nested too deeply$/, () => ({ vi: "cấu trúc lồng quá sâu", en: "nested too deeply" })],
  [/^Value did not match expected pattern$/, () => ({ vi: "giá trị không khớp mẫu cố định", en: "the value does not match the fixed pattern" })],
];

/** Element names and spec text only: cut, and no control characters. */
const safe = (text: string | undefined): string => (text ?? "").replace(/[\u0000-\u001f]/g, " ").slice(0, 120);

function phrase(detail: string): LocalText {
  for (const [re, make] of PHRASES) {
    const m = re.exec(detail);
    if (m) return make(m);
  }
  return { vi: `lỗi cấu trúc: ${safe(detail)}`, en: `structure error: ${safe(detail)}` };
}

/**
 * `Observation.value[x].value` against the resource → `valueQuantity.value` (the part after the
 * type name), with `[x]` replaced by the property the JSON actually holds.
 */
export function concretePath(expression: string, resource: unknown): string {
  const segments = expression.split(".").slice(1);
  let cursor: unknown = resource;
  const out: string[] = [];
  for (const segment of segments) {
    const m = /^(\w+)(\[x\])?((?:\[\d+\])*)$/.exec(segment);
    if (!m || !isObject(cursor)) {
      out.push(segment);
      cursor = undefined;
      continue;
    }
    const [, name = "", choice, indexes = ""] = m;
    const key = choice ? (Object.keys(cursor).find((k) => k.startsWith(name) && /^[A-Z]/.test(k.slice(name.length))) ?? `${name}[x]`) : name;
    out.push(key + indexes);
    cursor = cursor[key];
    for (const i of indexes.matchAll(/\[(\d+)\]/g)) cursor = Array.isArray(cursor) ? cursor[Number(i[1])] : undefined;
  }
  return out.join(".");
}

/** The validator drops a warning on every `urn:uuid:` reference; hoso resolves references itself. */
const isReferenceTypeWarning = (issue: OperationOutcomeIssue): boolean =>
  issue.severity === "warning" && (issue.details?.text ?? "").startsWith("Invalid reference:");

/** One validator issue on the resource at `base` (`Bundle.entry[3].resource`) as a finding. */
export function issueFinding(issue: OperationOutcomeIssue, base: string, resource: unknown): Finding | null {
  if (isReferenceTypeWarning(issue)) return null;
  const expression = issue.expression?.[0] ?? "";
  const rest = concretePath(expression, resource);
  const path = rest === "" ? base : `${base}.${rest}`;
  const text = phrase(issue.details?.text ?? issue.diagnostics ?? "");
  const severity = issue.severity === "error" || issue.severity === "fatal" ? "error" : "warning";
  return finding("FHIR-INVALID", severity, path, `Không đúng FHIR R4: ${text.vi}`, `Not valid FHIR R4: ${text.en}`);
}
