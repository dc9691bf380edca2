import { describe, expect, it } from "vitest";
import type { Finding } from "../../checkup/finding.ts";
import { readVitals, vitalsToken } from "./xml5-vitals.ts";

const PATH = "HOSO[0]/XML5/CHI_TIET_DIEN_BIEN_BENH[0]/DIEN_BIEN_LS";
const read = (text: string | null) => {
  const sink: Finding[] = [];
  const r = readVitals(text, { path: PATH, resultTime: null, performer: "0001234/CT-CCHN" }, sink);
  return { values: r.observations.map((o) => [o.key, o.valueRaw, o.unitRaw]), parts: r.parts, codes: sink.map((f) => f.code) };
};

describe("CSST<…> vital signs (QĐ 4750 Bảng 5)", () => {
  it("reads the documented example into pulse, temperature, blood pressure and respiratory rate", () => {
    expect(read("CSST<M75_T37_HA120/70_NT18_HL2>")).toEqual({
      values: [
        ["pulse", "75", "lần/phút"],
        ["body_temperature", "37", "°C"],
        ["bp_systolic", "120", "mmHg"],
        ["bp_diastolic", "70", "mmHg"],
        ["respiratory_rate", "18", "lần/phút"],
      ],
      parts: { M: "75", T: "37", HA: "120/70", NT: "18", HL: "2" },
      codes: [],
    });
  });

  it("reads SpO2 as SP or SPO2, with a %", () => {
    expect(read("CSST<SP97>").values).toEqual([["spo2", "97", "%"]]);
    expect(read("CSST<SPO2 96%>").values).toEqual([["spo2", "96", "%"]]);
  });

  it("tolerates lower case, spaces, `:` after the label, a decimal comma, and spaces around the slash", () => {
    expect(read("csst < m: 88 _ t=37,5 _ ha 130 / 85 >").values.map(([k, v]) => [k, v])).toEqual([
      ["pulse", "88"],
      ["body_temperature", "37,5"],
      ["bp_systolic", "130"],
      ["bp_diastolic", "85"],
    ]);
  });

  it("finds every token inside a long note and keeps the observation's path and performer", () => {
    const sink: Finding[] = [];
    const r = readVitals("Sáng: CSST<M90>\nChiều: CSST<M80_T37>", { path: PATH, resultTime: null, performer: "X" }, sink);
    expect(r.observations.map((o) => [o.key, o.valueRaw, o.path, o.performer])).toEqual([
      ["pulse", "90", PATH, "X"],
      ["pulse", "80", PATH, "X"],
      ["body_temperature", "37", PATH, "X"],
    ]);
  });

  it("warns once on a part that does not read and keeps the parts that do", () => {
    expect(read("CSST<M75_HA120_T3x7_NT18>")).toMatchObject({
      values: [["pulse", "75", "lần/phút"], ["respiratory_rate", "18", "lần/phút"]],
      codes: ["VSS-VITALS-FORMAT"],
    });
    expect(read("CSST<M75_??>").codes).toEqual(["VSS-VITALS-FORMAT"]);
  });

  it("skips empty parts and keeps unknown labels without measuring them", () => {
    expect(read("CSST<M_T37__CN60>")).toEqual({ values: [["body_temperature", "37", "°C"]], parts: { T: "37", CN: "60" }, codes: [] });
  });

  it("reads nothing from text without a token", () => {
    expect(read("Mạch 80, huyết áp 120/80")).toEqual({ values: [], parts: {}, codes: [] });
    expect(read(null).values).toEqual([]);
  });

  it("writes a token the reader reads back", () => {
    const token = vitalsToken({ M: "72", HA: "118/76", SP: "99" });
    expect(token).toBe("CSST<M72_HA118/76_SP99>");
    expect(read(token).values.map(([k, v]) => [k, v])).toEqual([["pulse", "72"], ["bp_systolic", "118"], ["bp_diastolic", "76"], ["spo2", "99"]]);
  });
});
