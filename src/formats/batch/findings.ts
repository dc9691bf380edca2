/**
 * Every finding the spreadsheet reader can make: stable code, severity and the message in
 * Vietnamese and English. Messages name columns, never cell values (design.md invariant 4). A
 * file-level `error` refuses the whole upload; a row-level `error` rejects that row only
 * (formats/types.ts). Row-level errors stop the record before the shared checks run
 * (intake/records.ts), so the team sees the spreadsheet problem first, in spreadsheet words.
 */
import { finding, type Finding, type Severity } from "../../checkup/finding.ts";
import type { DateProblem } from "./dates.ts";

const CATALOGUE = {
  // File level
  "BATCH-FILE-UNREADABLE": ["error", "Không đọc được tệp (không phải CSV/XLSX hợp lệ hoặc tệp bị hỏng)", "The file cannot be read (not a valid CSV/XLSX, or damaged)"],
  "BATCH-ENCODING": ["error", "Tệp không phải UTF-8; hãy lưu lại bằng \"CSV UTF-8\"", "The file is not UTF-8; save it again as \"CSV UTF-8\""],
  "BATCH-HEADER-NOT-FOUND": ["error", "Không tìm thấy dòng tiêu đề cột trong 20 dòng đầu", "No column header row was found in the first 20 rows"],
  "BATCH-COLUMN-MISSING": ["error", "Thiếu cột bắt buộc", "A required column is missing"],
  "BATCH-COLUMN-UNKNOWN": ["warning", "Cột không thuộc mẫu, đã bỏ qua", "A column is not part of the template and was ignored"],
  "BATCH-COLUMN-DUPLICATE": ["warning", "Cột bị lặp; chỉ cột đầu tiên được đọc", "A column appears twice; only the first one is read"],
  "BATCH-EXTRA-SHEETS": ["warning", "Tệp có trang tính khác ngoài \"Dữ liệu\"; các trang đó đã bị bỏ qua", "The workbook has sheets other than \"Dữ liệu\"; they were ignored"],
  "BATCH-EXAMPLE-SKIPPED": ["warning", "Dòng ví dụ của mẫu đã được bỏ qua", "The template's example row was skipped"],
  "BATCH-NO-ROWS": ["error", "Tệp không có dòng dữ liệu nào", "The file holds no data rows"],
  "BATCH-ROW-TOO-LONG": ["error", "Một dòng dài quá 1 MB; tệp bị dừng đọc tại đó", "A row is longer than 1 MB; reading stopped there"],
  "BATCH-PROGRAMME-INVALID": ["error", "Thông tin chương trình khám không hợp lệ (ngày khám hoặc tên đơn vị)", "The programme details are invalid (date or organisation)"],
  // Row level
  "BATCH-ROW-UNREADABLE": ["error", "Dòng không đọc được (dấu ngoặc kép không đóng); phần còn lại của tệp bị gộp vào dòng này", "The row cannot be read (unclosed quote); the rest of the file ran into it"],
  "BATCH-CELL-ENCODING": ["error", "Ô chứa ký tự không đọc được; hãy lưu tệp bằng \"CSV UTF-8\"", "A cell holds unreadable characters; save the file as \"CSV UTF-8\""],
  "BATCH-DATE-INVALID": ["error", "Ngày không đọc được; dùng dd/mm/yyyy, yyyy hoặc yyyy-mm-dd", "The date cannot be read; use dd/mm/yyyy, yyyy or yyyy-mm-dd"],
  "BATCH-DATE-YEAR-2DIGIT": ["error", "Năm chỉ có 2 chữ số; hãy ghi đủ 4 chữ số", "The year has 2 digits; write all 4"],
  "BATCH-DATE-ORDER": ["error", "Ngày không tồn tại theo dd/mm/yyyy; máy có thể đang dùng định dạng tháng/ngày/năm", "The date does not exist as dd/mm/yyyy; the computer may be using month/day/year"],
  "BATCH-NUMBER-SCIENTIFIC": ["error", "Số bị Excel đổi sang dạng khoa học (ví dụ 1,23E+11) và đã mất chữ số; định dạng cột là Văn bản rồi nhập lại", "Excel turned the number into scientific notation (e.g. 1.23E+11) and lost digits; format the column as Text and type it again"],
  "BATCH-LEADING-ZERO": ["warning", "Số CCCD mất số 0 đầu (Excel coi là số); đã thêm lại. Nên định dạng cột là Văn bản", "The ID number lost its leading zero (Excel read it as a number); it was restored. Format the column as Text"],
  "BATCH-KEY-ROW": ["warning", "Không có MA_LK hay STT: mã dòng lấy theo số dòng, nên sắp xếp lại dòng sẽ tạo bản ghi trùng khi gửi lại", "No MA_LK or STT: the row key uses the row number, so re-ordering rows creates duplicates on re-upload"],
  "BATCH-KEY-DUPLICATE": ["error", "MA_LK/STT trùng với một dòng trước trong cùng tệp", "MA_LK/STT repeats an earlier row of the same file"],
  "BATCH-BP-FORMAT": ["warning", "Huyết áp không đúng dạng tâm thu/tâm trương (ví dụ 120/80)", "Blood pressure is not in the form systolic/diastolic (e.g. 120/80)"],
  "BATCH-ACUITY-DATE": ["warning", "Excel đã đổi thị lực (ví dụ 8/10) thành ngày; đã đọc lại thành x/10. Nên định dạng cột là Văn bản", "Excel turned the visual acuity (e.g. 8/10) into a date; it was read back as x/10. Format the column as Text"],
  "BATCH-FORMULA": ["warning", "Ô là công thức; giá trị đã tính sẵn được dùng", "The cell is a formula; its last calculated value was used"],
  "BATCH-FORMULA-NO-RESULT": ["warning", "Ô là công thức chưa được tính; ô được coi là trống", "The cell is a formula without a calculated value; it was read as empty"],
  "BATCH-CELL-ERROR": ["warning", "Ô chứa lỗi Excel (#N/A, #DIV/0!…); ô được coi là trống", "The cell holds an Excel error (#N/A, #DIV/0!…); it was read as empty"],
  "BATCH-MERGED": ["warning", "Ô thuộc vùng gộp ô; giá trị lấy từ ô đầu của vùng", "The cell is inside merged cells; the value of the range's first cell was used"],
  "BATCH-MERGED-ACROSS": ["warning", "Ô thuộc vùng gộp ngang nhiều cột; ô được coi là trống", "The cell is inside cells merged across columns; it was read as empty"],
} as const satisfies Record<string, readonly [Severity, string, string]>;

export type BatchCode = keyof typeof CATALOGUE;

export function batchFinding(code: BatchCode, path: string, detail?: { vi: string; en: string }): Finding {
  const [severity, vi, en] = CATALOGUE[code];
  return detail ? finding(code, severity, path, `${vi}: ${detail.vi}`, `${en}: ${detail.en}`) : finding(code, severity, path, vi, en);
}

/** `ROW[7]` or `ROW[7]/HO_TEN`: rows are numbered as the spreadsheet shows them (header = row 1). */
export const rowPath = (row: number, column?: string): string => (column ? `ROW[${row}]/${column}` : `ROW[${row}]`);

export const DATE_PROBLEM_CODE: Readonly<Record<DateProblem, BatchCode>> = {
  invalid: "BATCH-DATE-INVALID",
  "two-digit-year": "BATCH-DATE-YEAR-2DIGIT",
  "month-day-order": "BATCH-DATE-ORDER",
};
