/**
 * Abnormal findings of a checked record, for follow-up tasks and the health book: one item per
 * catalogue rule that fired on an observation (`flags`, set by check.ts), with its interpretation
 * and meaning. Informational rules (interpretation `N`, e.g. a protective HDL level) are left out.
 */
import type { CheckupRecord } from "./model.ts";
import { buildCatalogueIndex } from "./catalogue-index.ts";
import { compileRules, type RuleBook } from "./interpret.ts";

export interface AbnormalFinding {
  key: string;
  ruleId: string;
  interpretation: string;
  meaningVi: string;
  meaningEn: string;
  /** The observation's path, to point back at the result. */
  path: string;
}

// Memo of a rule book over immutable reference data; never changed once set.
let memo: RuleBook | undefined;

export function abnormalFindings(record: CheckupRecord, book: RuleBook = (memo ??= compileRules(buildCatalogueIndex()))): AbnormalFinding[] {
  const out: AbnormalFinding[] = [];
  for (const o of record.observations) {
    if (o.key === null) continue;
    for (const ruleId of o.flags) {
      const rule = book.rulesById.get(`${o.key}|${ruleId}`);
      if (!rule || rule.interpretation === "N") continue;
      const { interpretation, meaningVi, meaningEn } = rule;
      out.push({ key: o.key, ruleId, interpretation, meaningVi, meaningEn, path: o.path });
    }
  }
  return out;
}
