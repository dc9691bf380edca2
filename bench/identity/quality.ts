/**
 * Identity matching quality on labelled demo data (issue 4): `npx tsx bench/identity/quality.ts
 * [--registry N] [--records N] [--seed N]`. Prints precision and recall of automatic links, the
 * review and new shares against the targets, and a table per defect; exits 1 if a target is missed.
 */
import { parseArgs } from "node:util";
import { matchRecord, DEFAULT_MATCH_SETTINGS } from "../../src/identity/match/index.ts";
import { INCOMING_RATES, GENERATOR_RATES } from "./incoming.ts";
import { count, emptyTally, pct, rates, type Tally } from "./metrics.ts";
import { REGISTRY_RATES } from "./registry.ts";
import { benchSetup } from "./setup.ts";
import { outcomeOf, sweep, type Outcome } from "./sweep.ts";

const TARGETS = { precision: 0.999, recall: 0.95, reviewShare: 0.03 };

const { values } = parseArgs({
  options: {
    registry: { type: "string", default: "1000000" },
    records: { type: "string", default: "100000" },
    seed: { type: "string", default: "2026" },
    /** Multiplies every incoming defect rate (stress run). */
    defects: { type: "string", default: "1" },
  },
});
const seed = Number(values.seed);
const scale = Number(values.defects);
const { index, inputs, facts, seconds } = benchSetup(seed, Number(values.registry), Number(values.records), scale);
const started = performance.now();

const all = emptyTally();
const outcomes: Outcome[] = [];
const reasons = new Map<string, number>();
const byTag = new Map<string, Tally>();
const clean = emptyTally();
for (const { input, truth, tags } of inputs) {
  const result = matchRecord(input, index, DEFAULT_MATCH_SETTINGS);
  count(all, truth, result);
  outcomes.push(outcomeOf(result, truth));
  if (result.decision === "review") for (const why of result.reasons) reasons.set(why, (reasons.get(why) ?? 0) + 1);
  if (tags.length === 0) count(clean, truth, result);
  for (const tag of tags) {
    let t = byTag.get(tag);
    if (!t) byTag.set(tag, (t = emptyTally()));
    count(t, truth, result);
  }
}
const done = performance.now();

const r = rates(all);
const line = (name: string, value: number, target: number, atLeast: boolean): string =>
  `| ${name} | ${pct(value)} | ${atLeast ? "≥" : "≤"} ${pct(target, 1)} | ${(atLeast ? value >= target : value <= target) ? "met" : "MISSED"} |`;
console.log(`defect rates × ${scale}; registry ${facts.registry.toLocaleString("en")} persons (${facts.twins} twins, ${facts.formerIds} former IDs, ${facts.bhxh} BHXH numbers); ${all.records.toLocaleString("en")} records, ${all.inRegistry.toLocaleString("en")} of people in the registry; seed ${seed}`);
console.log(`generating ${(seconds.population + seconds.incoming).toFixed(1)} s, index ${seconds.index.toFixed(1)} s, matching ${((done - started) / 1000).toFixed(1)} s\n`);
console.log("| measure | value | target | |\n| --- | --- | --- | --- |");
console.log(line("automatic-link precision", r.precision, TARGETS.precision, true));
console.log(line("automatic-link recall", r.recall, TARGETS.recall, true));
console.log(line("review share", r.reviewShare, TARGETS.reviewShare, false));
console.log(`| new-person share | ${pct(r.newShare)} | | |`);
console.log(`| wrong automatic links | ${r.wrongLinks} of ${all.linked.toLocaleString("en")} | | |`);
console.log(`| reviews with the true person first | ${pct(all.reviewRightFirst / Math.max(1, all.review), 1)} | | |`);
console.log(`| known people called new | ${all.newButKnown} | | |\n`);

console.log("| defect tag | records | linked right | wrong links | review | new | known called new |\n| --- | --- | --- | --- | --- | --- | --- |");
const row = (tag: string, t: Tally): string =>
  `| ${tag} | ${t.records} | ${pct(t.linkedRight / Math.max(1, t.records), 1)} | ${t.linked - t.linkedRight} | ${pct(t.review / Math.max(1, t.records), 1)} | ${pct(t.new / Math.max(1, t.records), 1)} | ${t.newButKnown} |`;
console.log(row("(none)", clean));
for (const [tag, t] of [...byTag].sort((a, b) => b[1].records - a[1].records)) console.log(row(tag, t));
console.log(`\nreview reasons (a record may have several): ${[...reasons].map(([k, v]) => `${k} ${v}`).join(", ")}`);
console.log(`\nlink-threshold sweep (review threshold ${DEFAULT_MATCH_SETTINGS.reviewThreshold}, margin ${DEFAULT_MATCH_SETTINGS.margin}; default link threshold ${DEFAULT_MATCH_SETTINGS.linkThreshold}):\n`);
console.log("| link threshold | precision | recall | review share | wrong links |\n| --- | --- | --- | --- | --- |");
for (const s of sweep(outcomes, DEFAULT_MATCH_SETTINGS, [12, 16, 20, 24, 28, 32, 36, 40])) {
  console.log(`| ${s.linkThreshold} | ${pct(s.precision, 3)} | ${pct(s.recall)} | ${pct(s.reviewShare)} | ${s.wrongLinks} |`);
}
console.log(`\nrates (× ${scale}): generator ${JSON.stringify(GENERATOR_RATES)}, incoming ${JSON.stringify(INCOMING_RATES)}, registry ${JSON.stringify(REGISTRY_RATES)}`);
const met = r.precision >= TARGETS.precision && r.recall >= TARGETS.recall && r.reviewShare <= TARGETS.reviewShare;
process.exitCode = met ? 0 : 1;
