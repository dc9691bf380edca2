/**
 * Assembles one canonical `CheckupRecord` the way the KHAMSUCKHOE parser would leave it
 * (standards.md §5.8): patient and guardian from XML1, visit from XML2, raw blocks XML1/XML2 kept
 * as flat field maps, measures, exams and conclusion from the other blocks.
 */
import type { AgeGroup, CheckupRecord, Guardian, Moment, Observation } from "../checkup/model.ts";
import { emptyPerson } from "../checkup/model.ts";
import type { Clinical } from "./clinical.ts";
import { localParts } from "./dates.ts";
import type { FacilityStyle } from "./facility-style.ts";
import type { DemoFacility, DemoPerson } from "./types.ts";
import type { VisitContext } from "./visit.ts";

export const FORM_TYPE: Record<AgeGroup, string> = { child_under_6: "ChildUnder", minor_6_18: "Minor", adult: "Adult" };

export interface RecordInput {
  person: DemoPerson;
  /** What the facility typed, defects included. */
  reported: { personalId: string | null; fullName: string };
  guardian: DemoPerson | undefined;
  facility: DemoFacility;
  style: FacilityStyle;
  maLk: string;
  examMs: number;
  group: AgeGroup;
  visit: VisitContext;
  observations: Observation[];
  clinical: Clinical;
}

export function examMoment(examMs: number): Moment {
  const { date, hh, mi } = localParts(examMs);
  return { raw: `${date.replaceAll("-", "")}${hh}${mi}`, iso: `${date}T${hh}:${mi}`, precision: "minute" };
}

const birthMoment = (birthDate: string, compact: boolean): Moment => ({
  raw: compact ? `${birthDate.replaceAll("-", "")}0000` : birthDate,
  iso: birthDate,
  precision: "day",
});

function guardianOf(group: AgeGroup, guardian: DemoPerson | undefined): Guardian[] {
  if (!guardian || group === "adult") return [];
  return [
    {
      // Under 6 the form records who brought the child (NGUOI_DI_CUNG, with MOI_QUAN_HE_VOI_TRE);
      // from 6 the legal guardian (NGUOI_GIAM_HO), without a relationship field.
      kind: group === "child_under_6" ? "accompanying" : "guardian",
      fullName: guardian.fullName,
      personalId: guardian.personalId,
      relationship: group === "child_under_6" ? (guardian.sex === "1" ? "Bố" : "Mẹ") : null,
      phone: guardian.phone,
    },
  ];
}

function guardianFields(g: Guardian | undefined): Record<string, string> {
  if (!g) return {};
  if (g.kind === "accompanying") {
    return {
      HO_TEN_NGUOI_DI_CUNG: g.fullName ?? "",
      SO_CCCD_NGUOI_DI_CUNG: g.personalId ?? "",
      MOI_QUAN_HE_VOI_TRE: g.relationship ?? "",
      DIEN_THOAI_NGUOI_DI_CUNG: g.phone ?? "",
    };
  }
  return { NGUOI_GIAM_HO: g.fullName ?? "", SO_CCCD_NGH: g.personalId ?? "", DIEN_THOAI_NGH: g.phone ?? "" };
}

export function assembleRecord(input: RecordInput): CheckupRecord {
  const { person, reported, facility, style, visit, group } = input;
  const examTime = examMoment(input.examMs);
  const birthDate = birthMoment(person.birthDate, style.birthDateCompact);
  const guardians = guardianOf(group, input.guardian);
  const patient = {
    ...emptyPerson(),
    fullName: reported.fullName,
    birthDate,
    sex: person.sex,
    personalId: reported.personalId,
    ethnicity: person.ethnicity,
    nationality: "000",
    address: person.address,
    provinceCode: person.provinceCode,
    communeCode: person.communeCode,
    occupation: visit.occupation,
    workplace: visit.workplace,
    phone: person.phone,
  };
  return {
    format: "ksk",
    index: 0,
    path: "HOSO[0]",
    maLk: input.maLk,
    facilityCode: facility.code,
    facilityGln: facility.gln,
    formType: FORM_TYPE[group],
    ageGroup: group,
    examTime,
    visitType: visit.visitType,
    targetGroups: visit.targetGroups,
    fundingSource: visit.fundingSource,
    reason: visit.reason,
    patient,
    guardians,
    history: {},
    observations: input.observations,
    exams: input.clinical.exams,
    conclusion: input.clinical.conclusion,
    conditions: input.clinical.conditions,
    signatures: {},
    blocks: {
      XML1: {
        HO_TEN: reported.fullName,
        NGAY_SINH: birthDate.raw,
        SO_CCCD: reported.personalId ?? "",
        GIOI_TINH: person.sex,
        MA_DAN_TOC: person.ethnicity,
        DIA_CHI: person.address,
        MATINH_CU_TRU: person.provinceCode,
        MAXA_CU_TRU: person.communeCode,
        DIEN_THOAI: person.phone ?? "",
        LY_DO_VV: visit.reason,
        MA_NGHE_NGHIEP: visit.occupation,
        NOI_LAM_VIEC_HOC_TAP: visit.workplace ?? "",
        ...guardianFields(guardians[0]),
      },
      XML2: {
        MA_LK: input.maLk,
        MA_CSKCB: facility.code,
        MA_GTIN_CSKCB: facility.gln,
        DOI_TUONG: visit.targetGroups.join(";"),
        NGUON_CHI_TRA: visit.fundingSource,
        MA_LOAI_KCB: visit.visitType,
        NGAY_VAO: examTime.raw,
        TYPE: FORM_TYPE[group],
      },
    },
  };
}
