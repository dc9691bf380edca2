/**
 * Every finding the GIAMDINHHS parser can make: stable code, severity and the message in
 * Vietnamese and English. Messages name fields, never their values (design.md invariant 4). An
 * `error` on a visit rejects that visit only; at envelope level it refuses the file
 * (formats/types.ts). Decoded tables that are not safe XML get the `XML-*` findings of xml.ts.
 */
import { finding, type Finding, type Severity } from "../../checkup/finding.ts";

const CATALOGUE = {
  "VSS-ROOT": ["error", "Gốc tài liệu không phải GIAMDINHHS", "The document root is not GIAMDINHHS"],
  "VSS-NO-RECORDS": ["error", "Không có hồ sơ (HOSO) nào trong DANHSACHHOSO", "DANHSACHHOSO holds no HOSO"],
  "VSS-COUNT-MISMATCH": [
    "warning",
    "SOLUONGHOSO khác số hồ sơ thực nhận; tệp có thể bị cắt",
    "SOLUONGHOSO differs from the number of HOSO received; the file may be truncated",
  ],
  "VSS-COUNT-INVALID": ["warning", "SOLUONGHOSO không phải số nguyên", "SOLUONGHOSO is not a whole number"],
  "VSS-FACILITY-MISSING": ["warning", "Thiếu MACSKCB của đơn vị gửi", "MACSKCB of the sender is missing"],
  "VSS-HOSO-EMPTY": ["error", "Hồ sơ không có FILEHOSO nào", "The HOSO holds no FILEHOSO"],
  "VSS-FILE-TYPE-MISSING": ["error", "FILEHOSO thiếu LOAIHOSO", "FILEHOSO has no LOAIHOSO"],
  "VSS-FILE-EMPTY": ["warning", "NOIDUNGFILE rỗng; bảng không được đọc", "NOIDUNGFILE is empty; the table is not read"],
  "VSS-FILE-NOT-BASE64": [
    "error",
    "NOIDUNGFILE không phải chuỗi base64 (QĐ 130: nội dung bảng mã hóa base64)",
    "NOIDUNGFILE is not base64 (QĐ 130: the table is sent base64-encoded)",
  ],
  "VSS-FILE-ENCODING": [
    "error",
    "NOIDUNGFILE giải mã base64 không ra văn bản UTF-8",
    "NOIDUNGFILE decodes from base64 to something that is not UTF-8 text",
  ],
  "VSS-FILE-NOT-XML": [
    "error",
    "NOIDUNGFILE giải mã base64 không ra tài liệu XML",
    "NOIDUNGFILE decodes from base64 to something that is not XML",
  ],
  "VSS-TABLE-UNKNOWN": [
    "warning",
    "LOAIHOSO không thuộc XML0–XML15; bảng được giữ nguyên, không đọc",
    "LOAIHOSO is not one of XML0–XML15; the table is kept as received, not read",
  ],
  "VSS-TABLE-ROOT": [
    "warning",
    "Thẻ gốc của bảng không khớp LOAIHOSO",
    "The root element of the table does not match its LOAIHOSO",
  ],
  "VSS-TABLE-REPEATED": [
    "warning",
    "Bảng một bản ghi bị gửi lặp cho cùng MA_LK; bản sau thay bản trước",
    "A single-record table is sent twice for the same MA_LK; the later one replaces the earlier",
  ],
  "VSS-NO-XML1": [
    "error",
    "Hồ sơ không có bảng XML1 (TONG_HOP) đọc được",
    "The HOSO has no readable XML1 (TONG_HOP) table",
  ],
  "VSS-MA-LK-MISSING": ["error", "XML1 thiếu MA_LK; không ghép được các bảng", "XML1 has no MA_LK; no table can be linked to it"],
  "VSS-ORPHAN-TABLE": [
    "warning",
    "Dòng dữ liệu có MA_LK không khớp XML1 nào của hồ sơ; không được đọc",
    "Rows whose MA_LK matches no XML1 of the HOSO; they are not read",
  ],
  "VSS-VISIT-REPLACED": [
    "warning",
    "Một XML1 sau trong tệp có cùng (MA_CSKCB, MA_LK) và thay thế toàn bộ lượt khám này",
    "A later XML1 in the file has the same (MA_CSKCB, MA_LK) and replaces this whole visit",
  ],
  "VSS-FIELD-REPEATED": ["warning", "Trường bị lặp; chỉ giá trị đầu được đọc", "The field is repeated; only the first value is read"],
  "VSS-FIELD-NOT-TEXT": ["warning", "Trường chứa phần tử con thay vì văn bản", "The field holds child elements instead of text"],
  "VSS-DATE-INVALID": ["warning", "Ngày giờ không đúng định dạng hoặc không tồn tại", "The date is malformed or does not exist"],
  "VSS-CARD-LIST": [
    "warning",
    "Số phần tử của MA_THE_BHYT, MA_DKBD, GT_THE_TU, GT_THE_DEN không khớp nhau",
    "MA_THE_BHYT, MA_DKBD, GT_THE_TU and GT_THE_DEN hold different numbers of items",
  ],
  "VSS-HEIGHT-FORMAT": [
    "warning",
    "DU_PHONG không phải chiều cao theo cm (QĐ 3176); giữ nguyên, không đọc",
    "DU_PHONG is not a height in cm (QĐ 3176); kept as received, not read",
  ],
  "VSS-CLS-NAME-MISSING": ["warning", "Dòng cận lâm sàng thiếu TEN_CHI_SO", "A paraclinical row has no TEN_CHI_SO"],
  "VSS-VITALS-FORMAT": [
    "warning",
    "Chỉ số sinh tồn trong CSST<…> không đúng dạng; phần đó không được đọc",
    "A vital sign inside CSST<…> is malformed; that part is not read",
  ],
} as const satisfies Record<string, readonly [Severity, string, string]>;

export type VssCode = keyof typeof CATALOGUE;

export function vssFinding(code: VssCode, path: string): Finding {
  const [severity, vi, en] = CATALOGUE[code];
  return finding(code, severity, path, vi, en);
}
