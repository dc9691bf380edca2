import { describe, expect, it } from "vitest";
import { buildCatalogueIndex } from "./catalogue-index.ts";
import { compileRules, interpret, type PersonFacts } from "./interpret.ts";
import type { Observation } from "./model.ts";
import { buildObservation } from "../../test/factories/checkup.ts";

const book = compileRules(buildCatalogueIndex());
const man: PersonFacts = { sex: "male", age: 40, pregnant: null };
const woman: PersonFacts = { sex: "female", age: 40, pregnant: null };
const obs = (o: Partial<Observation>) => buildObservation(o);

describe("compileRules", () => {
  it("skips exactly the rules written in prose", () => {
    expect(book.skipped.map((s) => `${s.key}|${s.ruleId}`).sort()).toEqual(
      [
        "bmi|bmi_action_points_note", // "informational"
        "bmi|bmi_child", // BMI-for-age z-score
        "head_circumference|head_circ_z", // z-score(age, sex)
        "chest_xray|report_abnormal_text", // "conclusion does not match normal phrases"
        "ecg|report_abnormal_text",
        "abdominal_ultrasound|report_abnormal_text",
        "thyroid_ultrasound|report_abnormal_text",
        "thyroid_ultrasound|tirads_high", // TI-RADS parsed from text
        "breast_ultrasound|report_abnormal_text",
        "breast_ultrasound|birads_suspicious", // BI-RADS parsed from text
        "breast_ultrasound|birads_incomplete",
        "pap_smear|bethesda_abnormal", // Bethesda category
      ].sort(),
    );
  });
});

describe("interpret", () => {
  it("gives the most severe firing rule and lists every rule that fired", () => {
    const r = interpret(obs({ key: "glucose_fasting", value: 7.4 }), book, man);
    expect(r.interpretation).toBe("H");
    expect(r.flags).toEqual(["diabetes_fpg"]);
    const low = interpret(obs({ key: "glucose_fasting", value: 2.8 }), book, man);
    expect(low).toEqual({ interpretation: "LL", flags: ["hypoglycaemia", "hypoglycaemia_l2"] });
  });

  it("says N when rules were read and none fired", () => {
    expect(interpret(obs({ key: "glucose_fasting", value: 5.0 }), book, man)).toEqual({ interpretation: "N", flags: [] });
  });

  it("respects appliesTo sex", () => {
    const hb = obs({ key: "hemoglobin", value: 125 });
    expect(interpret(hb, book, man).flags).toContain("anaemia_male");
    expect(interpret(hb, book, woman).flags).toEqual([]);
  });

  it("respects appliesTo age (adult-only BMI classes)", () => {
    const bmi = obs({ key: "bmi", value: 26 });
    expect(interpret(bmi, book, man).flags).toEqual(["bmi_obese1_asian"]);
    expect(interpret(bmi, book, { ...man, age: 12 })).toEqual({ interpretation: null, flags: [] });
  });

  it("respects pregnancy (anaemia threshold 110 g/L)", () => {
    const hb = obs({ key: "hemoglobin", value: 115 });
    expect(interpret(hb, book, woman).flags).toContain("anaemia_female");
    expect(interpret(hb, book, { ...woman, pregnant: true }).flags).toEqual([]);
  });

  it("evaluates the blood-pressure panel with its components' rules", () => {
    const r = interpret(obs({ key: "bp_panel", valueText: "165/95" }), book, man);
    expect(r.interpretation).toBe("HH");
    expect(r.flags).toEqual(expect.arrayContaining(["hypertension", "hypertension_sbp", "hypertension_grade2_sbp", "hypertension_dbp"]));
  });

  it("reads qualitative results and dipstick grades", () => {
    expect(interpret(obs({ key: "hbsag", valueText: "positive" }), book, man)).toEqual({ interpretation: "POS", flags: ["hbsag_positive"] });
    expect(interpret(obs({ key: "urine_protein", valueText: "2+" }), book, man)).toEqual({ interpretation: "A", flags: ["proteinuria"] });
    expect(interpret(obs({ key: "urine_protein", valueText: "negative" }), book, man)).toEqual({ interpretation: "NEG", flags: [] });
    expect(interpret(obs({ key: "urine_protein", value: 0.5 }), book, man).flags).toEqual(["proteinuria"]);
  });

  it("reads visual acuity as decimal", () => {
    expect(interpret(obs({ key: "visual_acuity_left_uncorrected", value: 0.2 }), book, man)).toEqual({
      interpretation: "L",
      flags: ["va_mild", "va_moderate"],
    });
  });

  it("evaluates the sex-dependent ALT threshold", () => {
    expect(interpret(obs({ key: "alt", value: 30 }), book, woman).flags).toEqual(["alt_acg"]);
    expect(interpret(obs({ key: "alt", value: 30 }), book, man).flags).toEqual([]);
  });

  it("keeps informational rules out of the interpretation", () => {
    expect(interpret(obs({ key: "hdl_c", value: 1.6 }), book, man)).toEqual({ interpretation: "N", flags: ["hdl_high_protective"] });
  });

  it("has nothing to say without a value", () => {
    expect(interpret(obs({ key: "glucose_fasting" }), book, man)).toEqual({ interpretation: null, flags: [] });
  });
});
