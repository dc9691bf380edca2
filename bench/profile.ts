/**
 * `npx tsx bench/profile.ts FILE.cpuprofile [--top N]`: where a V8 CPU profile (from
 * `BENCH_CPU_PROF=1 npm run bench`) spends its time — self time by area (hoso folders, npm
 * packages, Node internals, GC) and the functions with the most self time and total time.
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, flag, n] = process.argv.slice(2);
if (!file) throw new Error("usage: tsx bench/profile.ts FILE.cpuprofile [--top N]");
const top = flag === "--top" ? Number(n) : 25;
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);

const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);

function area(url: string, fn: string): string {
  if (fn === "(garbage collector)" || fn === "(idle)" || fn === "(program)") return fn;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  // hoso's own code by folder (src/formats, src/intake…), or by file at the top of src/.
  const src = /\/(src|bench|test)\/([^/]+)/.exec(url);
  if (src) return `${src[1]}/${src[2]}`;
  return url.startsWith("node:") || url === "" ? "node internals / native" : url;
}

const label = (node: ProfileNode) =>
  `${node.callFrame.functionName || "(anonymous)"} ${node.callFrame.url.replace(/^.*\/(src|node_modules)\//, "$1/")}:${node.callFrame.lineNumber + 1}`;

const areas = new Map<string, number>();
const fnSelf = new Map<string, number>();
const fnTotal = new Map<string, number>();
for (const [id, us] of selfUs) {
  const node = byId.get(id)!;
  const a = area(node.callFrame.url, node.callFrame.functionName);
  areas.set(a, (areas.get(a) ?? 0) + us);
  fnSelf.set(label(node), (fnSelf.get(label(node)) ?? 0) + us);
  // Total time: every distinct frame on the stack gets the sample once.
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (!seen.has(l)) fnTotal.set(l, (fnTotal.get(l) ?? 0) + us);
    seen.add(l);
  }
}

const pct = (us: number) => `${((100 * us) / totalUs).toFixed(1).padStart(5)}%`;
const print = (title: string, m: Map<string, number>) => {
  process.stdout.write(`\n${title}\n`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`${pct(v)}  ${k}\n`);
};
process.stdout.write(`${file}: ${(totalUs / 1e6).toFixed(1)} s sampled\n`);
print("self time by area", areas);
print("self time by function", fnSelf);
print("total time by function", fnTotal);
