/**
 * Which check-up each entry belongs to. A check-up is one Encounter (transaction, batch,
 * collection) or the one Composition of a document Bundle (FHIR R4 §2.36.0 bdl-11). A clinical
 * resource belongs to the Encounter its `encounter` names, else to the DiagnosticReport listing it,
 * else to the only check-up of the Bundle, else to the only check-up of its patient. Patients,
 * organisations and practitioners belong to every check-up whose resources refer to them.
 */
import type { Finding } from "../../checkup/finding.ts";
import type { BundleIndex } from "./bundle-index.ts";
import { entryPath, fhirFinding, resourcePath } from "./findings.ts";
import type { ReadBundleType } from "./request.ts";
import { refAt, type ResolvedReference } from "./references.ts";

export const CLINICAL_TYPES: ReadonlySet<string> = new Set([
  "Observation",
  "Condition",
  "DiagnosticReport",
  "FamilyMemberHistory",
  "Composition",
]);

/** Elements hoso follows, and the type each must point to. */
export const EXPECTED_TARGETS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Encounter: { subject: "Patient", serviceProvider: "Organization" },
  Observation: { subject: "Patient", encounter: "Encounter" },
  Condition: { subject: "Patient", encounter: "Encounter" },
  DiagnosticReport: { subject: "Patient", encounter: "Encounter" },
  FamilyMemberHistory: { patient: "Patient" },
  Composition: { subject: "Patient", encounter: "Encounter", custodian: "Organization" },
};

export interface Grouping {
  /** Record r → the entry index of its Encounter (or document Composition). */
  anchors: number[];
  /** Per entry: the records it feeds. */
  records: Set<number>[];
  /** Per entry: findings about its place in the Bundle. */
  findings: Finding[][];
  envelope: Finding[];
}

/** Per entry, where each followed element points (absent: missing, unresolved or of the wrong type). */
export type Targets = ReadonlyMap<string, number>;

export function followTargets(index: BundleIndex, refs: readonly ResolvedReference[][]): { targets: Targets[]; findings: Finding[][] } {
  const findings: Finding[][] = index.entries.map(() => []);
  const targets = index.entries.map((e) => {
    const out = new Map<string, number>();
    for (const [element, want] of Object.entries(EXPECTED_TARGETS[e.type ?? ""] ?? {})) {
      const ref = refAt(refs[e.index] ?? [], element);
      if (ref?.target == null) continue;
      if (index.entries[ref.target]?.type === want) out.set(element, ref.target);
      else findings[e.index]?.push(fhirFinding("FHIR-REF-TYPE", `${resourcePath(e.index)}.${ref.element}`));
    }
    return out;
  });
  return { targets, findings };
}

export function groupEntries(
  index: BundleIndex,
  refs: readonly ResolvedReference[][],
  targets: readonly Targets[],
  bundleType: ReadBundleType,
): Grouping {
  const { entries } = index;
  const records = entries.map(() => new Set<number>());
  const findings: Finding[][] = entries.map(() => []);
  const typeOf = (i: number) => entries[i]?.type ?? null;

  if (bundleType === "document") {
    if (typeOf(0) !== "Composition") {
      return { anchors: [], records, findings, envelope: [fhirFinding("FHIR-DOCUMENT-COMPOSITION", entryPath(0))] };
    }
    for (const set of records) set.add(0);
    return { anchors: [0], records, findings, envelope: [] };
  }

  const anchors = entries.filter((e) => e.type === "Encounter").map((e) => e.index);
  if (anchors.length === 0) return { anchors, records, findings, envelope: [fhirFinding("FHIR-NO-ANCHOR", "Bundle.entry")] };
  const recordOfAnchor = new Map(anchors.map((a, r) => [a, r]));
  anchors.forEach((a, r) => records[a]?.add(r));
  const clinical = entries.filter((e) => e.type !== null && CLINICAL_TYPES.has(e.type));

  // Pass 1: the encounter each clinical resource names.
  for (const e of clinical) {
    const r = recordOfAnchor.get(targets[e.index]?.get("encounter") ?? -1);
    if (r !== undefined) records[e.index]?.add(r);
  }
  // Pass 2: results inherit their report's check-up; then the only check-up; then the patient's.
  const reportOf = new Map<number, number>();
  for (const e of clinical.filter((c) => c.type === "DiagnosticReport")) {
    for (const ref of refs[e.index] ?? []) {
      if (/^result\[\d+\]$/.test(ref.element) && ref.target !== null) reportOf.set(ref.target, e.index);
    }
  }
  const byPatient = new Map<number, number[]>();
  anchors.forEach((a, r) => {
    const p = targets[a]?.get("subject");
    if (p !== undefined) byPatient.set(p, [...(byPatient.get(p) ?? []), r]);
  });
  const reportsFirst = [...clinical].sort((a, b) => Number(a.type !== "DiagnosticReport") - Number(b.type !== "DiagnosticReport"));
  for (const e of reportsFirst) {
    const set = records[e.index];
    if (!set || set.size > 0) continue;
    const report = reportOf.get(e.index);
    const inherited = report === undefined ? [] : [...(records[report] ?? [])];
    const patient = targets[e.index]?.get(e.type === "FamilyMemberHistory" ? "patient" : "subject");
    const candidates = inherited.length > 0 ? inherited : anchors.length === 1 ? [0] : (byPatient.get(patient ?? -1) ?? []);
    const only = candidates.length === 1 ? candidates[0] : undefined;
    if (only !== undefined) set.add(only);
    else findings[e.index]?.push(fhirFinding("FHIR-NO-CHECKUP", `${resourcePath(e.index)}.encounter`));
  }
  propagate(records, refs, (i) => typeOf(i) !== "Encounter" && !CLINICAL_TYPES.has(typeOf(i) ?? ""));
  return { anchors, records, findings, envelope: [] };
}

/** Supporting resources (Patient, Organization, Practitioner…) join the check-ups of whoever refers to them. */
function propagate(records: Set<number>[], refs: readonly ResolvedReference[][], supporting: (i: number) => boolean): void {
  for (let changed = true, rounds = 0; changed && rounds <= records.length; rounds++) {
    changed = false;
    refs.forEach((list, from) => {
      const source = records[from];
      if (!source || source.size === 0) return;
      for (const ref of list) {
        if (ref.target === null || !supporting(ref.target)) continue;
        const to = records[ref.target];
        for (const r of source) {
          if (to && !to.has(r)) {
            to.add(r);
            changed = true;
          }
        }
      }
    });
  }
}
