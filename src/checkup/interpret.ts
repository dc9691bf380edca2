/**
 * Sets each observation's FHIR `interpretation` and `flags` from the catalogue's `abnormalRules`
 * (checkup-catalogue.md "How to use it", step 5): a rule fires when it applies to the person
 * (`appliesTo` sex, age at the exam, pregnancy) and its condition holds; the most severe firing
 * rule gives the interpretation. Rules are compiled once per rule book.
 *
 * Rules written in prose are skipped (`RuleBook.skipped`; the test lists them): BMI-for-age and
 * head-circumference z-scores, the BMI action-points note, imaging/ECG "conclusion does not match
 * normal phrases", TI-RADS / BI-RADS parsed from text and the Bethesda category.
 */
import type { AbnormalRule } from "../reference/data.ts";
import type { Observation } from "./model.ts";
import type { CatalogueIndex } from "./catalogue-index.ts";
import { compileCondition, type Predicate, type Vars } from "./condition.ts";
import { isQualitative, parseFraction } from "./values.ts";

export interface CompiledRule {
  rule: AbnormalRule;
  test: Predicate;
}

export interface RuleBook {
  byKey: ReadonlyMap<string, readonly CompiledRule[]>;
  rulesById: ReadonlyMap<string, AbnormalRule>;
  skipped: readonly { key: string; ruleId: string }[];
}

export interface PersonFacts {
  sex: "male" | "female" | null;
  /** Years at the exam, with fraction; null when unknown. */
  age: number | null;
  /** From a urine pregnancy test in the same check-up; null when not tested. */
  pregnant: boolean | null;
}

/** The BP panel also carries its components' rules: `value` becomes `sbp` or `dbp`. */
const PANEL_COMPONENTS: Readonly<Record<string, Readonly<Record<string, "sbp" | "dbp">>>> = {
  bp_panel: { bp_systolic: "sbp", bp_diastolic: "dbp" },
};

const SEVERITY: Readonly<Record<string, number>> = { HH: 3, LL: 3, H: 2, L: 2, A: 1, POS: 1, N: 0 };

export function compileRules(index: CatalogueIndex): RuleBook {
  const byKey = new Map<string, CompiledRule[]>();
  const rulesById = new Map<string, AbnormalRule>();
  const skipped: { key: string; ruleId: string }[] = [];
  for (const [key, ie] of index.byKey) {
    const list: CompiledRule[] = [];
    for (const rule of ie.entry.abnormalRules) {
      rulesById.set(`${key}|${rule.id}`, rule);
      const test = compileCondition(rule.condition, ie.units.canonical);
      if (test) list.push({ rule, test });
      else skipped.push({ key, ruleId: rule.id });
    }
    byKey.set(key, list);
  }
  for (const [panel, components] of Object.entries(PANEL_COMPONENTS)) {
    const list = byKey.get(panel);
    for (const [component, variable] of Object.entries(components)) {
      for (const c of byKey.get(component) ?? []) {
        list?.push({ rule: c.rule, test: (v) => c.test({ ...v, value: v[variable] ?? null }) });
        rulesById.set(`${panel}|${c.rule.id}`, c.rule);
      }
    }
  }
  return { byKey, rulesById, skipped };
}

function applies(rule: AbnormalRule, p: PersonFacts): boolean {
  const a = rule.appliesTo;
  if (!a) return true;
  if (a.sex && a.sex !== p.sex) return false;
  if (a.ageMin !== undefined && (p.age === null || p.age < a.ageMin)) return false;
  if (a.ageMax !== undefined && (p.age === null || p.age > a.ageMax)) return false;
  if (a.pregnant === true && p.pregnant !== true) return false;
  if (a.pregnant === false && p.pregnant === true) return false;
  return true;
}

function varsOf(o: Observation, p: PersonFacts): Vars | null {
  const text = o.valueText;
  if (o.key === "bp_panel") {
    const f = text ? parseFraction(text) : null;
    return f && { sbp: f.top, dbp: f.bottom, sex: p.sex, age: p.age };
  }
  if (o.value !== null) return { value: o.value, decimal: o.value, sex: p.sex, age: p.age };
  if (isQualitative(text)) return { value: text, grade: text, sex: p.sex, age: p.age };
  return null;
}

/** Interpretation and flags of one mapped observation; both empty when no rule can be read. */
export function interpret(o: Observation, book: RuleBook, p: PersonFacts): Pick<Observation, "interpretation" | "flags"> {
  const rules = (o.key && book.byKey.get(o.key)?.filter((r) => applies(r.rule, p))) || [];
  const vars = rules.length > 0 ? varsOf(o, p) : null;
  if (!vars) return { interpretation: null, flags: [] };
  let worst: string | null = null;
  const flags: string[] = [];
  for (const { rule, test } of rules) {
    if (!test(vars)) continue;
    flags.push(rule.id);
    if (worst === null || (SEVERITY[rule.interpretation] ?? 0) > (SEVERITY[worst] ?? 0)) worst = rule.interpretation;
  }
  const normal = o.valueText === "negative" ? "NEG" : "N";
  return { interpretation: worst === null || worst === "N" ? normal : worst, flags };
}
