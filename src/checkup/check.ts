/**
 * The check-up checks: "đúng, đủ, sạch, sống" (correct, complete, clean, current). A checker
 * normalises the observations onto the catalogue, runs every rule in `checks/` and sets each
 * observation's interpretation and flags from the catalogue's abnormal rules. An `error` finding
 * rejects the record, a `warning` keeps it (finding.ts). Pure: the clock comes in `ctx`, the only
 * reads are the reference loaders, and all indexes are built once per `createChecker()` — this
 * runs per record on the intake hot path.
 */
import { adminUnits, ethnicities } from "../reference/data.ts";
import { prefixIndex } from "../identity/personal-id.ts";
import type { Finding } from "./finding.ts";
import type { CheckupRecord, Observation } from "./model.ts";
import { ageAt, ageGroupOf } from "./age.ts";
import { createNormalizer } from "./normalize.ts";
import { compileRules, interpret, type PersonFacts } from "./interpret.ts";
import { itemPath, type Check, type CheckContext, type CheckIndexes, type CheckInput } from "./checks/context.ts";
import { checkRequired } from "./checks/required.ts";
import { checkAgeGroup, checkDates } from "./checks/dates.ts";
import { checkSizes } from "./checks/sizes.ts";
import { checkPersonalId } from "./checks/identity.ts";
import { checkAdminUnits } from "./checks/admin-units.ts";
import { checkCodes } from "./checks/codes.ts";
import { checkIcd } from "./checks/icd.ts";
import { checkMeasures } from "./checks/measures.ts";
import { checkCrossField } from "./checks/cross-field.ts";
import { checkTimeliness } from "./checks/timeliness.ts";
import { checkHealthClass } from "./checks/health-class.ts";
import { buildMixupHints } from "./checks/unit-mixup.ts";

export type { CheckContext } from "./checks/context.ts";

export interface CheckResult {
  /** Normalised record with `interpretation` and `flags` set on its observations. */
  record: CheckupRecord;
  findings: Finding[];
}

export type Checker = (record: CheckupRecord, ctx: CheckContext) => CheckResult;

/** In report order: complete, correct, clean, then measures and timeliness. */
export const CHECKS: readonly Check[] = [
  checkRequired,
  checkDates,
  checkAgeGroup,
  checkSizes,
  checkPersonalId,
  checkAdminUnits,
  checkCodes,
  checkIcd,
  checkMeasures,
  checkCrossField,
  checkTimeliness,
  checkHealthClass,
];

function personFacts(record: CheckupRecord, age: number | null): PersonFacts {
  const sex = record.patient.sex?.trim();
  const test = record.observations.find((o) => o.key === "pregnancy_test_urine" && o.valueText !== null);
  return {
    sex: sex === "1" ? "male" : sex === "2" ? "female" : null,
    age,
    pregnant: test ? test.valueText === "positive" : null,
  };
}

export function createChecker(): Checker {
  const normalizer = createNormalizer();
  const units = adminUnits();
  const idx: CheckIndexes = {
    catalogue: normalizer.index,
    rules: compileRules(normalizer.index),
    hints: buildMixupHints(normalizer.index),
    provinces: new Set(units.provinces.map((p) => p.code)),
    communes: new Map(units.communes.map((c) => [c.code, c.provinceCode])),
    ethnicities: new Set(ethnicities().map((e) => e.code)),
    prefixes: prefixIndex(),
  };

  return (input, ctx) => {
    const { record, notes } = normalizer.normalizeDetailed(input);
    const birth = record.patient.birthDate;
    const age = birth && record.examTime ? ageAt(birth, record.examTime) : null;
    const c: CheckInput = {
      record,
      notes,
      ctx,
      age,
      ageGroup: record.ageGroup ?? (age !== null ? ageGroupOf(age) : "adult"),
      idx,
    };
    const findings: Finding[] = [];
    for (const check of CHECKS) check(c, findings);

    // A value the checks rejected is a data-entry error, not a clinical finding: not interpreted.
    const rejected = new Set(findings.filter((f) => f.severity === "error").map((f) => f.path));
    const facts = personFacts(record, age);
    const observations = record.observations.map((o): Observation => {
      const mapped = o.key !== null && !rejected.has(itemPath(record, o));
      const { interpretation, flags } = mapped ? interpret(o, idx.rules, facts) : { interpretation: null, flags: [] };
      return { ...o, interpretation, flags };
    });
    return { record: { ...record, observations }, findings };
  };
}

// Memo of a checker built from immutable reference data, for callers without their own; never
// changed once set. Hot paths hold the result of `createChecker()`.
let memo: Checker | undefined;

export function checkRecord(record: CheckupRecord, ctx: CheckContext): CheckResult {
  return (memo ??= createChecker())(record, ctx);
}
