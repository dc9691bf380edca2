/**
 * A record's clinical content → Observations, DiagnosticReports, Conditions and
 * FamilyMemberHistories, the inverse of map-clinical.ts: LOINC + the local index code, the value as
 * typed (Quantity when it is a plain decimal, else string), systolic and diastolic as the 85354-9
 * panel's components, a conclusion as a one-result DiagnosticReport, results sharing a service code
 * grouped under one report. Two things do not survive: a unit sent with a text result (`Âm tính`
 * in mmol/L; R4 `valueString` has no unit) and a decimal's trailing zeros (`21.0` is the JSON
 * number 21).
 */
import type {
  CodeableConcept,
  Condition,
  DiagnosticReport,
  Encounter,
  Observation as FhirObservation,
  Patient,
  Reference,
} from "@medplum/fhirtypes";
import type { CheckupRecord, Observation } from "../../checkup/model.ts";
import type { PrimaryLoinc } from "./code-index.ts";
import { HEALTH_CLASS_CODE } from "./map-clinical.ts";
import { CS, STD } from "./systems.ts";
import { addEntry, compact, fhirDateTime, quantityOf, type Entries } from "./write-values.ts";

type LoincTable = ReadonlyMap<string, PrimaryLoinc>;

export interface Links {
  subject: Reference<Patient>;
  encounter: Reference<Encounter>;
  loinc: LoincTable;
}

const BP_PANEL = { loinc: "85354-9", text: "Huyết áp" };

function codeOf(o: Observation, loinc: LoincTable): CodeableConcept {
  const lo = o.loinc ?? (o.key === null ? null : (loinc.get(o.key)?.loinc ?? null));
  const display = o.key === null ? undefined : (loinc.get(o.key)?.display ?? undefined);
  const coding = [
    ...(lo === null ? [] : [compact({ system: STD.loinc, code: lo, display })]),
    ...(o.key === null ? [] : [{ system: CS.catalogue, code: o.key }]),
    ...(o.localCode === null ? [] : [{ system: CS.maChiSo, code: o.localCode }]),
  ];
  return compact({ coding, text: o.name.trim() || o.localCode || lo || "?" });
}

const valueOf = (o: Observation, loinc: LoincTable): Pick<FhirObservation, "valueQuantity" | "valueString"> => {
  const q = quantityOf(o.valueRaw, o.unitRaw, o.key === null ? null : (loinc.get(o.key)?.ucum ?? null));
  if (q) return { valueQuantity: q };
  const text = o.valueRaw ?? o.valueText;
  return text === null || text.trim() === "" ? {} : { valueString: text };
};

function observationResource(o: Observation, l: Links): FhirObservation {
  return compact<FhirObservation>({
    resourceType: "Observation",
    status: "final",
    category: o.category === "other" ? [] : [{ coding: [{ system: STD.observationCategory, code: o.category }] }],
    code: codeOf(o, l.loinc),
    subject: l.subject,
    encounter: l.encounter,
    effectiveDateTime: fhirDateTime(o.resultTime),
    performer: o.performer === null ? [] : [{ display: o.performer }],
    ...valueOf(o, l.loinc),
    note: o.description === null ? [] : [{ text: o.description }],
  });
}

/** Systolic and diastolic of one reading (same path) → one BP panel with two components. */
function bpPanel(sys: Observation, dia: Observation, l: Links): FhirObservation {
  const component = [sys, dia].map((o) => compact({ code: codeOf(o, l.loinc), ...valueOf(o, l.loinc) }));
  return compact<FhirObservation>({
    resourceType: "Observation",
    status: "final",
    category: [{ coding: [{ system: STD.observationCategory, code: "vital-signs" }] }],
    code: { coding: [{ system: STD.loinc, code: BP_PANEL.loinc }], text: BP_PANEL.text },
    subject: l.subject,
    encounter: l.encounter,
    effectiveDateTime: fhirDateTime(sys.resultTime),
    component,
  });
}

