/** Words the book shows for codes: health class (standards.md §5.3), sex, form type (§5.8). */
import type { LocalText } from "../outcome.ts";

export interface HealthClassView extends LocalText {
  code: string;
  roman: string | null;
}

const CLASSES: Readonly<Record<string, [roman: string, vi: string, en: string]>> = {
  "1": ["I", "Rất khỏe", "Very fit"],
  "2": ["II", "Khỏe", "Fit"],
  "3": ["III", "Trung bình", "Average"],
  "4": ["IV", "Yếu", "Weak"],
  "5": ["V", "Rất yếu", "Very weak"],
};

export function healthClass(code: string | null): HealthClassView | null {
  if (code === null) return null;
  const c = CLASSES[code];
  if (!c) return { code, roman: null, vi: code, en: code };
  return { code, roman: c[0], vi: `Loại ${c[0]} – ${c[1]}`, en: `Class ${c[0]} – ${c[2]}` };
}

const SEXES: Readonly<Record<string, LocalText>> = {
  "1": { vi: "Nam", en: "Male" },
  "2": { vi: "Nữ", en: "Female" },
  "3": { vi: "Chưa xác định", en: "Undetermined" },
};

export const sexView = (code: string | null) => (code === null ? null : { code, ...(SEXES[code] ?? { vi: code, en: code }) });

const FORMS: Readonly<Record<string, LocalText>> = {
  Adult: { vi: "Khám sức khỏe người từ đủ 18 tuổi", en: "Adult check-up" },
  Minor: { vi: "Khám sức khỏe người từ 6 đến dưới 18 tuổi", en: "Check-up, 6 to 17 years" },
  ChildUnder: { vi: "Khám sức khỏe trẻ em dưới 6 tuổi", en: "Check-up, child under 6" },
  Driver: { vi: "Khám sức khỏe lái xe", en: "Driver's health check" },
};

export const formLabel = (form: string | null): LocalText => (form !== null ? FORMS[form] : undefined) ?? { vi: "Lượt khám", en: "Visit" };

const SPECIALTIES: Readonly<Record<string, [vi: string, en: string]>> = {
  noi_tuan_hoan: ["Nội khoa – Tuần hoàn", "Internal medicine – circulation"],
  noi_ho_hap: ["Nội khoa – Hô hấp", "Internal medicine – respiration"],
  noi_tieu_hoa: ["Nội khoa – Tiêu hóa", "Internal medicine – digestion"],
  noi_than_tiet_nieu: ["Nội khoa – Thận, tiết niệu", "Internal medicine – kidney and urinary tract"],
  noi_noi_tiet: ["Nội khoa – Nội tiết", "Internal medicine – endocrine"],
  noi_co_xuong_khop: ["Nội khoa – Cơ xương khớp", "Internal medicine – musculoskeletal"],
  noi_than_kinh: ["Nội khoa – Thần kinh", "Internal medicine – neurology"],
  noi_tam_than: ["Nội khoa – Tâm thần", "Internal medicine – psychiatry"],
  ngoai_khoa: ["Ngoại khoa", "Surgery"],
  da_lieu: ["Da liễu", "Dermatology"],
  san_phu_khoa: ["Sản phụ khoa", "Obstetrics and gynaecology"],
  nhi_tuan_hoan: ["Nhi khoa – Tuần hoàn", "Paediatrics – circulation"],
  nhi_ho_hap: ["Nhi khoa – Hô hấp", "Paediatrics – respiration"],
  nhi_tieu_hoa: ["Nhi khoa – Tiêu hóa", "Paediatrics – digestion"],
  nhi_than_tiet_nieu: ["Nhi khoa – Thận, tiết niệu", "Paediatrics – kidney and urinary tract"],
  nhi_than_kinh: ["Nhi khoa – Thần kinh", "Paediatrics – neurology"],
  nhi_tam_than: ["Nhi khoa – Tâm thần", "Paediatrics – psychiatry"],
  nhi_lam_sang_khac: ["Nhi khoa – Khác", "Paediatrics – other"],
  mat: ["Mắt", "Eyes"],
  tai_mui_hong: ["Tai mũi họng", "Ear, nose and throat"],
  rang_ham_mat: ["Răng hàm mặt", "Teeth and jaw"],
  da_dau_co: ["Da, đầu, cổ", "Skin, head and neck"],
  mat_tai_mui_hong: ["Mắt, tai mũi họng", "Eyes, ears, nose and throat"],
  mieng_rang: ["Miệng, răng", "Mouth and teeth"],
  ho_hap_tim_mach: ["Hô hấp, tim mạch", "Breathing and heart"],
  bung_sinh_duc: ["Bụng, sinh dục", "Abdomen and genitals"],
  than_kinh_co_xuong_khop: ["Thần kinh, cơ xương khớp", "Nerves, muscles and joints"],
  the_luc: ["Thể lực", "Physical fitness"],
};

export function specialtyName(key: string): LocalText {
  const s = SPECIALTIES[key];
  return s ? { vi: s[0], en: s[1] } : { vi: key, en: key };
}
