import { describe, expect, it } from "vitest";
import { createChecker } from "../check.ts";
import type { Observation } from "../model.ts";
import { buildCheckup, buildObservation, CHECK_CTX } from "../../../test/factories/checkup.ts";

const check = createChecker();
const PATH = "HOSO[0]/XML11/CHI_TIET_CLS[0]";
const findingsOf = (o: Partial<Observation>) => check(buildCheckup({ observations: [buildObservation(o)] }), CHECK_CTX).findings;
const found = (o: Partial<Observation>) => findingsOf(o).map((f) => `${f.severity} ${f.code}`);

describe("plausible ranges and unit mix-ups", () => {
  it.each<[string, Partial<Observation>, string]>([
    ["glucose in mg/dL sent as mmol/L", { name: "Glucose", valueRaw: "95", unitRaw: "mmol/L" }, "mg/dL"],
    ["height in metres sent without unit", { name: "Chiều cao", valueRaw: "1.7" }, "m"],
    ["weight in grams sent as kg", { name: "Cân nặng", valueRaw: "65000", unitRaw: "kg" }, "g"],
    ["temperature in °F sent as °C", { name: "Nhiệt độ", valueRaw: "98.6", unitRaw: "°C" }, "°F"],
    ["haemoglobin in g/dL sent as g/L", { name: "Hemoglobin", valueRaw: "14", unitRaw: "g/L" }, "g/dL"],
    ["creatinine in mg/dL sent as µmol/L", { name: "Creatinin", valueRaw: "1.1", unitRaw: "µmol/L" }, "mg/dL"],
    ["visual acuity in tenths", { name: "Thị lực mắt phải không kính", valueRaw: "8" }, "x/10"],
    ["hearing distance in cm", { name: "Tai phải nói thầm", valueRaw: "500" }, "cm"],
  ])("%s is an error naming the unit it looks like", (_label, o, unit) => {
    const [f, ...rest] = findingsOf(o);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ code: "KSK-UNIT-MIXUP", severity: "error", path: PATH });
    expect(f?.message.en).toContain(`fits if read in ${unit};`);
    expect(f?.message.vi).toContain(`đơn vị ${unit};`);
  });

  it("an impossible value that no unit explains is implausible", () => {
    expect(found({ name: "Mạch", valueRaw: "720" })).toEqual(["error KSK-VALUE-IMPLAUSIBLE"]);
  });

  it("never repeats the value in the message", () => {
    const [f] = findingsOf({ name: "Glucose", valueRaw: "95.37", unitRaw: "mmol/L" });
    expect(JSON.stringify(f)).not.toContain("95.37");
  });

  it("checks each part of a blood-pressure panel", () => {
    expect(found({ name: "Huyết áp", valueRaw: "400/80" })).toEqual(["error KSK-VALUE-IMPLAUSIBLE"]);
  });

  it("accepts a value at the edge of the range", () => {
    expect(found({ name: "SpO2", valueRaw: "100", unitRaw: "%" })).toEqual([]);
  });
});

describe("units and number format", () => {
  it("warns on a decimal comma", () => {
    expect(found({ name: "Glucose", valueRaw: "5,6", unitRaw: "mmol/L" })).toEqual(["warning KSK-DECIMAL-COMMA"]);
  });

  it("warns on a unit the entry does not accept", () => {
    expect(found({ name: "Glucose", valueRaw: "5.6", unitRaw: "mEq/L" })).toEqual(["warning KSK-UNIT-UNKNOWN"]);
  });

  it("warns on a unit the catalogue keeps but does not convert", () => {
    expect(found({ name: "eGFR", valueRaw: "85", unitRaw: "mL/min" })).toEqual(["warning KSK-UNIT-UNCONVERTED"]);
  });

  it("warns on a quantity that is no number", () => {
    expect(found({ name: "Glucose", valueRaw: "chưa làm" })).toEqual(["warning KSK-VALUE-FORMAT"]);
  });

  it("says nothing of an unmapped observation", () => {
    expect(found({ name: "LYM#", valueRaw: "99999", unitRaw: "??" })).toEqual([]);
  });
});
