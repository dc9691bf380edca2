/**
 * Condition and FamilyMemberHistory → coded conditions (standards.md §9.1 row Condition): ICD-10
 * from the `http://hl7.org/fhir/sid/icd-10` coding, upper-cased. Category `problem-list-item` is the
 * patient's own history (TSBT_*), `encounter-diagnosis` (or none) the check-up's diagnosis
 * (KET_LUAN_BENH); FamilyMemberHistory carries the family history (TSGD_*). A Condition
 * `entered-in-error` is void and not kept.
 */
import type { CodeableConcept, Condition as FhirCondition, FamilyMemberHistory } from "@medplum/fhirtypes";
import type { Finding } from "../../checkup/finding.ts";
import type { Condition } from "../../checkup/model.ts";
import { fhirFinding } from "./findings.ts";
import { STD } from "./systems.ts";
import { codeIn, text } from "./values.ts";

function icd(code: CodeableConcept | undefined, kind: Condition["kind"], path: string): Condition | null {
  const coding = code?.coding?.find((c) => c.system === STD.icd10 && text(c.code) !== null);
  if (!coding) return null;
  return { icd10: (text(coding.code) ?? "").toUpperCase(), text: text(code?.text) ?? text(coding.display), kind, path };
}

export function readCondition(c: FhirCondition, path: string, sink: Finding[]): Condition[] {
  if (codeIn(c.verificationStatus, STD.conditionVerification) === "entered-in-error") {
    sink.push(fhirFinding("FHIR-VOIDED", `${path}.verificationStatus`));
    return [];
  }
  const history = (c.category ?? []).some((cat) => codeIn(cat, STD.conditionCategory) === "problem-list-item");
  const read = icd(c.code, history ? "personal-history" : "diagnosis", path);
  if (read === null) sink.push(fhirFinding("FHIR-CONDITION-NO-ICD", `${path}.code`));
  return read === null ? [] : [read];
}

export function readFamilyHistory(f: FamilyMemberHistory, path: string, sink: Finding[]): Condition[] {
  return (f.condition ?? []).flatMap((c, i) => {
    const read = icd(c.code, "family-history", `${path}.condition[${i}]`);
    if (read === null) sink.push(fhirFinding("FHIR-CONDITION-NO-ICD", `${path}.condition[${i}].code`));
    return read === null ? [] : [read];
  });
}
