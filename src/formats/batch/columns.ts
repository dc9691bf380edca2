/**
 * The template's columns, in template order: Vietnamese header, stable key, description and format
 * in Vietnamese and English, required or not, example value. Keys follow the QĐ 2062 tag where one
 * exists (HO_TEN, NGAY_SINH, GIOI_TINH, SO_CCCD… standards.md §5.8). Uploads are matched on the
 * header tolerant of case, diacritics, spacing and order (header.ts); the key itself and the
 * aliases match too, so a sheet exported from another system with tag names is read as well.
 */
import type { LocalText } from "../../outcome.ts";
import { MEASURE_COLUMNS, type MeasureColumn } from "./measure-columns.ts";

export type ColumnGroup = "row" | "person" | "guardian" | "visit" | "physical" | "eyes" | "lab" | "conclusion" | "result";
export type CodeList = "sex" | "ethnicity" | "province" | "commune" | "health-class" | "funding";

export interface Column {
  key: string;
  header: string;
  aliases: readonly string[];
  group: ColumnGroup;
  /** Required columns must be present in the file; STT/MA_LK count as one (`ROW_KEY_COLUMNS`). */
  required: boolean;
  description: LocalText;
  format: LocalText;
  example: string | number | null;
  codes?: CodeList;
  /** Formatted as Text in the XLSX template, so Excel keeps leading zeros and does not turn 8/10 into a date. */
  text?: boolean;
  /** Filled by the hub in the result file; ignored on upload. */
  output?: boolean;
}

const t = (vi: string, en: string): LocalText => ({ vi, en });
const DATE_FORMAT = t("dd/mm/yyyy, chỉ năm yyyy, yyyy-mm-dd hoặc ô ngày của Excel", "dd/mm/yyyy, year only yyyy, yyyy-mm-dd or an Excel date cell");

type Spec = Omit<Column, "aliases" | "required"> & { aliases?: readonly string[]; required?: boolean };
const col = (s: Spec): Column => ({ aliases: [], required: false, ...s });

/** A file must carry at least one of these (rows are keyed by them, row-key.ts). */
export const ROW_KEY_COLUMNS = ["STT", "MA_LK"] as const;

