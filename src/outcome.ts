/**
 * Errors as FHIR OperationOutcome (after Medplum's outcomes.ts): one shape for every failed
 * request, one `statusOf` to turn it into an HTTP status. The FHIR issue code is the stable machine
 * id; `details.coding[0].code` carries hoso's own stable code; `diagnostics` never holds personal data.
 */

export type IssueCode =
  | "invalid"
  | "structure"
  | "required"
  | "value"
  | "security"
  | "login"
  | "forbidden"
  | "not-found"
  | "conflict"
  | "duplicate"
  | "too-long"
  | "too-costly"
  | "throttled"
  | "exception"
  | "processing";

export interface LocalText {
  vi: string;
  en: string;
}

export interface OutcomeIssue {
  severity: "fatal" | "error" | "warning" | "information";
  code: IssueCode;
  details: { coding: { system: string; code: string }[]; text: string };
  diagnostics?: string;
  expression?: string[];
  /** Vietnamese and English text for people; `details.text` repeats the Vietnamese one. */
  text: LocalText;
}

export interface OperationOutcome {
  resourceType: "OperationOutcome";
  issue: OutcomeIssue[];
}

export const HOSO_CODE_SYSTEM = "https://hoso.vn/fhir/CodeSystem/issue";

export function issue(
  code: IssueCode,
  hosoCode: string,
  text: LocalText,
  path?: string,
  severity: OutcomeIssue["severity"] = "error",
): OutcomeIssue {
  return {
    severity,
    code,
    details: { coding: [{ system: HOSO_CODE_SYSTEM, code: hosoCode }], text: text.vi },
    ...(path ? { expression: [path] } : {}),
    text,
  };
}

export function outcome(...issues: OutcomeIssue[]): OperationOutcome {
  return { resourceType: "OperationOutcome", issue: issues };
}

const STATUS_BY_CODE: Record<IssueCode, number> = {
  invalid: 400,
  structure: 400,
  required: 400,
  value: 400,
  security: 401,
  login: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  duplicate: 409,
  "too-long": 413,
  "too-costly": 413,
  throttled: 429,
  exception: 500,
  processing: 422,
};

export function statusOf(o: OperationOutcome): number {
  const first = o.issue[0];
  return first ? STATUS_BY_CODE[first.code] : 500;
}

/** Thrown only when the whole request fails; partial success is a returned value. */
export class OutcomeError extends Error {
  constructor(readonly outcome: OperationOutcome) {
    super(outcome.issue[0]?.details.coding[0]?.code ?? "error");
    this.name = "OutcomeError";
  }
}

export function fail(code: IssueCode, hosoCode: string, text: LocalText, path?: string): never {
  throw new OutcomeError(outcome(issue(code, hosoCode, text, path)));
}

export const invalid = (hosoCode: string, text: LocalText, path?: string): never =>
  fail("invalid", hosoCode, text, path);
export const unauthorized = (hosoCode: string, text: LocalText): never =>
  fail("login", hosoCode, text);
export const forbidden = (hosoCode: string, text: LocalText): never =>
  fail("forbidden", hosoCode, text);
export const notFound = (hosoCode: string, text: LocalText): never =>
  fail("not-found", hosoCode, text);
export const conflict = (hosoCode: string, text: LocalText): never =>
  fail("conflict", hosoCode, text);

export const SERVER_ERROR = outcome(
  issue("exception", "SERVER-ERROR", {
    vi: "Lỗi hệ thống; vui lòng thử lại sau.",
    en: "Internal error; please try again later.",
  }),
);

/** Any thrown value as an outcome; unknown errors become the generic 500 (cause logged elsewhere). */
export function toOutcome(err: unknown): OperationOutcome {
  if (err instanceof OutcomeError) return err.outcome;
  return SERVER_ERROR;
}
