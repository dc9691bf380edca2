/**
 * Administrative content: the patient and the adults with a child (XML1 THONG_TIN_HANH_CHINH) and
 * the visit (XML2 THONG_TIN_CHUNG_VE_LAN_KHAM), standards.md §5.8. Each model field lists the tag
 * spellings in circulation, the QĐ 2062 one first (the writer uses it).
 */
import type { Finding } from "../../checkup/finding.ts";
import type { Guardian, Moment, Person } from "../../checkup/model.ts";
import { parseMoment, type ParseMomentOptions } from "../moment.ts";
import { field, pickFrom, splitList, type Blocks, type Tags } from "./fields.ts";
import { kskFinding } from "./findings.ts";

type PersonText = Exclude<keyof Person, "birthDate">;

/** XML1 tags per Person field (QĐ 2062 XML1; QĐ 1551 spellings after the first). */
export const PERSON_TAGS: Readonly<Record<PersonText, readonly string[]>> = {
  fullName: ["HO_TEN"],
  sex: ["GIOI_TINH"],
  personalId: ["SO_CCCD"],
  idIssueDate: ["NGAYCAP_CCCD"],
  idIssuePlace: ["NOICAP_CCCD"],
  ethnicity: ["MA_DAN_TOC", "MA_DANTOC"],
  nationality: ["MA_QUOC_TICH", "QUOC_TICH"],
  bloodGroup: ["NHOM_MAU"],
  address: ["DIA_CHI"],
  provinceCode: ["MATINH_CU_TRU"],
  communeCode: ["MAXA_CU_TRU"],
  districtCode: ["MAHUYEN_CU_TRU"],
  occupation: ["MA_NGHE_NGHIEP"],
  workplace: ["NOI_LAM_VIEC_HOC_TAP", "NOI_CONG_TAC_HIEN_TAI"],
  phone: ["DIEN_THOAI"],
  gestationWeeks: ["TUAN_THAI"],
  preterm: ["SINH_NON"],
};

export const BIRTH_DATE_TAG = "NGAY_SINH";

/** NGUOI_DI_CUNG → accompanying, NGUOI_GIAM_HO → guardian (QĐ 2062 XML1). */
export const GUARDIAN_TAGS = {
  accompanying: {
    fullName: ["HO_TEN_NGUOI_DI_CUNG"],
    personalId: ["SO_CCCD_NGUOI_DI_CUNG"],
    relationship: ["MOI_QUAN_HE_VOI_TRE"],
    phone: ["DIEN_THOAI_NGUOI_DI_CUNG"],
  },
  guardian: {
    fullName: ["NGUOI_GIAM_HO", "HO_TEN_NGUOI_GIAM_HO"],
    personalId: ["SO_CCCD_NGH"],
    relationship: [],
    phone: ["DIEN_THOAI_NGH"],
  },
} as const satisfies Record<Guardian["kind"], Record<Exclude<keyof Guardian, "kind">, readonly string[]>>;

/** XML2 tags of the visit; implementations also put some of them in XML1, read as a fallback. */
export const VISIT_TAGS = {
  maLk: ["MA_LK"],
  facilityCode: ["MA_CSKCB"],
  facilityGln: ["MA_GTIN_CSKCB"],
  formType: ["TYPE"],
  examTime: ["NGAY_VAO"],
  visitType: ["MA_LOAI_KCB"],
  targetGroups: ["DOI_TUONG"],
  fundingSource: ["NGUON_CHI_TRA", "NGUON_KINH_PHI"],
} as const;

/** LY_DO_VV sits in XML1 in the QĐ 2062 table, in XML2 in some implementations. */
export const REASON_TAG = "LY_DO_VV";

export function readPatient(blocks: Blocks, sink: Finding[], dates: ParseMomentOptions): Person {
  const xml1 = blocks.get("XML1");
  const text = (tags: Tags) => field(xml1, tags, sink);
  return {
    fullName: text(PERSON_TAGS.fullName),
    birthDate: readMoment(blocks, ["XML1"], BIRTH_DATE_TAG, sink, dates),
    sex: text(PERSON_TAGS.sex),
    personalId: text(PERSON_TAGS.personalId),
    idIssueDate: text(PERSON_TAGS.idIssueDate),
    idIssuePlace: text(PERSON_TAGS.idIssuePlace),
    ethnicity: text(PERSON_TAGS.ethnicity),
    nationality: text(PERSON_TAGS.nationality),
    bloodGroup: text(PERSON_TAGS.bloodGroup),
    address: text(PERSON_TAGS.address),
    provinceCode: text(PERSON_TAGS.provinceCode),
    communeCode: text(PERSON_TAGS.communeCode),
    districtCode: text(PERSON_TAGS.districtCode),
    occupation: text(PERSON_TAGS.occupation),
    workplace: text(PERSON_TAGS.workplace),
    phone: text(PERSON_TAGS.phone),
    gestationWeeks: text(PERSON_TAGS.gestationWeeks),
    preterm: text(PERSON_TAGS.preterm),
  };
}

export function readGuardians(blocks: Blocks, sink: Finding[]): Guardian[] {
  const xml1 = blocks.get("XML1");
  const out: Guardian[] = [];
  for (const kind of ["accompanying", "guardian"] as const) {
    const tags = GUARDIAN_TAGS[kind];
    const guardian: Guardian = {
      kind,
      fullName: field(xml1, tags.fullName, sink),
      personalId: field(xml1, tags.personalId, sink),
      relationship: field(xml1, tags.relationship, sink),
      phone: field(xml1, tags.phone, sink),
    };
    if (guardian.fullName ?? guardian.personalId ?? guardian.relationship ?? guardian.phone) out.push(guardian);
  }
  return out;
}

export interface Visit {
  maLk: string | null;
  facilityCode: string | null;
  facilityGln: string | null;
  formType: string | null;
  examTime: Moment | null;
  visitType: string | null;
  targetGroups: string[];
  fundingSource: string | null;
  reason: string | null;
}

export function readVisit(blocks: Blocks, sink: Finding[], dates: ParseMomentOptions): Visit {
  const text = (tags: Tags) => pickFrom(blocks, ["XML2", "XML1"], tags, sink)?.value ?? null;
  return {
    maLk: text(VISIT_TAGS.maLk),
    facilityCode: text(VISIT_TAGS.facilityCode),
    facilityGln: text(VISIT_TAGS.facilityGln),
    formType: text(VISIT_TAGS.formType),
    examTime: readMoment(blocks, ["XML2", "XML1"], VISIT_TAGS.examTime, sink, dates),
    visitType: text(VISIT_TAGS.visitType),
    targetGroups: splitList(text(VISIT_TAGS.targetGroups)),
    fundingSource: text(VISIT_TAGS.fundingSource),
    reason: pickFrom(blocks, ["XML1", "XML2"], REASON_TAG, sink)?.value ?? null,
  };
}

/** Any accepted date form (standards.md §5.7 row 7); an unreadable one is a warning, not a rejection. */
function readMoment(blocks: Blocks, types: readonly string[], tags: Tags, sink: Finding[], dates: ParseMomentOptions): Moment | null {
  const picked = pickFrom(blocks, types, tags, sink);
  if (!picked) return null;
  const moment = parseMoment(picked.value, dates);
  if (!moment) sink.push(kskFinding("KSK-DATE-INVALID", picked.path));
  return moment;
}

