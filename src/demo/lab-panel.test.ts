import { describe, expect, it } from "vitest";
import { catalogue } from "../reference/data.ts";
import type { FacilityStyle, Variant } from "./facility-style.ts";
import { labPanel, panelRows, panelTemplate } from "./lab-panel.ts";
import { adultMeasures, traitsOf } from "./physiology.ts";
import { createRng } from "./rng.ts";

const entries = catalogue();
const panel = labPanel(entries);
const style = (v: Variant): FacilityStyle => ({ names: v, units: v, codes: v, urine: v, birthDateCompact: false, lipids: true, doctors: ["BS. A"] });
const measures = adultMeasures(createRng(1), traitsOf("001085000001"), "1", 45, 2026);

describe("adult paraclinical panel", () => {
  it("writes about 25–30 rows with names and units a normaliser can map", () => {
    const aliases = new Map(entries.map((e) => [e.key, new Set([e.nameVi, ...e.aliasesVi].map((a) => a.toLowerCase()))]));
    const allAliases = new Set([...aliases.values()].flatMap((s) => [...s]));
    const units = new Set(entries.flatMap((e) => e.acceptedUnits.map((u) => u.unit)));
    for (const v of [0, 1, 2] as const) {
      const { rows } = panelRows(panelTemplate(panel, style(v), "HOSO[0]"), measures, "BS. A");
      expect(rows.length).toBeGreaterThanOrEqual(25);
      rows.forEach((row, i) => {
        expect(allAliases.has(row.name.toLowerCase()), row.name).toBe(true);
        if (row.unitRaw !== null) expect(units.has(row.unitRaw), row.unitRaw).toBe(true);
        expect(row.key).toBeNull();
        expect(row.value).toBeNull();
        expect(row.loinc).toBeNull();
        expect(row.localCode).not.toBeNull();
        expect(row.path).toBe(`HOSO[0]/XML11/CHI_TIET_CLS[${i}]`);
      });
    }
  });

  it("converts values into the unit it prints", () => {
    const gL = panelRows(panelTemplate(panel, style(0), "HOSO[0]"), measures, "BS. A").rows.find((r) => r.name === "Huyết sắc tố (HGB)");
    const gdL = panelRows(panelTemplate(panel, style(2), "HOSO[0]"), measures, "BS. A").rows.find((r) => r.name === "HGB");
    expect(gL?.unitRaw).toBe("g/L");
    expect(gdL?.unitRaw).toBe("g/dL");
    expect(Number(gL?.valueRaw)).toBeCloseTo(Number(gdL?.valueRaw) * 10, 0);
  });

  it("skips the lipid panel where the facility does not run it", () => {
    const full = panelRows(panelTemplate(panel, style(0), "HOSO[0]"), measures, "BS. A").rows;
    const basic = panelRows(panelTemplate(panel, { ...style(0), lipids: false }, "HOSO[0]"), measures, "BS. A").rows;
    expect(full.length - basic.length).toBe(5);
    expect(basic.some((r) => r.name.startsWith("Cholesterol"))).toBe(false);
  });
});
