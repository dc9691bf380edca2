/**
 * Contents of the template's "Hướng dẫn" (help) and "Mã" (codes) sheets, as plain rows, shared by
 * the template and the result workbook. Code lists come from the reference data (standards.md §4.7
 * sex, §5.3 health class, §5.9 funding, §6.3 provinces and communes, §7.4 ethnicities).
 */
import { adminUnits, ethnicities } from "../../reference/data.ts";
import { INPUT_COLUMNS, ROW_KEY_COLUMNS } from "./columns.ts";

export type TextRow = readonly (string | number | null)[];

const NOTES: readonly (readonly [string, string])[] = [
  ["Mỗi dòng là một người được khám. Có thể đổi thứ tự cột và xóa cột không dùng, trừ cột bắt buộc.", "One row per person screened. Columns may be re-ordered and unused ones deleted, except the required ones."],
  ["Bắt buộc: Họ và tên, Ngày sinh, Giới tính, và STT hoặc Mã lượt khám.", "Required: Họ và tên, Ngày sinh, Giới tính, and STT or Mã lượt khám."],
  ["Dòng có STT \"Ví dụ\" là dòng mẫu và được bỏ qua.", "The row whose STT is \"Ví dụ\" is an example and is skipped."],
  ["Các cột mã (CCCD, điện thoại, tỉnh, xã, thị lực, ngày) đã định dạng Văn bản để Excel giữ số 0 đầu và không đổi 8/10 thành ngày.", "Code columns (ID, phone, province, commune, acuity, dates) are formatted as Text so Excel keeps leading zeros and does not turn 8/10 into a date."],
  ["Đơn vị được khám, đợt, đội, địa điểm và ngày khám chung nhập khi tải tệp lên, không nhập trong bảng.", "Organisation, round, team, place and the programme's date are given with the upload, not in the table."],
  ["Hub trả lại chính tệp này với cột Trạng thái và Lỗi. Sửa các dòng bị từ chối rồi tải lên lại cả tệp: dòng đã nhận được thay thế, không bị nhân đôi (giữ nguyên STT).", "The hub returns this same file with Trạng thái and Lỗi columns. Fix the rejected rows and upload the whole file again: accepted rows are replaced, not duplicated (keep the STT)."],
];

export const HELP_HEADER: TextRow = ["Cột", "Mã cột", "Bắt buộc", "Mô tả", "Định dạng, mã", "Column description", "Format, codes", "Ví dụ"];

export function helpRows(): TextRow[] {
  const keyColumns: readonly string[] = ROW_KEY_COLUMNS;
  const columns = INPUT_COLUMNS.map((c): TextRow => [
    c.header,
    c.key,
    c.required ? "Có / Yes" : keyColumns.includes(c.key) ? "STT hoặc MA_LK / STT or MA_LK" : "",
    c.description.vi,
    c.format.vi,
    c.description.en,
    c.format.en,
    c.example,
  ]);
  return [
    ["Hướng dẫn điền mẫu khám sức khỏe lưu động", "How to fill in the mobile screening template"],
    ...NOTES.map(([vi, en]): TextRow => [vi, en]),
    [],
    HELP_HEADER,
    ...columns,
  ];
}

export const CODES_HEADER: TextRow = ["Danh mục", "Mã", "Tên", "Thuộc tỉnh", "Ghi chú"];

/** Funding codes: 4 and 9 confirmed, the others read from a research note (standards.md §5.9). */
const FUNDING: readonly (readonly [string, string, string])[] = [
  ["1", "Ngân sách trung ương", "chưa xác minh / unverified"],
  ["2", "Ngân sách địa phương", "chưa xác minh / unverified"],
  ["3", "Quỹ bảo hiểm y tế", "chưa xác minh / unverified"],
  ["4", "Người sử dụng lao động", ""],
  ["5", "Xã hội hóa", "chưa xác minh / unverified"],
  ["9", "Khác", ""],
];

export function codeRows(): TextRow[] {
  const units = adminUnits();
  return [
    CODES_HEADER,
    ["Giới tính (GIOI_TINH)", "1", "Nam", null, null],
    ["Giới tính (GIOI_TINH)", "2", "Nữ", null, null],
    ["Giới tính (GIOI_TINH)", "3", "Chưa xác định", null, null],
    ...["Loại I – Rất khỏe", "Loại II – Khỏe", "Loại III – Trung bình", "Loại IV – Yếu", "Loại V – Rất yếu"].map(
      (name, i): TextRow => ["Phân loại sức khỏe (PHAN_LOAI_SK)", String(i + 1), name, null, null],
    ),
    ...FUNDING.map(([code, name, note]): TextRow => ["Nguồn chi trả (NGUON_CHI_TRA)", code, name, null, note]),
    ...ethnicities().map((e): TextRow => ["Dân tộc (MA_DAN_TOC)", e.code, e.name, null, null]),
    ...units.provinces.map((p): TextRow => ["Tỉnh (MATINH_CU_TRU)", p.code, p.fullName, null, null]),
    ...units.communes.map((c): TextRow => ["Xã/Phường (MAXA_CU_TRU)", c.code, c.fullName, c.provinceCode, null]),
  ];
}

/** The template's one example row; STT "Ví dụ" makes the reader skip it. */
export const exampleRow = (): TextRow => INPUT_COLUMNS.map((c) => c.example);