const HEAD: readonly Column[] = [
  col({ key: "STT", header: "STT", aliases: ["số thứ tự", "TT", "số TT"], group: "row", example: "Ví dụ", text: true,
    description: t("Số thứ tự trong danh sách của đội. Giữ nguyên khi sửa và gửi lại để dòng được thay thế, không bị nhân đôi.", "Sequence number in the team's list. Keep it when fixing and re-uploading, so the row replaces the earlier one instead of duplicating it."),
    format: t("Số hoặc chữ, không trùng trong cùng chương trình. Dòng có STT \"Ví dụ\" bị bỏ qua.", "Number or text, unique within the programme. A row whose STT is \"Ví dụ\" is skipped.") }),
  col({ key: "MA_LK", header: "Mã lượt khám", aliases: ["mã LK", "mã khám"], group: "row", example: null, text: true,
    description: t("Mã lượt khám nếu phần mềm của cơ sở đã cấp; để trống thì hub tạo mã từ đợt, đội, đơn vị và STT.", "Check-up key if the facility's software issued one; if blank the hub builds it from round, team, organisation and STT."),
    format: t("Chữ và số, không trùng trong cùng cơ sở", "Letters and digits, unique within the facility") }),
  col({ key: "HO_TEN", header: "Họ và tên", aliases: ["họ tên", "tên người khám"], group: "person", required: true, example: "Nguyễn Thị Mai",
    description: t("Họ và tên đầy đủ, có dấu", "Full name, with diacritics"), format: t("Chữ", "Text") }),
  col({ key: "NGAY_SINH", header: "Ngày sinh", aliases: ["ngày tháng năm sinh", "năm sinh"], group: "person", required: true, example: "15/03/2012", text: true,
    description: t("Ngày sinh; nếu chỉ biết năm thì ghi năm", "Date of birth; the year alone if that is all that is known"), format: DATE_FORMAT }),
  col({ key: "GIOI_TINH", header: "Giới tính", aliases: ["giới"], group: "person", required: true, example: "2", codes: "sex",
    description: t("Giới tính", "Sex"), format: t("1 Nam, 2 Nữ, 3 Chưa xác định (chấp nhận chữ Nam/Nữ)", "1 male, 2 female, 3 undetermined (the words Nam/Nữ are accepted)") }),
  col({ key: "SO_CCCD", header: "Số CCCD", aliases: ["CCCD", "số định danh", "số định danh cá nhân", "căn cước", "số CMND/CCCD", "CMND"], group: "person", example: "001312012345", text: true,
    description: t("Số định danh cá nhân 12 chữ số (hoặc CMND 9 số, hộ chiếu); để trống nếu chưa có", "12-digit personal ID (or 9-digit old ID card, passport); blank if none"), format: t("Văn bản, giữ số 0 đầu", "Text, keep the leading zero") }),
  col({ key: "MA_DAN_TOC", header: "Dân tộc", aliases: ["mã dân tộc", "ma dantoc"], group: "person", example: "01", codes: "ethnicity", text: true,
    description: t("Dân tộc", "Ethnicity"), format: t("Mã 2 chữ số (trang Mã) hoặc tên dân tộc", "2-digit code (sheet Mã) or the ethnicity's name") }),
  col({ key: "DIA_CHI", header: "Địa chỉ", aliases: ["địa chỉ cư trú", "nơi ở"], group: "person", example: "Số 12 ngõ 5 phố Kim Mã",
    description: t("Số nhà, đường, thôn/xóm", "House number, street, hamlet"), format: t("Chữ", "Text") }),
  col({ key: "MATINH_CU_TRU", header: "Tỉnh", aliases: ["mã tỉnh", "tỉnh/thành phố", "tỉnh thành", "mã tỉnh cư trú"], group: "person", example: "01", codes: "province", text: true,
    description: t("Tỉnh, thành phố nơi cư trú (danh mục từ 01/07/2025)", "Province of residence (list in force since 1 July 2025)"), format: t("Mã 2 chữ số (trang Mã) hoặc tên tỉnh", "2-digit code (sheet Mã) or the province's name") }),
  col({ key: "MAXA_CU_TRU", header: "Xã/Phường", aliases: ["mã xã", "xã", "phường/xã", "mã xã cư trú"], group: "person", example: "00004", codes: "commune", text: true,
    description: t("Xã, phường nơi cư trú (danh mục từ 01/07/2025)", "Commune or ward of residence (list in force since 1 July 2025)"), format: t("Mã 5 chữ số (trang Mã) hoặc tên xã trong tỉnh đã ghi", "5-digit code (sheet Mã) or the commune's name within the province given") }),
  col({ key: "DIEN_THOAI", header: "Điện thoại", aliases: ["số điện thoại", "SĐT", "ĐT"], group: "person", example: "0912345678", text: true,
    description: t("Số điện thoại liên hệ", "Contact phone number"), format: t("Văn bản, giữ số 0 đầu", "Text, keep the leading zero") }),
  col({ key: "LOP_BO_PHAN", header: "Lớp/Bộ phận", aliases: ["lớp", "bộ phận", "phòng ban", "tổ"], group: "person", example: "6A1",
    description: t("Lớp (trường học) hoặc bộ phận (cơ quan, công ty)", "Class (school) or department (company, office)"), format: t("Chữ", "Text") }),
  col({ key: "HO_TEN_NGUOI_GIAM_HO", header: "Họ tên cha/mẹ hoặc người giám hộ", aliases: ["người giám hộ", "phụ huynh", "họ tên phụ huynh", "NGUOI_GIAM_HO"], group: "guardian", example: "Nguyễn Văn Hùng",
    description: t("Bắt buộc với trẻ dưới 6 tuổi", "Required for children under 6"), format: t("Chữ", "Text") }),
  col({ key: "DIEN_THOAI_NGH", header: "Điện thoại người giám hộ", aliases: ["SĐT phụ huynh", "điện thoại phụ huynh"], group: "guardian", example: null, text: true,
    description: t("Điện thoại của cha/mẹ hoặc người giám hộ", "Phone of the parent or guardian"), format: t("Văn bản, giữ số 0 đầu", "Text, keep the leading zero") }),
  col({ key: "NGAY_KHAM", header: "Ngày khám", aliases: ["NGAY_VAO", "thời gian khám"], group: "visit", example: "20/11/2026", text: true,
    description: t("Ngày khám; để trống thì dùng ngày của chương trình", "Exam date; blank means the programme's date"), format: t("dd/mm/yyyy [HH:MM], yyyy-mm-dd hoặc ô ngày của Excel", "dd/mm/yyyy [HH:MM], yyyy-mm-dd or an Excel date cell") }),
  col({ key: "DOI_TUONG", header: "Đối tượng", aliases: ["mã đối tượng"], group: "visit", example: null, text: true,
    description: t("Mã đối tượng theo QĐ 2062; để trống thì dùng mã của chương trình", "Target-group code (QĐ 2062); blank means the programme's code"), format: t("Mã số, nhiều mã cách nhau bởi ;", "Codes, several separated by ;") }),
  col({ key: "NGUON_CHI_TRA", header: "Nguồn chi trả", aliases: ["nguồn kinh phí"], group: "visit", example: null, codes: "funding", text: true,
    description: t("Nguồn chi trả; để trống thì dùng mã của chương trình", "Funding source; blank means the programme's code"), format: t("1, 2, 3, 4, 5 hoặc 9 (trang Mã)", "1, 2, 3, 4, 5 or 9 (sheet Mã)") }),
  col({ key: "LY_DO_KHAM", header: "Lý do khám", aliases: ["lý do", "LY_DO_VV"], group: "visit", example: null,
    description: t("Lý do khám; để trống thì dùng lý do của chương trình", "Reason for the exam; blank means the programme's reason"), format: t("Chữ", "Text") }),
];

