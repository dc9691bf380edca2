/**
 * FHIR writer: CheckupRecords → an R4 Bundle (transaction by default) in the shape parse.ts reads:
 * one Encounter per check-up with its Patient, facility Organization, Observations,
 * DiagnosticReports and Conditions, linked by `urn:uuid:` fullUrls (FHIR R4 §2.36.4.1). In a
 * transaction every entry is a POST; Patient, Organization and Encounter carry `ifNoneExist` on
 * their identifier, so re-sending the Bundle to a FHIR server creates nothing twice (R4
 * §3.1.0.8.1). Used by tests and benchmarks; parse(write(r)) gives the main fields back. Pure but
 * for the default random UUIDs (pass `uuid` for repeatable output).
 */
import { randomUUID } from "node:crypto";
import type { Bundle, Composition, Encounter, Extension, Organization, Patient, PatientContact, Reference } from "@medplum/fhirtypes";
import type { CheckupRecord, Guardian, Moment } from "../../checkup/model.ts";
import { loincByKey, type PrimaryLoinc } from "./code-index.ts";
import { CS, EXT, SID, STD } from "./systems.ts";
import { writeConditions, writeExams, writeObservations } from "./write-clinical.ts";
import {
  addEntry,
  codeExtension,
  codingExtension,
  compact,
  fhirDate,
  fhirDateTime,
  stringExtension,
  type Entries,
} from "./write-values.ts";

export interface WriteFhirOptions {
  type?: "transaction" | "batch" | "collection" | "document";
  /** UUID source for fullUrls (default `crypto.randomUUID`). */
  uuid?: () => string;
  /** Bundle.timestamp (required for documents, R4 bdl-10); default: now. */
  timestamp?: string;
}

const GENDER: Readonly<Record<string, Patient["gender"]>> = { "1": "male", "2": "female", "3": "unknown" };

/** `identifier=system|value` for a conditional create (R4 §3.1.0.8.1). */
const byIdentifier = (system: string, value: string | null): string | undefined =>
  value === null ? undefined : `identifier=${system}|${value}`;

function patientOf(r: CheckupRecord): Patient & { _birthDate?: { extension: Extension[] } } {
  const p = r.patient;
  const [family, ...given] = (p.fullName ?? "").trim().split(/\s+/).filter((s) => s !== "");
  const address = compact({
    text: p.address ?? undefined,
    extension: [
      ...codeExtension(EXT.maTinh, p.provinceCode),
      ...codeExtension(EXT.maXa, p.communeCode),
      ...codeExtension(EXT.maHuyen, p.districtCode),
    ],
  });
  const patient = compact<Patient>({
    resourceType: "Patient",
    extension: [
      ...codingExtension(EXT.danToc, CS.danToc, p.ethnicity),
      ...codingExtension(EXT.quocTich, CS.quocTich, p.nationality),
      ...codingExtension(EXT.ngheNghiep, CS.ngheNghiep, p.occupation),
      ...stringExtension(EXT.noiLamViec, p.workplace),
    ],
    identifier: p.personalId === null ? [] : [{ system: SID.cccd, value: p.personalId }],
    name: p.fullName === null ? [] : [compact({ use: "official" as const, text: p.fullName, family, given })],
    gender: p.sex === null ? undefined : GENDER[p.sex.trim()],
    birthDate: fhirDate(p.birthDate),
    telecom: p.phone === null ? [] : [{ system: "phone" as const, value: p.phone }],
    address: Object.keys(address).length === 0 ? [] : [address],
    contact: r.guardians.flatMap(contactOf),
  });
  return p.birthDate?.precision === "minute" ? { ...patient, _birthDate: birthTime(p.birthDate) } : patient;
}

/** A birth time rides on `birthDate` as the R4 `patient-birthTime` extension (R4 Patient.birthDate comments). */
const birthTime = (m: Moment): { extension: Extension[] } => ({ extension: [{ url: STD.birthTime, valueDateTime: fhirDateTime(m) }] });

/** R4 pat-1: a contact needs a name or a telecom; one with neither is left out. */
function contactOf(g: Guardian): PatientContact[] {
  if (g.fullName === null && g.phone === null) return [];
  return [
    compact<PatientContact>({
      relationship: [compact({ coding: [{ system: CS.contactRole, code: g.kind }], text: g.relationship ?? undefined })],
      name: g.fullName === null ? undefined : { text: g.fullName },
      telecom: g.phone === null ? [] : [{ system: "phone", value: g.phone }],
    }),
  ];
}

function organizationOf(r: CheckupRecord): Organization | null {
  const identifier = [
    ...(r.facilityCode === null ? [] : [{ system: SID.maCskcb, value: r.facilityCode }]),
    ...(r.facilityGln === null ? [] : [{ system: SID.gln, value: r.facilityGln }]),
  ];
  return identifier.length === 0 ? null : { resourceType: "Organization", identifier };
}

