/**
 * The twelve QĐ 2062 blocks: LOAIHOSO → accepted root tags (standards.md §5.8; XML12 has two
 * roots in circulation, §5.7 row 6) and the age groups that use them.
 */
export const BLOCK_ROOTS: Readonly<Record<string, readonly string[]>> = {
  XML1: ["THONG_TIN_HANH_CHINH"],
  XML2: ["THONG_TIN_CHUNG_VE_LAN_KHAM"],
  XML3: ["DANH_GIA_DAU_HIEU_SINH_TON"],
  XML4: ["DANH_GIA_DINH_DUONG"],
  XML5: ["DANH_GIA_PHAT_TRIEN_TINH_THAN_VAN_DONG"],
  XML6: ["DANH_GIA_TIEM_CHUNG"],
  XML7: ["KHAM_LAM_SANG"],
  XML8: ["KET_LUAN_VA_TU_VAN"],
  XML9: ["TIEN_SU_BENH_TAT"],
  XML10: ["KHAM_THE_LUC"],
  XML11: ["KHAM_CAN_LAM_SANG"],
  XML12: ["KET_LUAN", "KET_LUAN_VA_TU_VAN"],
};

/** Blocks only the under-6 template has (QĐ 2062 template 01). */
export const CHILD_ONLY_BLOCKS = ["XML3", "XML4", "XML5", "XML6", "XML8"] as const;

/** Elements that repeat and must always be arrays, whether one or many arrive. */
export const KSK_ARRAY_TAGS = ["HOSO", "FILEHOSO", "CHI_TIET_CLS", "DANH_SACH_CLS"] as const;

/** `xml1`, ` XML01 ` → `XML1`; anything else is returned upper-cased and trimmed. */
export function normaliseBlockType(raw: string): string {
  const text = raw.trim().toUpperCase();
  const m = /^XML0*(\d+)$/.exec(text);
  return m ? `XML${m[1]}` : text;
}