function measureColumns(m: MeasureColumn): Column[] {
  const unitText = m.unit ? t(`Số; đơn vị ${m.unit}`, `Number; unit ${m.unit}`) : t("", "");
  const format =
    m.kind === "bp" ? t("tâm thu/tâm trương, ví dụ 120/80", "systolic/diastolic, e.g. 120/80")
    : m.kind === "acuity" ? t("x/10 (ví dụ 8/10), số thập phân, hoặc ĐNT/BBT/ST", "x/10 (e.g. 8/10), decimal, or ĐNT/BBT/ST")
    : m.kind === "qualitative" ? t("Âm tính hoặc Dương tính", "Âm tính (negative) or Dương tính (positive)")
    : m.unitColumn ? t(`Số; đơn vị mặc định ${m.unit ?? ""}, đơn vị khác ghi ở cột bên cạnh`, `Number; default unit ${m.unit ?? ""}, another unit goes in the next column`)
    : unitText;
  const main = col({ key: m.column, header: m.header, aliases: [m.name, ...m.aliases], group: m.group, example: m.example,
    text: m.kind === "acuity" || m.kind === "bp", description: t(m.name, m.nameEn), format });
  if (!m.unitColumn) return [main];
  const unit = col({ key: m.unitColumn, header: `Đơn vị ${m.header}`, aliases: [`ĐV ${m.header}`], group: m.group, example: null,
    description: t(`Đơn vị của ${m.name}; để trống là ${m.unit ?? ""}`, `Unit of ${m.nameEn}; blank means ${m.unit ?? ""}`),
    format: t(`${m.unit ?? ""} hoặc ${m.otherUnit ?? ""}`, `${m.unit ?? ""} or ${m.otherUnit ?? ""}`) });
  return [main, unit];
}

const TAIL: readonly Column[] = [
  col({ key: "PHAN_LOAI_SK", header: "Phân loại sức khỏe", aliases: ["phân loại", "xếp loại sức khỏe", "loại sức khỏe", "phân loại SK"], group: "conclusion", example: "2", codes: "health-class",
    description: t("Phân loại sức khỏe chung (bắt buộc từ 6 tuổi)", "Overall health class (required from 6 years)"), format: t("1–5 hoặc I–V (trang Mã)", "1–5 or I–V (sheet Mã)") }),
  col({ key: "KET_LUAN_BENH", header: "Bệnh, tật (ICD-10)", aliases: ["kết luận bệnh", "bệnh tật", "chẩn đoán", "mã bệnh", "ICD-10", "ICD"], group: "conclusion", example: "H52.1 - Cận thị",
    description: t("Bệnh, tật phát hiện; nhiều bệnh cách nhau bởi ;", "Diseases found; several separated by ;"), format: t("Mã ICD-10, có thể kèm tên: \"H52.1 - Cận thị; K02\"", "ICD-10 codes, optionally with the name: \"H52.1 - Cận thị; K02\"") }),
  col({ key: "VAN_DE_SUC_KHOE", header: "Vấn đề sức khỏe", aliases: ["các vấn đề sức khỏe"], group: "conclusion", example: null,
    description: t("Các vấn đề sức khỏe khác cần theo dõi", "Other health problems to follow up"), format: t("Chữ", "Text") }),
  col({ key: "TU_VAN", header: "Tư vấn", aliases: ["lời khuyên", "hướng xử trí"], group: "conclusion", example: "Khám mắt chuyên khoa",
    description: t("Tư vấn, hẹn khám lại", "Advice, follow-up appointment"), format: t("Chữ", "Text") }),
  col({ key: "BAC_SI_KET_LUAN", header: "Bác sĩ kết luận", aliases: ["bác sĩ", "BS kết luận", "người kết luận"], group: "conclusion", example: "BS. Trần Văn Bình",
    description: t("Họ tên bác sĩ kết luận", "Name of the concluding doctor"), format: t("Chữ", "Text") }),
  col({ key: "TRANG_THAI", header: "Trạng thái", group: "result", example: null, output: true,
    description: t("Hub điền khi trả kết quả: Đã nhận, Không đổi, Cần xem lại, Bị từ chối", "Filled by the hub in the result: accepted, unchanged, review, rejected"), format: t("Không cần nhập", "Leave empty") }),
  col({ key: "LOI", header: "Lỗi", aliases: ["lỗi/cảnh báo"], group: "result", example: null, output: true,
    description: t("Hub điền khi trả kết quả: mã lỗi, nội dung và cột", "Filled by the hub in the result: finding code, message and column"), format: t("Không cần nhập", "Leave empty") }),
];

export const COLUMNS: readonly Column[] = [...HEAD, ...MEASURE_COLUMNS.flatMap(measureColumns), ...TAIL];

/** Columns a team fills (the template's data columns), without the result columns. */
export const INPUT_COLUMNS: readonly Column[] = COLUMNS.filter((c) => !c.output);

export const columnByKey: ReadonlyMap<string, Column> = new Map(COLUMNS.map((c) => [c.key, c]));