function encounterOf(r: CheckupRecord, subject: Reference<Patient>, provider: Reference<Organization> | null): Encounter {
  return compact<Encounter>({
    resourceType: "Encounter",
    extension: [
      ...r.targetGroups.flatMap((g) => codingExtension(EXT.doiTuong, CS.doiTuong, g)),
      ...codingExtension(EXT.nguonChiTra, CS.nguonChiTra, r.fundingSource),
      ...codeExtension(EXT.formType, r.formType),
    ],
    identifier: r.maLk === null ? [] : [{ system: SID.maLk, value: r.maLk }],
    status: "finished",
    class: { system: STD.actCode, code: "AMB", display: "ambulatory" },
    type: r.visitType === null ? [] : [{ coding: [{ system: CS.maLoaiKcb, code: r.visitType }] }],
    subject,
    period: r.examTime === null ? undefined : { start: fhirDateTime(r.examTime) },
    reasonCode: r.reason === null ? [] : [{ text: r.reason }],
    serviceProvider: provider ?? undefined,
  });
}

interface Shared {
  patients: Map<string, Reference<Patient>>;
  organizations: Map<string, Reference<Organization>>;
}

type Author = Reference<Organization> | Reference<Patient>;

/** One check-up's entries; Patient and Organization are shared across check-ups by their identifiers. */
function writeRecord(out: Entries, shared: Shared, r: CheckupRecord, loinc: ReadonlyMap<string, PrimaryLoinc>): Author {
  const patientKey = r.patient.personalId ?? `#${r.index}`;
  const subject = shared.patients.get(patientKey) ?? addEntry(out, patientOf(r), byIdentifier(SID.cccd, r.patient.personalId));
  shared.patients.set(patientKey, subject);
  const org = organizationOf(r);
  const orgKey = `${r.facilityCode ?? ""}|${r.facilityGln ?? ""}`;
  const orgCondition = byIdentifier(SID.maCskcb, r.facilityCode) ?? byIdentifier(SID.gln, r.facilityGln);
  const provider = org === null ? null : (shared.organizations.get(orgKey) ?? addEntry(out, org, orgCondition));
  if (provider !== null) shared.organizations.set(orgKey, provider);
  const encounter = addEntry(out, encounterOf(r, subject, provider), byIdentifier(SID.maLk, r.maLk));
  const links = { subject, encounter, loinc };
  writeObservations(out, r, links);
  writeExams(out, r, links);
  writeConditions(out, r, links);
  return provider ?? subject;
}

export function writeFhirBundle(records: readonly CheckupRecord[], options: WriteFhirOptions = {}): Bundle {
  const type = options.type ?? "transaction";
  const uuid = options.uuid ?? randomUUID;
  const out: Entries = { list: [], uuid, requests: type === "transaction" || type === "batch" };
  const shared: Shared = { patients: new Map(), organizations: new Map() };
  const loinc = loincByKey();
  if (type !== "document") {
    for (const r of records) writeRecord(out, shared, r, loinc);
    return { resourceType: "Bundle", type, entry: out.list };
  }
  const [record] = records;
  if (record === undefined || records.length !== 1) throw new Error("a document Bundle holds exactly one check-up");
  const author = writeRecord(out, shared, record, loinc);
  const timestamp = options.timestamp ?? new Date().toISOString();
  const composition = compositionOf(record, out, author, timestamp);
  return {
    resourceType: "Bundle",
    type,
    identifier: { system: "urn:ietf:rfc:3986", value: `urn:uuid:${uuid()}` },
    timestamp,
    entry: [{ fullUrl: `urn:uuid:${uuid()}`, resource: composition }, ...out.list],
  };
}

/** The document's Composition (R4 bdl-11: first entry) lists every other resource in one section. */
function compositionOf(r: CheckupRecord, out: Entries, author: Author, timestamp: string): Composition {
  const find = (type: string) => out.list.find((e) => e.resource?.resourceType === type)?.fullUrl;
  const entries = out.list.flatMap((e) => (e.fullUrl && e.resource?.resourceType !== "Patient" ? [{ reference: e.fullUrl }] : []));
  const patient = find("Patient");
  const encounter = find("Encounter");
  return compact<Composition>({
    resourceType: "Composition",
    identifier: r.maLk === null ? undefined : { system: SID.maLk, value: r.maLk },
    status: "final",
    type: { coding: [{ system: CS.documentType, code: "KHAMSUCKHOE" }], text: "Phiếu khám sức khỏe" },
    subject: patient ? { reference: patient } : undefined,
    encounter: encounter ? { reference: encounter } : undefined,
    date: fhirDateTime(r.examTime) ?? timestamp,
    author: [r.conclusion.concludingDoctor === null ? author : { display: r.conclusion.concludingDoctor }],
    title: "Phiếu khám sức khỏe",
    section: [{ title: "Kết quả khám sức khỏe", entry: entries }],
  });
}
