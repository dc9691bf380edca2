/** `hoso registry import FILE…`: load population-registry rows (CSV or NDJSON) into the embedded registry. */
import type { Command } from "commander";
import { importRegistryFile } from "../identity/registry-import.ts";
import { withDeps } from "./facility.ts";
import { applyChangeFile } from "../identity/registry-changes.ts";

export function registryCommand(program: Command): void {
  const cmd = program.command("registry").description("the embedded population registry");
  cmd
    .command("import")
    .description("import persons from CSV (header row) or NDJSON; bad rows are reported by line and skipped")
    .argument("<files...>", "CSV or .ndjson files")
    .action(async (files: string[]) => {
      await withDeps(async (deps) => {
        let bad = 0;
        for (const file of files) {
          const r = await importRegistryFile(deps.db, file);
          bad += r.rejected;
          process.stdout.write(`${file}: ${r.imported} imported, ${r.rejected} rejected\n`);
          for (const p of r.problems) process.stdout.write(`  line ${p.line}: ${p.field || "(row)"} — ${p.message}\n`);
        }
        process.stdout.write("a running hub re-reads the registry on its refresh timer, or at once on SIGHUP\n");
        process.exitCode = bad > 0 ? 1 : 0;
      });
    });
  cmd
    .command("changes")
    .description("apply the registry's change feed (NDJSON): name_change, death, id_reissue, old_id_card, guardian_link")
    .argument("<files...>", ".ndjson files, one event a line")
    .action(async (files: string[]) => {
      await withDeps(async (deps) => {
        let bad = 0;
        for (const file of files) {
          const r = await applyChangeFile(deps.db, file);
          bad += r.rejected;
          process.stdout.write(`${file}: ${r.imported} applied, ${r.rejected} rejected\n`);
          for (const p of r.problems) process.stdout.write(`  line ${p.line}: ${p.field || "(line)"} — ${p.message}\n`);
        }
        process.exitCode = bad > 0 ? 1 : 0;
      });
    });
}
