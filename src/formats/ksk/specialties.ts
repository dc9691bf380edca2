/**
 * The specialty exams of XML7 KHAM_LAM_SANG (standards.md §5.2 item 4, §5.8), one entry per
 * stable specialty key. Each has a main result field (with the other spellings seen), labelled
 * detail fields composed into the result text as `Label: value; …`, a class `…_PL` (1–5, QĐ 1613)
 * and the examining doctor's e-signature `CKDT_…`. Adults and 6–18 use the organ list, the 6–18 form
 * as `NHI_KHOA_*` without classes; the under-6 form groups body areas.
 */
export interface Specialty {
  key: string;
  block: "XML7" | "XML10";
  /** Main result, first non-empty spelling wins. */
  result: readonly string[];
  /** Labelled sub-findings written before the main result. */
  details: readonly (readonly [tag: string, label: string])[];
  healthClass: readonly string[];
  doctor: readonly string[];
}

const organ = (key: string, result: string, stem: string, alt?: string): Specialty => ({
  key,
  block: "XML7",
  result: alt ? [result, alt] : [result],
  details: [],
  healthClass: alt ? [`${result}_PL`, `${alt}_PL`] : [`${stem}_PL`],
  doctor: alt ? [`CKDT_${result}`, `CKDT_${alt}`] : [`CKDT_${stem}`],
});

const child = (key: string, doctor: string, details: readonly (readonly [string, string])[]): Specialty => ({
  key, block: "XML7", result: [], details, healthClass: [], doctor: [doctor],
});

