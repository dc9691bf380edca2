/**
 * One check-up's resources → `CheckupRecord` (standards.md §9.1). The visit comes from the
 * Encounter: `MA_LK` from its hoso `ma-lk` identifier (else its id), exam time from
 * `period.start`, `MA_LOAI_KCB` from `type` (hoso `ma-loai-kcb`, default 15 periodic),
 * `LY_DO_VV` from `reasonCode`, `DOI_TUONG` / `NGUON_CHI_TRA` / `TYPE` from hoso extensions. The
 * facility is the Organization of `serviceProvider` (document: `custodian`), by its hoso
 * `ma-cskcb` and GLN identifiers.
 */
import type { Composition, Encounter } from "@medplum/fhirtypes";
import type { Finding } from "../../checkup/finding.ts";
import { emptyConclusion, type AgeGroup, type CheckupRecord } from "../../checkup/model.ts";
import { ageAt, ageGroupOf } from "../../checkup/age.ts";
import { entryPath, fhirFinding, resourcePath } from "./findings.ts";
import { identifiersOf, type JsonObject } from "./json.ts";
import { readClinical, performerOf } from "./map-clinical.ts";
import { resourceOf, targetOf, type MapContext } from "./map-context.ts";
import { readMomentAt } from "./map-observation.ts";
import { readGuardians, readPerson } from "./map-patient.ts";
import { CS, EXT, GLN_ALIASES, SID } from "./systems.ts";
import { codesIn, conceptText, extensionText, extensionValues, referenceDisplay } from "./values.ts";

export interface RecordSource {
  /** The Encounter, or the Composition of a document Bundle. */
  anchor: number;
  encounter: number | null;
  patient: number | null;
  organization: number | null;
  composition: number | null;
  /** Every entry that feeds the record, in Bundle order. */
  entries: number[];
}

export const DEFAULT_VISIT_TYPE = "15";

const FORM_TYPES: Readonly<Record<string, AgeGroup>> = { childunder: "child_under_6", minor: "minor_6_18", adult: "adult", driver: "adult" };

export function sourceOf(ctx: MapContext, anchor: number, entries: number[], document: boolean): RecordSource {
  const t = (i: number | null | undefined, element: string) => (i == null ? null : (targetOf(ctx, i, element) ?? null));
  if (document) {
    const encounter = t(anchor, "encounter");
    return {
      anchor,
      encounter,
      patient: t(anchor, "subject") ?? t(encounter, "subject"),
      organization: t(encounter, "serviceProvider") ?? t(anchor, "custodian"),
      composition: anchor,
      entries,
    };
  }
  const composition = entries.find((i) => ctx.index.entries[i]?.type === "Composition" && t(i, "encounter") === anchor) ?? null;
  return { anchor, encounter: anchor, patient: t(anchor, "subject"), organization: t(anchor, "serviceProvider"), composition, entries };
}

/** Identifiers are read from the raw JSON so a rejected record still names its key. */
const rawOf = (ctx: MapContext, i: number | null): JsonObject | null => (i === null ? null : (ctx.index.entries[i]?.resource ?? null));

function readKey(ctx: MapContext, s: RecordSource): { maLk: string | null; facilityCode: string | null; facilityGln: string | null } {
  const encounter = rawOf(ctx, s.encounter);
  const byId = (systems: readonly string[], r: JsonObject | null) =>
    identifiersOf(r).find((i) => i.system !== null && systems.includes(i.system))?.value ?? null;
  const encounterId = typeof encounter?.["id"] === "string" ? encounter["id"] : null;
  const org = rawOf(ctx, s.organization);
  return {
    maLk: byId([SID.maLk], encounter) ?? encounterId ?? byId([SID.maLk], rawOf(ctx, s.composition)),
    facilityCode: byId([SID.maCskcb], org),
    facilityGln: byId([SID.gln, ...GLN_ALIASES], org),
  };
}

export function buildRecord(ctx: MapContext, r: number, s: RecordSource, sink: Finding[]): CheckupRecord {
  const encounter: Encounter | null = resourceOf(ctx, s.encounter ?? undefined, "Encounter");
  const composition: Composition | null = resourceOf(ctx, s.composition ?? undefined, "Composition");
  const patient = resourceOf(ctx, s.patient ?? undefined, "Patient");
  if (s.patient === null && !ctx.refs[s.anchor]?.some((ref) => ref.element === "subject")) {
    sink.push(fhirFinding("FHIR-PATIENT-MISSING", `${resourcePath(s.anchor)}.subject`));
  }
  const person = readPerson(patient, resourcePath(s.patient ?? s.anchor), sink);
  const examTime = readMomentAt(encounter?.period?.start, `${resourcePath(s.encounter ?? s.anchor)}.period.start`, sink);
  const clinical = readClinical(ctx, s.entries, sink);
  const formType = extensionText(encounter?.extension, EXT.formType);
  const age = person.birthDate && examTime ? ageAt(person.birthDate, examTime) : null;
  return {
    format: "fhir",
    index: r,
    path: entryPath(s.anchor),
    ...readKey(ctx, s),
    formType,
    ageGroup: (formType ? FORM_TYPES[formType.toLowerCase()] : undefined) ?? (age === null ? null : ageGroupOf(age)),
    examTime,
    visitType: encounter ? (codesIn(encounter.type, CS.maLoaiKcb)[0] ?? DEFAULT_VISIT_TYPE) : null,
    targetGroups: extensionValues(encounter?.extension, EXT.doiTuong),
    fundingSource: extensionText(encounter?.extension, EXT.nguonChiTra),
    reason: conceptText(encounter?.reasonCode?.[0]),
    patient: person,
    guardians: readGuardians(patient),
    history: {},
    observations: clinical.observations,
    exams: clinical.exams,
    conclusion: {
      ...emptyConclusion(),
      healthClass: clinical.healthClass,
      concludingDoctor: s.composition === null ? null : performerOf(ctx, s.composition, "author", referenceDisplay(composition?.author?.[0])),
    },
    conditions: clinical.conditions,
    signatures: {},
    blocks: {},
  };
}
