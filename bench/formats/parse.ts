/**
 * Parse cost per record of KHAMSUCKHOE and GIAMDINHHS on the same demo check-ups, in CPU time
 * (issue 3: "GIAMDINHHS throughput at least that of KHAMSUCKHOE per record"). Each check-up is
 * written once as a KHAMSUCKHOE envelope (writeKsk) and once as a GIAMDINHHS file (writeVss, a
 * check-up visit of type 15), one record per document as the push and the gateway receive them;
 * then parseKsk and parseVss run over them in a hot loop. No database, no checks, no HTTP. The demo
 * defects are on at their default rates, as in `hoso demo`.
 *
 *   npx tsx bench/formats/parse.ts [--count 2000] [--rounds 7] [--only GIAMDINHHS]
 */
import { parseArgs } from "node:util";
import { checkupStream, generateFacilities, generatePopulation, type DemoCheckup } from "../../src/demo/index.ts";
import { parseKsk } from "../../src/formats/ksk/parse.ts";
import { writeKsk } from "../../src/formats/ksk/write.ts";
import { parseVss } from "../../src/formats/vss/parse.ts";
import { writeVss } from "../../src/formats/vss/write.ts";

export interface ParseCost {
  format: string;
  /** Median over the rounds of CPU microseconds per record. */
  usPerRecord: number;
  bytesPerRecord: number;
}

export function demoCheckups(seed: number, count: number): DemoCheckup[] {
  const now = Date.now();
  return Array.from(
    checkupStream(seed, {
      population: generatePopulation(seed, Math.max(500, count)),
      facilities: generateFacilities(seed, 5),
      count,
      from: new Date(now - 30 * 24 * 3_600_000),
      to: new Date(now - 3_600_000),
      defectRates: {},
    }),
  );
}

export function measureParse(checkups: readonly DemoCheckup[], rounds: number, only?: string): ParseCost[] {
  const all: Format[] = [
    { format: "KHAMSUCKHOE", docs: checkups.map((c) => Buffer.from(writeKsk([c.record]))), parse: (b) => parseKsk(b).records.length },
    { format: "GIAMDINHHS", docs: checkups.map((c) => Buffer.from(writeVss([{ record: { ...c.record, format: "vss" as const, visitType: "15" } }]))), parse: (b) => parseVss(b).records.length },
  ];
  const formats = all.filter((f) => only === undefined || f.format === only);
  for (const f of formats) for (const d of f.docs.slice(0, 200)) f.parse(d); // warm the JIT
  // Rounds alternate between the formats, so that other load on the machine falls on both alike.
  const perRound = formats.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) formats.forEach((f, k) => perRound[k]!.push(roundCost(f)));
  return formats.map((f, k) => ({
    format: f.format,
    usPerRecord: median(perRound[k]!),
    bytesPerRecord: Math.round(f.docs.reduce((n, d) => n + d.length, 0) / f.docs.length),
  }));
}

interface Format {
  format: string;
  docs: readonly Buffer[];
  parse: (b: Buffer) => number;
}

function roundCost(f: Format): number {
  let records = 0;
  const t0 = process.cpuUsage();
  for (const d of f.docs) records += f.parse(d);
  const used = process.cpuUsage(t0);
  return (used.user + used.system) / records;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      count: { type: "string", default: "2000" },
      rounds: { type: "string", default: "7" },
      seed: { type: "string", default: "2026" },
      only: { type: "string" },
    },
  });
  const checkups = demoCheckups(Number(values.seed), Number(values.count));
  const costs = measureParse(checkups, Number(values.rounds), values.only);
  for (const c of costs) {
    console.log(`${c.format.padEnd(12)} ${c.usPerRecord.toFixed(0).padStart(5)} µs CPU per record  (${c.bytesPerRecord} bytes a document)`);
  }
  const [ksk, vss] = costs;
  if (ksk && vss) console.log(`GIAMDINHHS ÷ KHAMSUCKHOE time per record: ${(vss.usPerRecord / ksk.usPerRecord).toFixed(2)} (≤ 1.00 = GIAMDINHHS at least as fast)`);
}
