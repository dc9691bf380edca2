import { describe, expect, it } from "vitest";
import { createNormalizer, normalizeObservations } from "./normalize.ts";
import type { Observation } from "./model.ts";
import { buildCheckup, buildObservation } from "../../test/factories/checkup.ts";

const normalizer = createNormalizer();
const one = (o: Partial<Observation>, more: Partial<Observation>[] = []) => {
  const { record, notes } = normalizer.normalizeDetailed(buildCheckup({ observations: [buildObservation(o), ...more.map(buildObservation)] }));
  return { o: record.observations[0]!, note: notes[0]! };
};

describe("matching", () => {
  it("uses the key when the parser set one", () => {
    const { o } = one({ key: "body_height", name: "whatever", valueRaw: "170" });
    expect(o).toMatchObject({ key: "body_height", loinc: "8302-2", category: "vital-signs", value: 170, unit: "cm" });
  });

  it.each(["Chiều cao", "  CHIỀU   cao ", "chieu cao", "Chiều cao (cm)"])("matches the name %j", (name) => {
    expect(one({ name, valueRaw: "170" }).o.key).toBe("body_height");
  });

  it("matches a name written in decomposed Unicode (NFD)", () => {
    expect(one({ name: "Cân nặng".normalize("NFD"), valueRaw: "60" }).o.key).toBe("body_weight");
  });

  it("matches a KSK form tag and a local code with a sort prefix", () => {
    expect(one({ name: "", localCode: "HUYET_AP", valueRaw: "120/80" }).o.key).toBe("bp_panel");
    expect(one({ name: "", localCode: "002WBC", valueRaw: "6" }).o.key).toBe("wbc");
  });

  it("drops a trailing bracket when nothing else matches", () => {
    expect(one({ name: "Glucose (mmol/L)", valueRaw: "5" }).o.key).toBe("glucose_fasting");
  });

  it.each([
    ["Định lượng nồng độ cồn trong hơi thở", "alcohol_breath"],
    ["Định lượng Urê máu [Máu]", "urea"],
    ["Đo hoạt độ AST (GOT) [Máu]", "ast"],
    ["Điện tim thường", "ecg"],
    ["Siêu âm ổ bụng (gan mật, tụy, lách, thận)", "abdominal_ultrasound"],
  ])("strips procedure words and descriptors: %j", (name, key) => {
    expect(one({ name, valueRaw: "1" }).o.key).toBe(key);
  });

  it.each(["Chụp phổi CT", "Test nhanh ma túy 4 chân (Morphin, Amphetamin, Methamphetamin, Marijuana)"])(
    "does not force %j onto a catalogue entry",
    (name) => {
      expect(one({ name, valueRaw: "Âm tính" }).o.key).toBeNull();
    },
  );

  it("keeps a component key the parser set, and finds one by name", () => {
    expect(one({ key: "hearing_right_whisper", name: "Tai phải nói thầm", valueRaw: "0.5", unitRaw: "m" }).o).toMatchObject({
      key: "hearing_right_whisper",
      value: 0.5,
      unit: "m",
    });
    expect(one({ name: "Tai trái – nói thường", valueRaw: "5" }).o.key).toBe("hearing_left_normal_voice");
    expect(one({ name: "Thính lực tai trái", valueRaw: "5" }).o.key).toBe("hearing_left_ear");
  });

  it("leaves an unknown observation untouched", () => {
    const input = buildObservation({ name: "LYM#", valueRaw: "2.1", unitRaw: "G/L" });
    const out = normalizer.normalizeObservations(buildCheckup({ observations: [input] }));
    expect(out.observations[0]).toBe(input);
  });
});

