/**
 * Identity matching throughput (issue 4): 100,000 incoming records against a registry of
 * 1,000,000 generated persons. `npx tsx bench/identity/throughput.ts [--registry N] [--records N]
 * [--seed N]`. Prints records per second (wall clock and per CPU second, since the benchmark
 * machine may be shared), the index's build time and resident size, and the process's peak RSS.
 */
import { parseArgs } from "node:util";
import { matchRecord, DEFAULT_MATCH_SETTINGS, type MatchDecision } from "../../src/identity/match/index.ts";
import { REGISTRY_RATES } from "./registry.ts";
import { benchSetup, collect, peakRssMb, residentMb } from "./setup.ts";

const { values } = parseArgs({
  options: { registry: { type: "string", default: "1000000" }, records: { type: "string", default: "100000" }, seed: { type: "string", default: "2026" } },
});

collect();
const baseline = residentMb();
// Nobody held out: the registry is the whole generated population (plus the inserted twins).
const setup = benchSetup(Number(values.seed), Number(values.registry), Number(values.records), 1, { ...REGISTRY_RATES, heldOut: 0 });
const { index, facts, seconds } = setup;
let inputs = setup.inputs;
setup.inputs = [];
collect();
const withInputs = residentMb();

const decisions: Record<MatchDecision, number> = { linked: 0, review: 0, new: 0 };
const cpu = process.cpuUsage();
const started = performance.now();
for (const { input } of inputs) decisions[matchRecord(input, index, DEFAULT_MATCH_SETTINGS).decision]++;
const wall = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
const cpuSeconds = (used.user + used.system) / 1e6;
const n = inputs.length;
inputs = [];
collect();
const indexMb = residentMb() - baseline;
// The crosswalks (old and cancelled numbers, BHXH numbers) are plain Maps handed to the index.
index.crosswalks = {};
collect();
const crosswalkMb = indexMb - (residentMb() - baseline);

const f = (x: number, d = 0): string => x.toLocaleString("en", { maximumFractionDigits: d, minimumFractionDigits: d });
console.log(`registry ${f(facts.registry)} persons (${f(Number(values.registry))} generated + ${f(facts.twins / 2)} inserted twins; ${f(facts.formerIds)} former IDs, ${f(facts.bhxh)} BHXH numbers in the crosswalks), ${f(n)} incoming records, seed ${values.seed}, Node ${process.version}, ${f(seconds.population, 1)} s to generate the population\n`);
console.log("| measure | value |\n| --- | --- |");
console.log(`| index build | ${f(seconds.index, 1)} s |`);
console.log(`| index resident (heap + typed arrays, after GC) | ${f(indexMb)} MB, of which crosswalk Maps ${f(crosswalkMb)} MB |`);
console.log(`| index + ${f(n)} inputs resident | ${f(withInputs - baseline)} MB |`);
console.log(`| matching, wall clock | ${f(wall, 1)} s → ${f(n / wall)} records/s |`);
console.log(`| matching, CPU time | ${f(cpuSeconds, 1)} s → ${f(n / cpuSeconds)} records per CPU-second |`);
console.log(`| peak RSS of the whole run (population generation included) | ${f(peakRssMb())} MB |`);
console.log(`| decisions | linked ${f(decisions.linked)}, review ${f(decisions.review)}, new ${f(decisions.new)} |`);
