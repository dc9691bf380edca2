import { describe, expect, it } from "vitest";
import type { TrendSeries } from "../api/types.ts";
import { niceStep, trendOption, yExtent } from "./trend-option.ts";

const systolic: TrendSeries = {
  key: "bp_systolic",
  name: { vi: "Huyết áp tâm thu", en: "Systolic blood pressure" },
  unit: "mm[Hg]",
  band: { low: 90, high: 139, unit: "mm[Hg]" },
  points: [
    { date: "2024-11-12", value: 122, interpretation: "N", checkup_id: "a" },
    { date: "2026-11-20", value: 165, interpretation: "H", checkup_id: "c" },
  ],
};
const diastolic: TrendSeries = { ...systolic, key: "bp_diastolic", name: { vi: "Huyết áp tâm trương", en: "Diastolic blood pressure" }, band: { low: 60, high: 89, unit: "mm[Hg]" }, points: [{ date: "2025-11-18", value: 84, interpretation: "N", checkup_id: "b" }] };

type Series = { name: string; data: ({ value: number; itemStyle?: { color: string } } | null)[]; markArea?: { data: [{ yAxis: number }, { yAxis: number }][] } };

describe("trend chart option", () => {
  it("picks gridline steps of 1, 2 or 5 × 10ⁿ", () => {
    expect([niceStep(100), niceStep(23), niceStep(2.5), niceStep(0.9)]).toEqual([20, 5, 0.5, 0.2]);
  });

  it("draws each series' normal band as a markArea", () => {
    const { option } = trendOption([systolic, diastolic], "vi", "Mức bình thường");
    const series = option.series as Series[];
    expect(series.map((s) => s.markArea?.data)).toEqual([[[{ yAxis: 90 }, { yAxis: 139 }]], [[{ yAxis: 60 }, { yAxis: 89 }]]]);
  });

  it("puts every series on the union of exam dates, oldest first, gaps as null", () => {
    const { dates, option } = trendOption([systolic, diastolic], "en", "Normal range");
    expect(dates).toEqual(["2024-11-12", "2025-11-18", "2026-11-20"]);
    const [sys, dia] = option.series as Series[];
    expect(sys!.data.map((d) => d?.value ?? null)).toEqual([122, null, 165]);
    expect(dia!.data.map((d) => d?.value ?? null)).toEqual([null, 84, null]);
    expect(sys!.name).toBe("Systolic blood pressure");
  });

  it("marks points outside the band in the alert colour", () => {
    const sys = (trendOption([systolic], "vi", "").option.series as Series[])[0]!;
    expect(sys.data[0]?.itemStyle).toBeUndefined();
    expect(sys.data[1]?.itemStyle?.color).toBe("#b3261e");
  });

  it("draws an upper-only band (cholesterol) from the axis floor", () => {
    const chol: TrendSeries = { ...systolic, key: "cholesterol_total", unit: "mmol/L", band: { low: null, high: 5.2, unit: "mmol/L" }, points: [{ date: "2026-11-20", value: 6.1, interpretation: "H", checkup_id: "c" }] };
    const { min, option } = trendOption([chol], "vi", "");
    expect((option.series as Series[])[0]!.markArea?.data).toEqual([[{ yAxis: min }, { yAxis: 5.2 }]]);
  });

  it("keeps every point and the whole band inside the y axis, on whole gridline steps", () => {
    const { min, max, step } = yExtent([systolic, diastolic]);
    expect(min).toBeLessThanOrEqual(60);
    expect(max).toBeGreaterThanOrEqual(165);
    expect(min).toBeGreaterThanOrEqual(0);
    expect([min / step, max / step].every(Number.isInteger)).toBe(true);
    expect(yExtent([{ ...systolic, band: { low: 3.9, high: 5.5, unit: "mmol/L" }, points: [{ date: "2026-11-20", value: 6.4, interpretation: "H", checkup_id: "c" }] }])).toEqual({ min: 3, max: 7, step: 1 });
  });
});
