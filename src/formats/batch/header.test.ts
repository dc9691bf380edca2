import { describe, expect, it } from "vitest";
import { buildHeaderIndex, columnOf, looksLikeHeader, mapHeader } from "./header.ts";

const index = buildHeaderIndex();
const keyOf = (text: string) => columnOf(index, text)?.key ?? null;

describe("header matching", () => {
  it.each([
    ["Họ và tên", "HO_TEN"],
    ["HỌ VÀ TÊN", "HO_TEN"],
    ["ho va ten", "HO_TEN"],
    ["  Họ   và  tên * ", "HO_TEN"],
    ["HO_TEN", "HO_TEN"],
    ["Họ tên", "HO_TEN"],
    ["Chiều cao (cm)", "CHIEU_CAO"],
    ["chieu cao", "CHIEU_CAO"],
    ["Chiều cao (m)", "CHIEU_CAO"],
    ["BMI", "CHI_SO_BMI"],
    ["Ngày khám", "NGAY_KHAM"],
    ["NGAY_VAO", "NGAY_KHAM"],
    ["Đơn vị Glucose máu lúc đói", "DV_GLUCOSE"],
    ["DV_GLUCOSE", "DV_GLUCOSE"],
    ["Trạng thái", "TRANG_THAI"],
  ])("reads %j as %s", (text, key) => {
    expect(keyOf(text)).toBe(key);
  });

  it("leaves a header it does not know unmapped", () => {
    expect(keyOf("Ghi chú riêng")).toBeNull();
  });

  it("maps columns in any order to their positions", () => {
    const header = mapHeader(index, ["Giới tính", "", "STT", "Ngày sinh", "Họ và tên"], 3);
    expect(header.findings).toEqual([]);
    expect(Object.fromEntries(header.positions)).toEqual({ GIOI_TINH: 0, STT: 2, NGAY_SINH: 3, HO_TEN: 4 });
  });

  it("refuses a header without a required column, naming it", () => {
    const header = mapHeader(index, ["STT", "Họ và tên", "Ngày sinh"], 1);
    expect(header.findings).toHaveLength(1);
    expect(header.findings[0]).toMatchObject({ code: "BATCH-COLUMN-MISSING", severity: "error", path: "ROW[1]" });
    expect(header.findings[0]?.message.vi).toContain('"Giới tính" (GIOI_TINH)');
  });

  it("needs STT or MA_LK to key the rows", () => {
    const header = mapHeader(index, ["Họ và tên", "Ngày sinh", "Giới tính"], 1);
    expect(header.findings.map((f) => f.code)).toEqual(["BATCH-COLUMN-MISSING"]);
    expect(header.findings[0]?.message.en).toContain("STT");
    expect(mapHeader(index, ["MA_LK", "Họ và tên", "Ngày sinh", "Giới tính"], 1).findings).toEqual([]);
  });

  it("warns about unknown and repeated columns but keeps the first of a repeat", () => {
    const header = mapHeader(index, ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Ghi chú", "HO_TEN"], 1);
    expect(header.findings.map((f) => [f.code, f.severity])).toEqual([
      ["BATCH-COLUMN-DUPLICATE", "warning"],
      ["BATCH-COLUMN-UNKNOWN", "warning"],
    ]);
    expect(header.positions.get("HO_TEN")).toBe(1);
    expect(header.byPosition[5]).toBeNull();
  });

  it("does not take a title row for the header", () => {
    expect(looksLikeHeader(index, ["DANH SÁCH KHÁM SỨC KHỎE HỌC SINH", "", ""])).toBe(false);
    expect(looksLikeHeader(index, ["STT", "Họ và tên", "Ngày sinh"])).toBe(true);
  });
});
