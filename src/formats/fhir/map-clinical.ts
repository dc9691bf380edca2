/**
 * The clinical content of one check-up: its Observations, DiagnosticReports, Conditions and
 * FamilyMemberHistories, in Bundle order. Two Observations are not rows: the overall health class
 * (hoso `ksk-item#PHAN_LOAI_SK`) and the specialty exams (hoso `ksk-specialty`), which fill the
 * conclusion and the exams as the KSK form does (standards.md §9.1 row "exam findings, classes").
 */
import type { Observation as FhirObservation, Practitioner } from "@medplum/fhirtypes";
import type { Finding } from "../../checkup/finding.ts";
import type { Condition, Observation, SpecialtyExam } from "../../checkup/model.ts";
import { fhirFinding, resourcePath } from "./findings.ts";
import { refTarget, resourceOf, type MapContext } from "./map-context.ts";
import { readCondition, readFamilyHistory } from "./map-condition.ts";
import { observationRows, type ReportContext } from "./map-observation.ts";
import { readReport } from "./map-report.ts";
import { CS, SID } from "./systems.ts";
import { codeIn, conceptText, nameText, referenceDisplay, text } from "./values.ts";

export const HEALTH_CLASS_CODE = "PHAN_LOAI_SK";

export interface ClinicalRead {
  observations: Observation[];
  exams: SpecialtyExam[];
  conditions: Condition[];
  healthClass: string | null;
}

/** A doctor as KSK names one: practising-licence number, else any identifier, else the name. */
export function practitionerLabel(p: Practitioner | null): string | null {
  if (p === null) return null;
  const ids = p.identifier ?? [];
  return text(ids.find((i) => i.system === SID.gphn)?.value) ?? text(ids[0]?.value) ?? nameText(p.name);
}

/** The performer at `element` of entry `i`: the Practitioner it resolves to, else its display. */
export function performerOf(ctx: MapContext, i: number, element: string, display: string | null): string | null {
  return practitionerLabel(resourceOf(ctx, refTarget(ctx, i, element), "Practitioner")) ?? display;
}

export function readClinical(ctx: MapContext, entries: readonly number[], sink: Finding[]): ClinicalRead {
  const reports = new Map<number, ReportContext>();
  const reportRows: [number, Observation][] = [];
  for (const i of entries) {
    const dr = resourceOf(ctx, i, "DiagnosticReport");
    if (!dr || !usable(dr.status, REPORT_STATUSES, `${resourcePath(i)}.status`, sink)) continue;
    const results = (ctx.refs[i] ?? []).filter((r) => /^result\[\d+\]$/.test(r.element) && r.target !== null).map((r) => r.target ?? -1);
    const performer = performerOf(ctx, i, "performer", referenceDisplay(dr.performer?.[0]));
    const read = readReport(dr, results, { codes: ctx.codes, path: resourcePath(i), performer }, sink);
    for (const [k, v] of read.results) reports.set(k, v);
    if (read.row) reportRows.push([i, read.row]);
  }
  const out: ClinicalRead = { observations: [], exams: [], conditions: [], healthClass: null };
  for (const i of entries) {
    const path = resourcePath(i);
    const condition = resourceOf(ctx, i, "Condition");
    if (condition) out.conditions.push(...readCondition(condition, path, sink));
    const family = resourceOf(ctx, i, "FamilyMemberHistory");
    if (family) out.conditions.push(...readFamilyHistory(family, path, sink));
    out.observations.push(...reportRows.filter(([k]) => k === i).map(([, row]) => row));
    const o = resourceOf(ctx, i, "Observation");
    if (!o || !usable(o.status, OBSERVATION_STATUSES, `${path}.status`, sink)) continue;
    const performer = performerOf(ctx, i, "performer", referenceDisplay(o.performer?.[0]));
    if (codeIn(o.code, CS.kskItem) === HEALTH_CLASS_CODE) out.healthClass = classOf(o);
    else if (codeIn(o.code, CS.kskSpecialty) !== null) out.exams.push(examOf(o, path, performer));
    else out.observations.push(...observationRows(o, { codes: ctx.codes, path, performer, report: reports.get(i) }, sink));
  }
  return out;
}

/**
 * R4 ObservationStatus and DiagnosticReportStatus (required bindings; the validator checks
 * structure, not terminology): a voided result is not kept, an unknown code is an error.
 */
const OBSERVATION_STATUSES: ReadonlySet<string> = new Set(["registered", "preliminary", "final", "amended", "corrected", "unknown"]);
const REPORT_STATUSES: ReadonlySet<string> = new Set([...OBSERVATION_STATUSES, "partial", "appended"]);
const VOIDED: ReadonlySet<string> = new Set(["cancelled", "entered-in-error"]);

function usable(status: string, allowed: ReadonlySet<string>, path: string, sink: Finding[]): boolean {
  if (VOIDED.has(status)) sink.push(fhirFinding("FHIR-VOIDED", path));
  else if (!allowed.has(status)) sink.push(fhirFinding("FHIR-CODE-INVALID", path));
  return allowed.has(status);
}

/** Class 1–5 from hoso's `phan-loai-sk` coding, else the value as written. */
function classOf(o: Pick<FhirObservation, "valueCodeableConcept" | "valueString" | "valueInteger">): string | null {
  const integer = o.valueInteger === undefined ? null : String(o.valueInteger);
  return codeIn(o.valueCodeableConcept, CS.phanLoaiSk) ?? conceptText(o.valueCodeableConcept) ?? text(o.valueString) ?? integer;
}

function examOf(o: FhirObservation, path: string, doctor: string | null): SpecialtyExam {
  const cls = o.component?.find((c) => codeIn(c.code, CS.kskItem) === HEALTH_CLASS_CODE);
  return {
    specialty: codeIn(o.code, CS.kskSpecialty) ?? "",
    result: text(o.valueString) ?? conceptText(o.valueCodeableConcept),
    healthClass: cls ? classOf(cls) : null,
    doctor,
    path,
  };
}
