import { describe, expect, it } from "vitest";
import { createChecker } from "../check.ts";
import { buildCheckup, buildObservation, CHECK_CTX } from "../../../test/factories/checkup.ts";

const check = createChecker();
const found = (r: Parameters<typeof check>[0]) => check(r, CHECK_CTX).findings.map((f) => `${f.severity} ${f.code} ${f.path}`);

describe("sizes and code shapes", () => {
  it("rejects MA_LOAI_KCB longer than 2 (an internal '100')", () => {
    expect(found(buildCheckup({ visitType: "100" }))).toEqual(["error KSK-FIELD-TOO-LONG HOSO[0]/XML2/MA_LOAI_KCB"]);
  });

  it("rejects a name longer than 255 characters, without repeating it", () => {
    const [f] = check(buildCheckup({ patient: { fullName: "A".repeat(300) } }), CHECK_CTX).findings;
    expect(f).toMatchObject({ code: "KSK-FIELD-TOO-LONG", severity: "error", path: "HOSO[0]/XML1/HO_TEN" });
    expect(f?.message.vi).toContain("300");
    expect(f?.message.vi).not.toContain("AAAA");
  });

  it("rejects an over-long result row field", () => {
    const r = buildCheckup({ observations: [buildObservation({ name: "x".repeat(256), path: "HOSO[0]/XML11/CHI_TIET_CLS[0]" })] });
    expect(found(r)).toEqual(["error KSK-FIELD-TOO-LONG HOSO[0]/XML11/CHI_TIET_CLS[0]"]);
  });

  it("warns when a code lost its leading zero or has the wrong shape", () => {
    expect(found(buildCheckup({ visitType: "1" }))).toEqual(["warning KSK-CODE-FORMAT HOSO[0]/XML2/MA_LOAI_KCB"]);
    expect(found(buildCheckup({ facilityCode: "1013" }))).toEqual(["warning KSK-CODE-FORMAT HOSO[0]/XML2/MA_CSKCB"]);
    expect(found(buildCheckup({ facilityGln: "893000000001" }))).toEqual(["warning KSK-CODE-FORMAT HOSO[0]/XML2/MA_GTIN_CSKCB"]);
  });
});
