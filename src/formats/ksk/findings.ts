/**
 * Every finding the KHAMSUCKHOE parser can make, in one place: stable code, severity and the
 * message in Vietnamese and English. Messages name fields, never their values (design.md
 * invariant 4). An `error` on a record rejects that record only; at envelope level it refuses the
 * submission (formats/types.ts).
 */
import { finding, type Finding, type Severity } from "../../checkup/finding.ts";

const CATALOGUE = {
  "KSK-ROOT": ["error", "Gốc tài liệu không phải KHAMSUCKHOE", "The document root is not KHAMSUCKHOE"],
  "KSK-NO-RECORDS": ["error", "Không có hồ sơ (HOSO) nào trong DANHSACHHOSO", "DANHSACHHOSO holds no HOSO"],
  "KSK-COUNT-MISMATCH": [
    "warning",
    "SOLUONGHOSO khác số hồ sơ thực nhận; tệp có thể bị cắt",
    "SOLUONGHOSO differs from the number of HOSO received; the file may be truncated",
  ],
  "KSK-COUNT-INVALID": ["warning", "SOLUONGHOSO không phải số nguyên", "SOLUONGHOSO is not a whole number"],
  "KSK-FACILITY-MISSING": ["warning", "Thiếu MACSKCB của đơn vị gửi", "MACSKCB of the sender is missing"],
  "KSK-FACILITY-FORMAT": [
    "warning",
    "MACSKCB không phải mã GLN 13 số hay mã cơ sở 5 ký tự",
    "MACSKCB is neither a 13-digit GLN nor a 5-character facility code",
  ],
  "KSK-HOSO-EMPTY": ["error", "Hồ sơ không có FILEHOSO nào", "The HOSO holds no FILEHOSO"],
  "KSK-BLOCK-TYPE-MISSING": ["error", "FILEHOSO thiếu LOAIHOSO", "FILEHOSO has no LOAIHOSO"],
  "KSK-BLOCK-UNKNOWN": [
    "warning",
    "LOAIHOSO không thuộc XML1–XML12 của QĐ 2062; khối được giữ nguyên, không đọc",
    "LOAIHOSO is not one of the QĐ 2062 blocks XML1–XML12; kept as received, not read",
  ],
  "KSK-BLOCK-DUPLICATE": [
    "warning",
    "LOAIHOSO bị gửi lặp; chỉ khối đầu tiên được đọc",
    "LOAIHOSO is sent twice; only the first block is read",
  ],
  "KSK-BLOCK-EMPTY": ["warning", "NOIDUNGFILE rỗng", "NOIDUNGFILE is empty"],
  "KSK-BLOCK-NOT-BASE64": [
    "error",
    "NOIDUNGFILE không phải XML cũng không phải base64",
    "NOIDUNGFILE is neither XML nor base64",
  ],
  "KSK-BLOCK-ENCODING": [
    "error",
    "NOIDUNGFILE giải mã base64 không ra văn bản UTF-8",
    "NOIDUNGFILE decodes from base64 to something that is not UTF-8 text",
  ],
  "KSK-BLOCK-NOT-XML": [
    "error",
    "NOIDUNGFILE giải mã base64 không ra tài liệu XML",
    "NOIDUNGFILE decodes from base64 to something that is not XML",
  ],
  "KSK-BLOCK-ROOT": [
    "warning",
    "Thẻ gốc của khối không khớp LOAIHOSO",
    "The root element of the block does not match its LOAIHOSO",
  ],
  "KSK-BLOCK-MISSING": ["error", "Thiếu khối bắt buộc", "A required block is missing"],
  "KSK-FIELD-REPEATED": ["warning", "Trường bị lặp; chỉ giá trị đầu được đọc", "The field is repeated; only the first value is read"],
  "KSK-FIELD-NOT-TEXT": ["warning", "Trường chứa phần tử con thay vì văn bản", "The field holds child elements instead of text"],
  "KSK-DATE-INVALID": ["warning", "Ngày giờ không đúng định dạng hoặc không tồn tại", "The date is malformed or does not exist"],
  "KSK-TYPE-UNKNOWN": [
    "warning",
    "TYPE không phải ChildUnder, Minor, Adult hay Driver; nhóm tuổi suy từ ngày sinh",
    "TYPE is not ChildUnder, Minor, Adult or Driver; the age group is inferred from the birth date",
  ],
  "KSK-BP-FORMAT": [
    "warning",
    "HUYET_AP không đúng dạng tâm thu/tâm trương",
    "HUYET_AP is not in the form systolic/diastolic",
  ],
  "KSK-CLS-NAME-MISSING": ["warning", "Dòng cận lâm sàng thiếu TEN_CHI_SO", "A paraclinical row has no TEN_CHI_SO"],
} as const satisfies Record<string, readonly [Severity, string, string]>;

export type KskCode = keyof typeof CATALOGUE;

export function kskFinding(code: KskCode, path: string): Finding {
  const [severity, vi, en] = CATALOGUE[code];
  return finding(code, severity, path, vi, en);
}

/** Same code on the same path once: a field read by two mappers reports once. */
export function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code} ${f.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
