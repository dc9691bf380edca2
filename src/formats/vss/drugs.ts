/**
 * XML2 CHI_TIET_THUOC (drugs) and XML3 CHI_TIET_DVKT (services and supplies), QĐ 3176 Bảng 2–3
 * (standards.md §4.6), as the health book lists them. Every amount and quantity stays the string
 * sent: `THANH_TIEN_BV = SO_LUONG × DON_GIA` is the sender's decimal arithmetic, not redone here.
 */
import type { Finding } from "../../checkup/finding.ts";
import { splitList } from "../ksk/fields.ts";
import { rowReader, type Row, type RowReader } from "./fields.ts";
import type { VssMedication, VssProcedure } from "./types.ts";

export const XML2_ORDER = [
  "MA_LK", "STT", "MA_THUOC", "MA_PP_CHEBIEN", "MA_CSKCB_THUOC", "MA_NHOM", "TEN_THUOC", "DON_VI_TINH", "HAM_LUONG",
  "DUONG_DUNG", "DANG_BAO_CHE", "LIEU_DUNG", "CACH_DUNG", "SO_DANG_KY", "TT_THAU", "PHAM_VI", "TYLE_TT_BH", "SO_LUONG",
  "DON_GIA", "THANH_TIEN_BV", "THANH_TIEN_BH", "T_NGUONKHAC_NSNN", "T_NGUONKHAC_VTNN", "T_NGUONKHAC_VTTN",
  "T_NGUONKHAC_CL", "T_NGUONKHAC", "MUC_HUONG", "T_BNTT", "T_BNCCT", "T_BHTT", "MA_KHOA", "MA_BAC_SI", "MA_DICH_VU",
  "NGAY_YL", "NGAY_TH_YL", "MA_PTTT", "NGUON_CTRA", "VET_THUONG_TP", "DU_PHONG",
] as const;

export const XML3_ORDER = [
  "MA_LK", "STT", "MA_DICH_VU", "MA_PTTT_QT", "MA_VAT_TU", "MA_NHOM", "GOI_VTYT", "TEN_VAT_TU", "TEN_DICH_VU",
  "MA_XANG_DAU", "DON_VI_TINH", "PHAM_VI", "SO_LUONG", "DON_GIA_BV", "DON_GIA_BH", "TT_THAU", "TYLE_TT_DV",
  "TYLE_TT_BH", "THANH_TIEN_BV", "THANH_TIEN_BH", "T_TRANTT", "MUC_HUONG", "T_NGUONKHAC_NSNN", "T_NGUONKHAC_VTNN",
  "T_NGUONKHAC_VTTN", "T_NGUONKHAC_CL", "T_NGUONKHAC", "T_BNTT", "T_BNCCT", "T_BHTT", "MA_KHOA", "MA_GIUONG",
  "MA_BAC_SI", "NGUOI_THUC_HIEN", "MA_BENH", "MA_BENH_YHCT", "NGAY_YL", "NGAY_TH_YL", "NGAY_KQ", "MA_PTTT",
  "VET_THUONG_TP", "PP_VO_CAM", "VI_TRI_TH_DVKT", "MA_MAY", "MA_HIEU_SP", "TAI_SU_DUNG", "DU_PHONG",
] as const;

type Fields<T> = { [K in keyof T]: T[K] extends string | null ? K : never }[keyof T];

/** Model field → XML2 tag. */
export const MEDICATION_TAGS: Readonly<Record<Exclude<Fields<VssMedication>, "path">, string>> = {
  code: "MA_THUOC",
  name: "TEN_THUOC",
  strength: "HAM_LUONG",
  unit: "DON_VI_TINH",
  dosageForm: "DANG_BAO_CHE",
  route: "DUONG_DUNG",
  dose: "LIEU_DUNG",
  usage: "CACH_DUNG",
  quantity: "SO_LUONG",
  unitPrice: "DON_GIA",
  amount: "THANH_TIEN_BV",
  registrationNumber: "SO_DANG_KY",
  department: "MA_KHOA",
  prescriber: "MA_BAC_SI",
};

/** Model field → XML3 tag. */
export const PROCEDURE_TAGS: Readonly<Record<Exclude<Fields<VssProcedure>, "path" | "kind">, string>> = {
  serviceCode: "MA_DICH_VU",
  supplyCode: "MA_VAT_TU",
  name: "TEN_DICH_VU",
  supplyName: "TEN_VAT_TU",
  group: "MA_NHOM",
  unit: "DON_VI_TINH",
  quantity: "SO_LUONG",
  unitPrice: "DON_GIA_BV",
  amount: "THANH_TIEN_BV",
  department: "MA_KHOA",
  doctor: "MA_BAC_SI",
  diagnosis: "MA_BENH",
};

const pick = <K extends string>(tags: Readonly<Record<K, string>>, r: RowReader) =>
  Object.fromEntries(Object.entries<string>(tags).map(([k, tag]) => [k, r.text(tag)])) as Record<K, string | null>;

export function readMedications(rows: readonly Row[], sink: Finding[]): VssMedication[] {
  return rows.map((row) => {
    const r = rowReader(row, sink);
    return { path: row.path, ...pick(MEDICATION_TAGS, r), ordered: r.moment("NGAY_YL"), given: r.moment("NGAY_TH_YL") };
  });
}

export function readProcedures(rows: readonly Row[], sink: Finding[]): VssProcedure[] {
  return rows.map((row) => {
    const r = rowReader(row, sink);
    const fields = pick(PROCEDURE_TAGS, r);
    return {
      path: row.path,
      kind: fields.serviceCode === null && fields.supplyCode !== null ? "supply" : "service",
      ...fields,
      procedureCodes: splitList(r.text("MA_PTTT_QT")),
      performers: splitList(r.text("NGUOI_THUC_HIEN")),
      ordered: r.moment("NGAY_YL"),
      performed: r.moment("NGAY_TH_YL"),
      resulted: r.moment("NGAY_KQ"),
    };
  });
}