function report(code: CodeableConcept, results: Reference<FhirObservation>[], conclusion: string | null, l: Links): DiagnosticReport {
  return compact<DiagnosticReport>({
    resourceType: "DiagnosticReport",
    status: "final",
    code,
    subject: l.subject,
    encounter: l.encounter,
    result: results,
    conclusion: conclusion ?? undefined,
  });
}

export function writeObservations(out: Entries, record: CheckupRecord, l: Links): void {
  const obs = record.observations;
  const groups = new Map<string, Reference<FhirObservation>[]>();
  obs.forEach((o, i) => {
    if (o.key === "bp_diastolic" && obs.some((s) => s.key === "bp_systolic" && s.path === o.path)) return;
    const dia = o.key === "bp_systolic" ? obs.find((d, j) => j !== i && d.key === "bp_diastolic" && d.path === o.path) : undefined;
    const ref = addEntry(out, dia ? bpPanel(o, dia, l) : observationResource(o, l));
    const service: CodeableConcept | null = o.serviceCode === null ? null : { coding: [{ system: CS.maDichVu, code: o.serviceCode }] };
    if (o.conclusion !== null) addEntry(out, report(service ?? codeOf(o, l.loinc), [ref], o.conclusion, l));
    else if (o.serviceCode !== null) groups.set(o.serviceCode, [...(groups.get(o.serviceCode) ?? []), ref]);
  });
  for (const [code, results] of groups) addEntry(out, report({ coding: [{ system: CS.maDichVu, code }] }, results, null, l));
}

const classConcept = (value: string): CodeableConcept => ({ coding: [{ system: CS.phanLoaiSk, code: value }] });
const examCategory = [{ coding: [{ system: STD.observationCategory, code: "exam" }] }];

export function writeExams(out: Entries, record: CheckupRecord, l: Links): void {
  for (const e of record.exams) {
    const cls = e.healthClass?.trim();
    addEntry(
      out,
      compact<FhirObservation>({
        resourceType: "Observation",
        status: "final",
        category: examCategory,
        code: { coding: [{ system: CS.kskSpecialty, code: e.specialty }], text: e.specialty },
        subject: l.subject,
        encounter: l.encounter,
        performer: e.doctor === null ? [] : [{ display: e.doctor }],
        valueString: e.result?.trim() || undefined,
        component: cls ? [{ code: { coding: [{ system: CS.kskItem, code: HEALTH_CLASS_CODE }] }, valueCodeableConcept: classConcept(cls) }] : [],
      }),
    );
  }
  const overall = record.conclusion.healthClass?.trim();
  if (!overall) return;
  addEntry(out, {
    resourceType: "Observation",
    status: "final",
    category: examCategory,
    code: { coding: [{ system: CS.kskItem, code: HEALTH_CLASS_CODE }], text: "Phân loại sức khỏe" },
    subject: l.subject,
    encounter: l.encounter,
    valueCodeableConcept: classConcept(overall),
  });
}

export function writeConditions(out: Entries, record: CheckupRecord, l: Links): void {
  for (const c of record.conditions) {
    const code = compact<CodeableConcept>({ coding: [{ system: STD.icd10, code: c.icd10 }], text: c.text ?? undefined });
    if (c.kind === "family-history") {
      addEntry(out, {
        resourceType: "FamilyMemberHistory",
        status: "completed",
        patient: l.subject,
        relationship: { coding: [{ system: STD.roleCode, code: "FAMMEMB" }] },
        condition: [{ code }],
      });
      continue;
    }
    const category = c.kind === "personal-history" ? "problem-list-item" : "encounter-diagnosis";
    addEntry(out, {
      resourceType: "Condition",
      category: [{ coding: [{ system: STD.conditionCategory, code: category }] }],
      code,
      subject: l.subject,
      encounter: l.encounter,
    } satisfies Condition);
  }
}