export const SPECIALTIES: readonly Specialty[] = [
  // Adults (QĐ 2062 template 03): internal medicine by organ system
  organ("noi_tuan_hoan", "NOI_KHOA_TUAN_HOAN", "NOI_KHOA_TUAN_HOAN"),
  organ("noi_ho_hap", "NOI_KHOA_HO_HAP", "NOI_KHOA_HO_HAP"),
  organ("noi_tieu_hoa", "NOI_KHOA_TIEU_HOA", "NOI_KHOA_TIEU_HOA"),
  // QĐ 2062 spells it THAN_TN_SD, QĐ 1551 tables THAN_TIETNIEU
  organ("noi_than_tiet_nieu", "NOI_KHOA_THAN_TN_SD", "NOI_KHOA_THAN_TN_SD", "NOI_KHOA_THAN_TIETNIEU"),
  organ("noi_noi_tiet", "NOI_KHOA_NOI_TIET", "NOI_KHOA_NOI_TIET"),
  organ("noi_co_xuong_khop", "NOI_KHOA_CO_XUONG_KHOP", "NOI_KHOA_CO_XUONG_KHOP"),
  organ("noi_than_kinh", "NOI_KHOA_THAN_KINH", "NOI_KHOA_THAN_KINH"),
  organ("noi_tam_than", "NOI_KHOA_TAM_THAN", "NOI_KHOA_TAM_THAN"),
  organ("ngoai_khoa", "KET_QUA_KHAM_NGOAI_KHOA", "KHAM_NGOAI_KHOA"),
  organ("da_lieu", "KET_QUA_KHAM_DA_LIEU", "KHAM_DA_LIEU"),
  organ("san_phu_khoa", "KET_QUA_KHAM_SAN_PHU_KHOA", "KHAM_SAN_PHU_KHOA"),
  // 6–18 (template 02): paediatrics by organ system, no class
  organ("nhi_tuan_hoan", "NHI_KHOA_TUAN_HOAN", "NHI_KHOA_TUAN_HOAN"),
  organ("nhi_ho_hap", "NHI_KHOA_HO_HAP", "NHI_KHOA_HO_HAP"),
  organ("nhi_tieu_hoa", "NHI_KHOA_TIEU_HOA", "NHI_KHOA_TIEU_HOA"),
  organ("nhi_than_tiet_nieu", "NHI_KHOA_THAN_TN_SD", "NHI_KHOA_THAN_TN_SD"),
  organ("nhi_than_kinh", "NHI_KHOA_THAN_KINH", "NHI_KHOA_THAN_KINH"),
  organ("nhi_tam_than", "NHI_KHOA_TAM_THAN", "NHI_KHOA_TAM_THAN"),
  organ("nhi_lam_sang_khac", "NHI_KHOA_LAM_SANG_KHAC", "NHI_KHOA_LAM_SANG_KHAC"),
  // Eyes, ENT, teeth (templates 02 and 03); acuity and hearing distances are observations
  { key: "mat", block: "XML7", result: ["BENH_KHAC_MAT"], details: [], healthClass: ["KHAM_MAT_PL"], doctor: ["CKDT_KHAM_MAT"] },
  {
    key: "tai_mui_hong",
    block: "XML7",
    result: ["BENH_KHAC_TAI_MUI_HONG", "BENH_TAI_MUI_HONG"],
    details: [],
    healthClass: ["KHAM_TAI_MUI_HONG_PL"],
    doctor: ["CKDT_KHAM_TAI_MUI_HONG"],
  },
  {
    key: "rang_ham_mat",
    block: "XML7",
    result: ["BENH_KHAC_RANG_HAM_MAT", "BENH_RANG_HAM_MAT"],
    details: [
      ["HAM_TREN", "Hàm trên"],
      ["HAM_DUOI", "Hàm dưới"],
    ],
    healthClass: ["KHAM_RANG_HAM_MAT_PL"],
    doctor: ["CKDT_KHAM_RANG_HAM_MAT"],
  },
  // Under 6 (template 01): body areas, one doctor each, no class
  child("da_dau_co", "CKDT_DA_DAU_CO", [
    ["MAU_SAC_DA", "Màu sắc da"],
    ["LONG_BAN_TAY", "Lòng bàn tay"],
    ["THOP", "Thóp"],
    ["HINH_DANG_DAU", "Kích thước và hình dạng đầu"],
    ["VAN_DONG_CO", "Vận động cổ"],
    ["KHOI_BAT_THUONG_DAU_CO", "Khối bất thường đầu, cổ"],
  ]),
  child("mat_tai_mui_hong", "CKDT_MAT_TAI_MUI_HONG", [
    ["VI_TRI_HAI_MAT", "Vị trí hai mắt"],
    ["MI_MAT_KET_MAC", "Mí mắt và kết mạc"],
    ["LAC_MAT", "Lác mắt"],
    ["DONG_TU", "Đồng tử"],
    ["TAI_MANG_NHI", "Tai và màng nhĩ"],
    ["DAP_UNG_AM_THANH", "Đáp ứng với âm thanh"],
    ["KHOI_SUNG_SAU_TAI", "Khối sưng sau tai"],
    ["CHAY_MU_NUOC_TAI", "Chảy mủ, nước tai"],
    ["HINH_DANG_MUI", "Hình dạng mũi"],
    ["CHAY_NUOC_MUI", "Chảy nước mũi"],
    ["NGHET_MUI", "Nghẹt mũi"],
    ["HONG", "Họng"],
  ]),
  child("mieng_rang", "CKDT_MIENG_RANG", [
    ["HINH_DANG_MIENG", "Hình dạng miệng"],
    ["RANG_SUA_SO_SINH", "Răng sữa sơ sinh"],
    ["HINH_DANG_LUOI", "Hình dạng lưỡi"],
    ["DINH_THANG_LUOI", "Dính thắng lưỡi"],
    ["NAM_MIENG", "Nấm miệng"],
    ["CAM_NHO_TUT_VE_SAU", "Cằm nhỏ, tụt về sau"],
    ["SAU_MANG_BAM_LO", "Vết sâu, mảng bám, lỗ trên răng"],
  ]),
  child("ho_hap_tim_mach", "CKDT_HO_HAP_TIM_MACH", [
    ["NHIP_THO_KHONG_DEU", "Nhịp thở không đều"],
    ["THO_RUT_LOM_LONG_NGUC", "Thở rút lõm lồng ngực"],
    ["TIENG_THO_BAT_THUONG", "Tiếng thở bất thường"],
    ["SUY_HO_HAP", "Dấu hiệu suy hô hấp"],
    ["NGHE_PHOI", "Nghe phổi"],
    ["VI_TRI_MOM_TIM", "Vị trí mỏm tim"],
    ["MACH_NGOAI_VI", "Mạch ngoại vi"],
    ["TIENG_TIM", "Nghe tim"],
  ]),
  child("bung_sinh_duc", "CKDT_BUNG_SINH_DUC", [
    ["HINH_DANG_BUNG_RON", "Hình dáng bụng, rốn"],
    ["GAN_LACH_TO", "Gan, lách to"],
    ["KHOI_BAT_THUONG", "Khối bất thường ở bụng"],
    ["LO_HAU_MON", "Lỗ hậu môn"],
    ["CO_QUAN_SINH_DUC_NGOAI", "Cơ quan sinh dục ngoài"],
  ]),
  child("than_kinh_co_xuong_khop", "CKDT_THAN_KINH_CO_XUONG_KHOP", [
    ["VAN_DONG_KHONG_DOI_XUNG", "Vận động không đối xứng"],
    ["PHAN_XA_BU", "Phản xạ bú"],
    ["PHAN_XA_NAM", "Phản xạ nắm"],
    ["PHAN_XA_MORO", "Phản xạ Moro"],
    ["TRUONG_LUC_CO", "Trương lực cơ"],
    ["KHOP_HANG", "Khớp háng"],
    ["PHAN_XA_CO", "Phản xạ cơ"],
    ["KIEM_TRA_LUNG_COT_SONG", "Lưng, cột sống"],
    ["TU_CHI_KHOP", "Tứ chi và khớp"],
    ["QUAN_SAT_DANG_DI", "Dáng đi"],
  ]),
  // Physical fitness class of XML10 KHAM_THE_LUC (≥ 6 y): a class without result text
  { key: "the_luc", block: "XML10", result: [], details: [], healthClass: ["KHAM_THE_LUC_PL"], doctor: ["CKDT_KHAM_THE_LUC"] },
];

/** `Label: value; …` of the detail fields, then the main result. */
export function composeResult(details: readonly (readonly [string, string, string | null])[], main: string | null): string | null {
  const parts = details.flatMap(([, label, value]) => (value === null ? [] : [`${label}: ${value}`]));
  if (main !== null) parts.push(main);
  return parts.length === 0 ? null : parts.join("; ");
}
