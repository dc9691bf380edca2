/**
 * `hoso demo --out DIR`: writes demo KHAMSUCKHOE envelopes for the demo facilities (the same
 * facilities `npm start` registers with the same seed), one file per envelope, plus `index.json`
 * naming each file's facility (code, sender_id, login) so `hoso push` can send them.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { generatePopulation } from "../demo/population.ts";
import { generateFacilities } from "../demo/facilities.ts";
import { generateCheckups } from "../demo/checkups.ts";
import { writeKsk } from "../formats/ksk/write.ts";
import { loadConfig } from "../config.ts";

const DAY_MS = 86_400_000;

export function demoCommand(program: Command): void {
  program
    .command("demo")
    .description("write demo KHAMSUCKHOE envelopes to a folder")
    .requiredOption("--out <dir>", "folder to write to")
    .option("--count <n>", "number of check-ups", "20")
    .option("--per-file <n>", "check-ups per envelope", "5")
    .option("--seed <n>", "seed of the population and facilities (the hub's HOSO_DEMO_SEED)")
    .option("--batch <n>", "seed of this batch of check-ups (new MA_LK values per batch)", String(Date.now() % 1_000_000))
    .action((o: { out: string; count: string; perFile: string; seed?: string; batch: string }) => {
      const config = loadConfig();
      const seed = o.seed ? Number(o.seed) : config.HOSO_DEMO_SEED;
      const population = generatePopulation(seed, config.HOSO_DEMO_PERSONS);
      const facilities = generateFacilities(seed, 24);
      const now = Date.now();
      const checkups = generateCheckups(seed + Number(o.batch), {
        population,
        facilities,
        count: Number(o.count),
        from: new Date(now - 2 * DAY_MS),
        to: new Date(now - 3_600_000),
        defectRates: { late_push: 0, duplicate: 0 },
      });
      mkdirSync(o.out, { recursive: true });
      const perFile = Math.max(1, Number(o.perFile));
      const byFacility = new Map<string, typeof checkups>();
      for (const c of checkups) {
        const code = c.record.facilityCode ?? "";
        byFacility.set(code, [...(byFacility.get(code) ?? []), c]);
      }
      const index: { file: string; facilityCode: string; sender: string; username: string; records: number }[] = [];
      for (const [code, list] of byFacility) {
        const f = facilities.find((x) => x.code === code)!;
        for (let i = 0; i < list.length; i += perFile) {
          const records = list.slice(i, i + perFile).map((c, k) => ({ ...c.record, index: k, path: `HOSO[${k}]` }));
          const file = `${code}-${String(i / perFile + 1).padStart(3, "0")}.xml`;
          writeFileSync(join(o.out, file), writeKsk(records, {}));
          index.push({ file, facilityCode: code, sender: f.gln, username: f.username, records: records.length });
        }
      }
      writeFileSync(join(o.out, "index.json"), JSON.stringify(index, null, 2));
      process.stdout.write(`wrote ${index.length} envelope(s) with ${checkups.length} check-up(s) to ${o.out}\n`);
    });
}
