/**
 * The GIAMDINHHS tables (standards.md §3.5): LOAIHOSO → root element and, for list tables, the list
 * and row elements. Single-record tables carry MA_LK on the root; list tables on every row. XML6's
 * list names are not confirmed, so its rows are found by shape (rows.ts).
 */
export interface TableSpec {
  root: string;
  /** List tables: `DSACH_…` and the row element; absent for single-record tables. */
  list?: { container: string; row: string };
}

const single = (root: string): TableSpec => ({ root });
const list = (root: string, container: string, row: string): TableSpec => ({ root, list: { container, row } });

export const TABLES: Readonly<Record<string, TableSpec>> = {
  XML0: list("CHI_TIEU_TRANG_THAI_KCB", "DSACH_TRANG_THAI_KCB", "TRANG_THAI_KCB"),
  XML1: single("TONG_HOP"),
  XML2: list("CHITIEU_CHITIET_THUOC", "DSACH_CHI_TIET_THUOC", "CHI_TIET_THUOC"),
  XML3: list("CHITIEU_CHITIET_DVKT_VTYT", "DSACH_CHI_TIET_DVKT", "CHI_TIET_DVKT"),
  XML4: list("CHITIEU_CHITIET_DICHVUCANLAMSANG", "DSACH_CHI_TIET_CLS", "CHI_TIET_CLS"),
  XML5: list("CHITIEU_CHITIET_DIENBIENLAMSANG", "DSACH_CHI_TIET_DIEN_BIEN_BENH", "CHI_TIET_DIEN_BIEN_BENH"),
  XML6: { root: "CHI_TIEU_HO_SO_BENH_AN_CHAM_SOC_VA_DIEU_TRI_HIV_AIDS" },
  XML7: single("CHI_TIEU_DU_LIEU_GIAY_RA_VIEN"),
  XML8: single("CHI_TIEU_DU_LIEU_TOM_TAT_HO_SO_BENH_AN"),
  XML9: list("CHI_TIEU_DU_LIEU_GIAY_CHUNG_SINH", "DSACH_GIAYCHUNGSINH", "DU_LIEU_GIAY_CHUNG_SINH"),
  XML10: single("CHI_TIEU_DU_LIEU_GIAY_NGHI_DUONG_THAI"),
  XML11: single("CHI_TIEU_DU_LIEU_GIAY_CHUNG_NHAN_NGHI_VIEC_HUONG_BAO_HIEM_XA_HOI"),
  XML13: single("CHI_TIEU_GIAYCHUYENTUYEN"),
  XML14: single("CHI_TIEU_GIAYHEN_KHAMLAI"),
  XML15: list("CHI_TIEU_DIEUTRI_BENHLAO", "DSACH_CHITIET_DIEUTRI_BENHLAO", "CHITIET_DIEUTRI_BENHLAO"),
};

/** XML6 is a list table whose names are only known in part: its rows are found by shape. */
export const isListTable = (type: string): boolean => type === "XML6" || TABLES[type]?.list !== undefined;

/** Row elements that must always be arrays, whether one or many arrive. */
export const VSS_ARRAY_TAGS: readonly string[] = Object.values(TABLES).flatMap((t) => (t.list ? [t.list.row] : []));

export const ENVELOPE_ARRAY_TAGS = ["HOSO", "FILEHOSO"] as const;

/** MA_LOAI_KCB 15 (khám sức khỏe định kỳ) and 16 (khám sàng lọc) are check-ups (QĐ 1804/2026; standards.md §4.7). */
export const CHECKUP_VISIT_TYPES: ReadonlySet<string> = new Set(["15", "16"]);
