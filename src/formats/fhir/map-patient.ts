/**
 * Patient → `Person` and guardians (standards.md §9.1 row Patient). The personal ID is the
 * identifier with hoso's `cccd` system, else one typed `NNVNM`/`NI` (HL7 v2 table 0203, national
 * person identifier), else a passport (`PPN`). `gender` male/female/other/unknown → `GIOI_TINH`
 * 1/2/3/3 (standards.md §4.7). Birth dates keep their FHIR precision (`1990`, `1990-05`).
 */
import type { Address, ContactPoint, Identifier, Patient, PatientContact } from "@medplum/fhirtypes";
import type { Finding } from "../../checkup/finding.ts";
import { emptyPerson, type Guardian, type Person } from "../../checkup/model.ts";
import { parseMoment } from "../moment.ts";
import { fhirFinding } from "./findings.ts";
import { isObject } from "./json.ts";
import { CS, EXT, NATIONAL_ID_TYPES, PASSPORT_TYPE, SID, STD } from "./systems.ts";
import { codeIn, extensionText, nameText, text } from "./values.ts";

/** R4 AdministrativeGender (required binding) → GIOI_TINH. */
const SEX: ReadonlyMap<string, string> = new Map([
  ["male", "1"],
  ["female", "2"],
  ["other", "3"],
  ["unknown", "3"],
]);

export function personalIdentifier(ids: readonly Identifier[] | undefined): Identifier | undefined {
  const list = (ids ?? []).filter((i) => text(i.value) !== null);
  const typed = (codes: readonly string[]) => list.find((i) => codes.some((c) => codeIn(i.type, STD.identifierType) === c));
  return list.find((i) => i.system === SID.cccd) ?? typed(NATIONAL_ID_TYPES) ?? typed([PASSPORT_TYPE]);
}

export function readPerson(p: Patient | null, path: string, sink: Finding[]): Person {
  if (p === null) return emptyPerson();
  const id = personalIdentifier(p.identifier);
  const address = p.address?.find((a) => a.use === "home") ?? p.address?.[0];
  const ext = p.extension;
  return {
    ...emptyPerson(),
    fullName: nameText(p.name),
    birthDate: readBirthDate(birthTimeOf(p) ?? p.birthDate, `${path}.birthDate`, sink),
    sex: readSex(p.gender, `${path}.gender`, sink),
    personalId: text(id?.value),
    idIssueDate: text(id?.period?.start),
    idIssuePlace: text(id?.assigner?.display),
    ethnicity: extensionText(ext, EXT.danToc),
    nationality: extensionText(ext, EXT.quocTich),
    occupation: extensionText(ext, EXT.ngheNghiep),
    workplace: extensionText(ext, EXT.noiLamViec),
    address: addressText(address),
    provinceCode: extensionText(address?.extension, EXT.maTinh),
    communeCode: extensionText(address?.extension, EXT.maXa),
    districtCode: extensionText(address?.extension, EXT.maHuyen),
    phone: phoneOf(p.telecom),
  };
}

/** `_birthDate.extension` patient-birthTime: the time of birth some child records carry. */
function birthTimeOf(p: Patient): string | undefined {
  const element: unknown = Reflect.get(p, "_birthDate");
  const ext = isObject(element) ? element["extension"] : undefined;
  const hit = Array.isArray(ext) ? ext.find((e) => isObject(e) && e["url"] === STD.birthTime) : undefined;
  const value: unknown = isObject(hit) ? hit["valueDateTime"] : undefined;
  return typeof value === "string" ? value : undefined;
}

/** The validator checks structure, not terminology: a code outside the required value set is caught here. */
function readSex(gender: string | undefined, path: string, sink: Finding[]): string | null {
  if (gender === undefined) return null;
  const sex = SEX.get(gender) ?? null;
  if (sex === null) sink.push(fhirFinding("FHIR-CODE-INVALID", path));
  return sex;
}

function readBirthDate(raw: string | undefined, path: string, sink: Finding[]): Person["birthDate"] {
  if (raw === undefined) return null;
  const moment = parseMoment(raw);
  if (moment === null) sink.push(fhirFinding("FHIR-DATE-INVALID", path));
  return moment;
}

const addressText = (a: Address | undefined): string | null =>
  a === undefined ? null : (text(a.text) ?? text([...(a.line ?? []), a.city, a.district, a.state].filter((s) => s !== undefined).join(", ")));

const phoneOf = (telecom: readonly ContactPoint[] | undefined): string | null =>
  text(telecom?.find((t) => t.system === "phone" || t.system === "sms")?.value);

/** `Patient.contact` → the accompanying person or guardian of a child (QĐ 2062 XML1). */
export function readGuardians(p: Patient | null): Guardian[] {
  return (p?.contact ?? []).flatMap((c): Guardian[] => {
    const kind = (c.relationship ?? []).map((r) => codeIn(r, CS.contactRole)).find((k) => k !== null);
    const guardian: Guardian = {
      kind: kind === "guardian" ? "guardian" : "accompanying",
      fullName: nameText(c.name ? [c.name] : undefined),
      personalId: null,
      relationship: relationshipText(c),
      phone: phoneOf(c.telecom),
    };
    return guardian.fullName ?? guardian.relationship ?? guardian.phone ? [guardian] : [];
  });
}

/** The relationship in words (`MOI_QUAN_HE_VOI_TRE`), not hoso's own role coding. */
function relationshipText(c: PatientContact): string | null {
  for (const r of c.relationship ?? []) {
    if (text(r.text)) return text(r.text);
    const other = r.coding?.find((k) => k.system !== CS.contactRole && (text(k.display) ?? text(k.code)));
    if (other) return text(other.display) ?? text(other.code);
  }
  return null;
}
