import { describe, expect, it } from "vitest";
import { compileCondition } from "./condition.ts";

const run = (condition: string, vars: Parameters<NonNullable<ReturnType<typeof compileCondition>>>[0], unit: string | null = null) => {
  const p = compileCondition(condition, unit);
  if (!p) throw new Error(`did not compile: ${condition}`);
  return p(vars);
};

describe("compileCondition", () => {
  it("compares numbers", () => {
    expect(run("value >= 140", { value: 140 })).toBe(true);
    expect(run("value >= 140", { value: 139.9 })).toBe(false);
    expect(run("value < 18.5", { value: 18 })).toBe(true);
  });

  it("joins with && and ||, && binding tighter", () => {
    expect(run("value >= 90 && value < 95", { value: 92 })).toBe(true);
    expect(run("value >= 90 && value < 95", { value: 95 })).toBe(false);
    expect(run("sbp >= 140 || dbp >= 90", { sbp: 120, dbp: 95 })).toBe(true);
    expect(run("sbp >= 140 || dbp >= 90", { sbp: 120, dbp: 80 })).toBe(false);
    expect(run("value > 1 || value > 5 && value < 3", { value: 2 })).toBe(true);
  });

  it("reads parentheses", () => {
    expect(run("(value > 1 || value > 5) && value < 3", { value: 4 })).toBe(false);
  });

  it("compares strings and dipstick grades", () => {
    expect(run("value == 'positive'", { value: "positive" })).toBe(true);
    expect(run("value != 'negative'", { value: "trace" })).toBe(true);
    expect(run("value != 'negative'", { value: "negative" })).toBe(false);
    expect(run("grade >= '1+'", { grade: "2+" })).toBe(true);
    expect(run("grade >= '1+'", { grade: "trace" })).toBe(false);
  });

  it("accepts a unit after a number only when it is the canonical unit", () => {
    expect(run("grade >= '1+' || value >= 0.3 g/L", { value: 0.5 }, "g/L")).toBe(true);
    expect(compileCondition("value >= 0.3 g/L", "mg/dL")).toBeNull();
  });

  it("reads the ternary", () => {
    const alt = "sex=='male' ? value > 33 : value > 25";
    expect(run(alt, { sex: "male", value: 30 })).toBe(false);
    expect(run(alt, { sex: "female", value: 30 })).toBe(true);
  });

  it("never fires on a missing value or mixed types", () => {
    expect(run("value < 60", {})).toBe(false);
    expect(run("value != 'negative'", { value: 5 })).toBe(false);
    expect(run("value < 60", { value: "negative" })).toBe(false);
  });

  it.each([
    "informational",
    "age < 18: use BMI-for-age z-score",
    "z-score(age, sex) < -2 || > +2",
    "BI-RADS == 0",
    "conclusion does not match normal phrases (bình thường)",
    "value >=",
    "value > 1 )",
    "constructor == 1",
    "process.exit(1)",
    "",
  ])("does not compile %j", (condition) => {
    expect(compileCondition(condition, null)).toBeNull();
  });
});
