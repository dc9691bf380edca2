import { describe, expect, it } from "vitest";
import { parseIcdList } from "./icd.ts";

describe("parseIcdList", () => {
  it("splits on ; and upper-cases codes", () => {
    expect(parseIcdList("j45; J30 ;k29.7")).toEqual([
      { code: "J45", text: null },
      { code: "J30", text: null },
      { code: "K29.7", text: null },
    ]);
  });

  it("keeps the disease text beside the code, in every layout facilities use", () => {
    expect(parseIcdList("I10 - Tăng huyết áp; E11: Đái tháo đường; (K29.7) Viêm dạ dày; Gút (M10)")).toEqual([
      { code: "I10", text: "Tăng huyết áp" },
      { code: "E11", text: "Đái tháo đường" },
      { code: "K29.7", text: "Viêm dạ dày" },
      { code: "M10", text: "Gút" },
    ]);
  });

  it("reads one item per line with bullets", () => {
    expect(parseIcdList("- (I10) Tăng huyết áp\r\n- (E78.5) Rối loạn lipid máu")).toEqual([
      { code: "I10", text: "Tăng huyết áp" },
      { code: "E78.5", text: "Rối loạn lipid máu" },
    ]);
  });

  it("leaves free text without a code out", () => {
    expect(parseIcdList("Không phát hiện bệnh lý; Cận thị; H52.1 Cận thị")).toEqual([{ code: "H52.1", text: "Cận thị" }]);
    expect(parseIcdList(null)).toEqual([]);
    expect(parseIcdList("")).toEqual([]);
  });

  it("does not read a word that merely starts like a code", () => {
    expect(parseIcdList("A12bc test; B20abc")).toEqual([]);
  });
});