describe("urine context (contextRequired)", () => {
  const urinePanel = (name: string, valueRaw: string) => [
    { name, valueRaw, serviceCode: "X9" },
    { name: "SG", valueRaw: "1.015", serviceCode: "X9" },
    { name: "NIT", valueRaw: "Âm tính", serviceCode: "X9" },
  ];

  it("reads a bare 'Glucose' as blood glucose outside a urine context", () => {
    expect(one({ name: "Glucose", valueRaw: "5.2", serviceCode: "SH" }).o.key).toBe("glucose_fasting");
  });

  it("reads 'Glucose' as urine glucose inside a urinalysis service", () => {
    const [first, ...rest] = urinePanel("Glucose", "5.5");
    expect(one(first!, rest).o.key).toBe("urine_glucose");
  });

  it("recognises a service that names urine", () => {
    expect(one({ name: "GLU", valueRaw: "2+", serviceCode: "TPT nước tiểu" }).o.key).toBe("urine_glucose");
  });

  it("reads 'Bạch cầu' in a urine panel as urine leukocytes, in a blood count as WBC", () => {
    const [first, ...rest] = urinePanel("Bạch cầu", "Âm tính");
    expect(one(first!, rest).o.key).toBe("urine_leukocytes");
    expect(one({ name: "Bạch cầu", valueRaw: "6.5", serviceCode: "HH" }).o.key).toBe("wbc");
  });

  it.each(["pro", "leu", "bil", "ery", "ph", "sg"])("never lands the short alias %j on a blood test", (name) => {
    const { o } = one({ name, valueRaw: "5.1", serviceCode: "SH" }, [{ name: "Creatinin", valueRaw: "80", serviceCode: "SH" }]);
    expect(o.key).toBeNull();
  });

  it("one urine-only alias in a chemistry panel does not make it urinalysis", () => {
    const { record } = normalizer.normalizeDetailed(
      buildCheckup({
        observations: [
          buildObservation({ name: "Pro", valueRaw: "70", serviceCode: "SH" }),
          buildObservation({ name: "Glucose", valueRaw: "5.2", serviceCode: "SH" }),
        ],
      }),
    );
    expect(record.observations.map((o) => o.key)).toEqual([null, "glucose_fasting"]);
  });
});

describe("units", () => {
  it.each([
    ["Glucose", "90", "mg/dL", 4.99554, "mmol/L"],
    ["Glucose", "5.2", "MMOL/L", 5.2, "mmol/L"],
    ["Creatinin", "80", "µmol/L", 80, "umol/L"],
    ["Creatinin", "80", "umol/l", 80, "umol/L"],
    ["Huyết áp tâm thu", "16", "kPa", 120.00992, "mm[Hg]"],
    ["Huyết áp tâm trương", "80", "mm Hg", 80, "mm[Hg]"],
    ["Chiều cao", "1.7", "m", 170, "cm"],
    ["Cân nặng", "65000", "g", 65, "kg"],
    ["Hemoglobin", "14.5", "g/dL", 145, "g/L"],
    ["Bạch cầu", "6500", "/mm3", 6.5, "10*9/L"],
    ["Nhiệt độ", "98.6", "°F", 37, "Cel"],
    ["HbA1c", "48", "mmol/mol", 6.54304, "%"],
    ["Chiều cao", "170", null, 170, "cm"],
  ] as const)("%s %s %s → %d %s", (name, valueRaw, unitRaw, value, unit) => {
    const { o } = one({ name, valueRaw, unitRaw });
    expect(o.value).toBeCloseTo(value, 4);
    expect(o.unit).toBe(unit);
  });

  it("takes a unit typed inside the value when DON_VI_DO is blank", () => {
    expect(one({ name: "Glucose", valueRaw: "90 mg/dL" }).o.value).toBeCloseTo(4.99554, 4);
  });

  it("reads a decimal comma and notes it", () => {
    const { o, note } = one({ name: "Glucose", valueRaw: "5,6", unitRaw: "mmol/L" });
    expect(o.value).toBe(5.6);
    expect(note.decimalComma).toBe(true);
  });

  it("keeps an unknown unit as text", () => {
    const { o, note } = one({ name: "Glucose", valueRaw: "5.6", unitRaw: "furlongs" });
    expect(o).toMatchObject({ value: null, unit: null, valueText: "5.6" });
    expect(note.unitStatus).toBe("unknown");
  });

  it("keeps a unit the catalogue does not convert (eGFR not normalised to 1.73 m²)", () => {
    const { o, note } = one({ name: "eGFR", valueRaw: "85", unitRaw: "mL/min" });
    expect(o.value).toBeNull();
    expect(note.unitStatus).toBe("unconvertible");
  });

  it("decides alcohol by unit: mg/L is breath, mg/100 mL blood, no unit ≤ 3 breath", () => {
    expect(one({ name: "Nồng độ cồn", valueRaw: "0.3", unitRaw: "mg/L" }).o.key).toBe("alcohol_breath");
    expect(one({ name: "Nồng độ cồn", valueRaw: "30", unitRaw: "mg/100mL" }).o.key).toBe("alcohol_blood");
    expect(one({ name: "", localCode: "KET_QUA_XN_NONG_DO_CON", valueRaw: "0" }).o.key).toBe("alcohol_breath");
  });

  it("reads urea in mg/dL as BUN when named BUN or 5–25, else as urea", () => {
    expect(one({ name: "BUN", valueRaw: "40", unitRaw: "mg/dL" }).o.value).toBeCloseTo(14.28, 2);
    expect(one({ name: "Urê", valueRaw: "14", unitRaw: "mg/dL" }).o.value).toBeCloseTo(4.998, 2);
    expect(one({ name: "Urê", valueRaw: "30", unitRaw: "mg/dL" }).o.value).toBeCloseTo(4.995, 2);
  });
});

