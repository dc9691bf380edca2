import { describe, expect, it } from "vitest";
import { catalogue } from "../../reference/data.ts";
import { COLUMNS, INPUT_COLUMNS } from "./columns.ts";
import { headerKey, withoutBrackets } from "./header.ts";
import { MEASURE_COLUMNS } from "./measure-columns.ts";

describe("template columns", () => {
  it("have unique keys and headers", () => {
    expect(new Set(COLUMNS.map((c) => c.key)).size).toBe(COLUMNS.length);
    expect(new Set(COLUMNS.map((c) => headerKey(c.header))).size).toBe(COLUMNS.length);
  });

  it("never let one name stand for two columns, so a header cannot be read as the wrong column", () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const c of COLUMNS) {
      for (const name of new Set([c.key, c.header, ...c.aliases].flatMap((n) => [headerKey(n), headerKey(withoutBrackets(n))]))) {
        const other = owner.get(name);
        if (other !== undefined && other !== c.key) clashes.push(`${name}: ${other} / ${c.key}`);
        owner.set(name, c.key);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("map every measure to a catalogue entry", () => {
    const keys = new Set(catalogue().map((e) => e.key));
    const used = MEASURE_COLUMNS.flatMap((m) => [m.key, ...(m.diastolicKey ? [m.diastolicKey] : [])]);
    expect(used.filter((k) => !keys.has(k))).toEqual([]);
  });

  it("require name, birth date and sex; describe every column in both languages", () => {
    expect(COLUMNS.filter((c) => c.required).map((c) => c.key)).toEqual(["HO_TEN", "NGAY_SINH", "GIOI_TINH"]);
    for (const c of INPUT_COLUMNS) {
      expect(c.description.vi, c.key).not.toBe("");
      expect(c.description.en, c.key).not.toBe("");
      expect(c.format.vi, c.key).not.toBe("");
    }
  });
});
