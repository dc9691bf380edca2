/**
 * Every finding the FHIR reader can make: stable code, severity and the message in Vietnamese and
 * English. Messages name elements, never their values (design.md invariant 4). Paths are FHIRPath
 * from the submitted Bundle (`Bundle.entry[3].resource.valueQuantity.value`). `FHIR-INVALID` has
 * a message per validator issue (validate-issues.ts); the others have one fixed message.
 */
import { finding, type Finding, type Severity } from "../../checkup/finding.ts";

const CATALOGUE = {
  "FHIR-NOT-BUNDLE": ["error", "Nội dung không phải tài nguyên FHIR Bundle", "The body is not a FHIR Bundle resource"],
  "FHIR-BUNDLE-TYPE": [
    "error",
    "Loại Bundle không được nhận ở địa chỉ này",
    "This Bundle type is not accepted at this endpoint",
  ],
  "FHIR-NO-ENTRIES": ["error", "Bundle không có entry nào", "The Bundle has no entries"],
  "FHIR-NO-CHECKUP": [
    "error",
    "Không xác định được lượt khám (Encounter) của tài nguyên này; hãy điền encounter",
    "Cannot tell which check-up (Encounter) this resource belongs to; set its encounter",
  ],
  "FHIR-NO-ANCHOR": [
    "error",
    "Bundle không có Encounter nào (hoặc Composition với Bundle document): không có lượt khám để nhận",
    "The Bundle holds no Encounter (no Composition for a document): there is no check-up to receive",
  ],
  "FHIR-DOCUMENT-COMPOSITION": [
    "error",
    "Bundle document phải có Composition là entry đầu tiên (FHIR R4 bdl-11)",
    "A document Bundle must have a Composition as its first entry (FHIR R4 bdl-11)",
  ],
  "FHIR-UNKNOWN-TYPE": [
    "error",
    "resourceType không phải loại tài nguyên FHIR R4",
    "resourceType is not a FHIR R4 resource type",
  ],
  "FHIR-TYPE-IGNORED": [
    "warning",
    "Loại tài nguyên hợp lệ nhưng hoso không lưu; nội dung bị bỏ qua",
    "A valid resource type that hoso does not keep; its content is ignored",
  ],
  "FHIR-UNUSED": [
    "warning",
    "Tài nguyên không được lượt khám nào tham chiếu; nội dung bị bỏ qua",
    "No check-up refers to this resource; its content is ignored",
  ],
  "FHIR-REF-UNRESOLVED": [
    "error",
    "Tham chiếu không trỏ tới entry nào trong Bundle",
    "The reference does not resolve to an entry of the Bundle",
  ],
  "FHIR-REF-TYPE": [
    "error",
    "Tham chiếu trỏ tới tài nguyên sai loại",
    "The reference points to a resource of the wrong type",
  ],
  "FHIR-REQUEST-MISSING": [
    "error",
    "Entry của Bundle transaction/batch phải có request (FHIR R4 bdl-3)",
    "An entry of a transaction/batch Bundle must have a request (FHIR R4 bdl-3)",
  ],
  "FHIR-REQUEST-IGNORED": [
    "warning",
    "request chỉ dùng cho transaction/batch (FHIR R4 bdl-3); bị bỏ qua",
    "request belongs only in a transaction/batch (FHIR R4 bdl-3); ignored",
  ],
  "FHIR-METHOD-UNSUPPORTED": [
    "error",
    "hoso chỉ nhận request POST hoặc PUT có kèm tài nguyên",
    "hoso accepts only POST or PUT requests that carry a resource",
  ],
  "FHIR-IF-NONE-EXIST-MISMATCH": [
    "warning",
    "ifNoneExist không khớp định danh của tài nguyên; hoso khử trùng theo (cơ sở, MA_LK)",
    "ifNoneExist does not match the resource's identifier; hoso de-duplicates by (facility, MA_LK)",
  ],
  "FHIR-PATIENT-MISSING": [
    "error",
    "Lượt khám không tham chiếu tới Patient nào trong Bundle",
    "The check-up refers to no Patient of the Bundle",
  ],
  "FHIR-CONDITION-NO-ICD": [
    "warning",
    "Condition không có mã ICD-10 (http://hl7.org/fhir/sid/icd-10); không được lưu thành chẩn đoán",
    "The Condition has no ICD-10 code (http://hl7.org/fhir/sid/icd-10); not kept as a diagnosis",
  ],
  "FHIR-DATE-INVALID": ["warning", "Ngày giờ không tồn tại", "The date does not exist"],
  "FHIR-CODE-INVALID": [
    "error",
    "Mã không thuộc bộ mã bắt buộc của FHIR R4 cho phần tử này",
    "The code is not in the value set FHIR R4 requires for this element",
  ],
  "FHIR-VOIDED": [
    "warning",
    "Tài nguyên có trạng thái entered-in-error hoặc cancelled; không được lưu",
    "The resource's status is entered-in-error or cancelled; it is not kept",
  ],
  "FHIR-RECORD-REJECTED": [
    "error",
    "Lượt khám chứa tài nguyên này bị từ chối vì lỗi ở tài nguyên khác của cùng lượt khám",
    "The check-up this resource belongs to was rejected for an error in another of its resources",
  ],
} as const satisfies Record<string, readonly [Severity, string, string]>;

export type FhirCode = keyof typeof CATALOGUE;

export function fhirFinding(code: FhirCode, path: string): Finding {
  const [severity, vi, en] = CATALOGUE[code];
  return finding(code, severity, path, vi, en);
}

/** `Bundle.entry[3]`: the path of one entry. */
export const entryPath = (index: number): string => `Bundle.entry[${index}]`;

/** `Bundle.entry[3].resource`: the path of an entry's resource. */
export const resourcePath = (index: number): string => `${entryPath(index)}.resource`;
