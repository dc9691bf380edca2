/**
 * Findings as an R4 OperationOutcome that a FHIR client can parse: hoso's stable code in
 * `details.coding` (system `HOSO_CODE_SYSTEM`, as src/outcome.ts), the Vietnamese text in
 * `details.text` and the English one as its translation extension (FHIR R4 §2.17, extension
 * `translation` on a primitive: `_text`). src/outcome.ts's `text: {vi, en}` is not an R4 element, so
 * the FHIR endpoints use this shape instead.
 */
import type { OperationOutcomeIssue } from "@medplum/fhirtypes";
import type { Finding } from "../../checkup/finding.ts";
import { HOSO_CODE_SYSTEM, type LocalText } from "../../outcome.ts";
import { STD } from "./systems.ts";

type IssueType = OperationOutcomeIssue["code"];

export interface TranslatedText {
  extension: { url: string; extension: ({ url: "lang"; valueCode: string } | { url: "content"; valueString: string })[] }[];
}

export interface FhirIssue {
  severity: OperationOutcomeIssue["severity"];
  code: IssueType;
  details: { coding: { system: string; code: string }[]; text: string; _text: TranslatedText };
  expression?: string[];
}

export interface FhirOperationOutcome {
  resourceType: "OperationOutcome";
  issue: FhirIssue[];
}

/** R4 issue-type per hoso code; the checks' codes are business rules, their `*-REQUIRED` codes `required`. */
const ISSUE_TYPES: Readonly<Record<string, IssueType>> = {
  "FHIR-INVALID": "structure",
  "FHIR-NOT-BUNDLE": "structure",
  "FHIR-BUNDLE-TYPE": "not-supported",
  "FHIR-NO-ENTRIES": "required",
  "FHIR-NO-ANCHOR": "required",
  "FHIR-DOCUMENT-COMPOSITION": "invariant",
  "FHIR-UNKNOWN-TYPE": "not-supported",
  "FHIR-TYPE-IGNORED": "informational",
  "FHIR-UNUSED": "informational",
  "FHIR-REF-UNRESOLVED": "not-found",
  "FHIR-REF-TYPE": "invalid",
  "FHIR-REQUEST-MISSING": "required",
  "FHIR-REQUEST-IGNORED": "informational",
  "FHIR-METHOD-UNSUPPORTED": "not-supported",
  "FHIR-IF-NONE-EXIST-MISMATCH": "invalid",
  "FHIR-PATIENT-MISSING": "required",
  "FHIR-NO-CHECKUP": "invalid",
  "FHIR-CONDITION-NO-ICD": "code-invalid",
  "FHIR-DATE-INVALID": "value",
  "FHIR-CODE-INVALID": "code-invalid",
  "FHIR-VOIDED": "informational",
  "FHIR-RECORD-REJECTED": "processing",
};

export const issueTypeOf = (code: string): IssueType =>
  ISSUE_TYPES[code] ?? (code.endsWith("-REQUIRED") ? "required" : "business-rule");

const translated = (en: string): TranslatedText => ({
  extension: [{ url: STD.translation, extension: [{ url: "lang", valueCode: "en" }, { url: "content", valueString: en }] }],
});

export function fhirIssue(
  severity: FhirIssue["severity"],
  code: IssueType,
  hosoCode: string,
  text: LocalText,
  expression?: string,
): FhirIssue {
  return {
    severity,
    code,
    details: { coding: [{ system: HOSO_CODE_SYSTEM, code: hosoCode }], text: text.vi, _text: translated(text.en) },
    ...(expression ? { expression: [expression] } : {}),
  };
}

/** Only FHIRPath goes in `expression` (R4 OperationOutcome.issue.expression); other paths stay out. */
export const findingIssue = (f: Finding): FhirIssue =>
  fhirIssue(f.severity, issueTypeOf(f.code), f.code, f.message, f.path.startsWith("Bundle") && !f.path.includes("/") ? f.path : undefined);

export const ACCEPTED: LocalText = { vi: "Đã nhận", en: "Accepted" };

/** An OperationOutcome for a list of findings; R4 requires at least one issue, so none reads "accepted". */
export function fhirOutcome(findings: readonly Finding[]): FhirOperationOutcome {
  const issues = findings.map(findingIssue);
  return {
    resourceType: "OperationOutcome",
    issue: issues.length > 0 ? issues : [fhirIssue("information", "informational", "FHIR-ACCEPTED", ACCEPTED)],
  };
}