describe("values", () => {
  it.each([
    ["8/10", 0.8],
    ["10/10", 1],
    ["20/40", 0.5],
    ["0.9", 0.9],
  ])("reads visual acuity %j as %d", (valueRaw, value) => {
    expect(one({ name: "Thị lực mắt phải không kính", valueRaw }).o.value).toBe(value);
  });

  it("keeps the acuity as typed in valueText", () => {
    expect(one({ name: "Thị lực mắt phải không kính", valueRaw: "7/10" }).o).toMatchObject({ value: 0.7, valueText: "7/10" });
  });

  it("reads x/10 as a unit", () => {
    expect(one({ name: "MP không kính", valueRaw: "8", unitRaw: "x/10" }).o.value).toBe(0.8);
  });

  it("keeps below-chart acuity codes as text without complaint", () => {
    const { o, note } = one({ name: "MP không kính", valueRaw: "ĐNT" });
    expect(o).toMatchObject({ value: null, valueText: "ĐNT" });
    expect(note.notNumeric).toBe(false);
  });

  it.each([
    ["HBsAg", "Dương tính", "positive"],
    ["Anti HCV", "Âm tính", "negative"],
    ["Amphetamin", "(+)", "positive"],
  ])("maps %s %j to valueText %s", (name, valueRaw, valueText) => {
    expect(one({ name, valueRaw }).o).toMatchObject({ value: null, valueText });
  });

  it("splits a blood-pressure panel", () => {
    const { o, note } = one({ name: "Huyết áp", valueRaw: "130 / 85", unitRaw: "mmHg" });
    expect(o).toMatchObject({ key: "bp_panel", valueText: "130/85", unit: "mm[Hg]", value: null });
    expect(note.bp).toEqual({ sbp: 130, dbp: 85 });
  });

  it("keeps imaging narrative as text", () => {
    expect(one({ name: "X-quang tim phổi thẳng", valueRaw: "Tim phổi bình thường" }).o).toMatchObject({
      key: "chest_xray",
      category: "imaging",
      valueText: "Tim phổi bình thường",
    });
  });

  it("flags a quantity that is neither a number nor a result code", () => {
    expect(one({ name: "Glucose", valueRaw: "chưa làm" }).note.notNumeric).toBe(true);
  });
});

describe("normalizeObservations", () => {
  it("is idempotent and leaves its input alone", () => {
    const input = buildCheckup({ observations: [buildObservation({ name: "Glucose", valueRaw: "90", unitRaw: "mg/dL" })] });
    const snapshot = structuredClone(input);
    const once = normalizeObservations(input);
    expect(normalizeObservations(once)).toEqual(once);
    expect(input).toEqual(snapshot);
  });
});
