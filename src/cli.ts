/** The `hoso` command line: one file per command under `cli/`. */
import { Command } from "commander";
import { checkCommand } from "./cli/check.ts";
import { pushCommand } from "./cli/push.ts";
import { facilityCommand, withDeps } from "./cli/facility.ts";
import { demoCommand } from "./cli/demo.ts";
import { registryCommand } from "./cli/registry.ts";
import { systemClientCommand } from "./cli/system-client.ts";
import { OutcomeError } from "./outcome.ts";
import { ConfigError } from "./config.ts";

// The CLI prints results on stdout: keep the hub's info logs out of it unless asked for.
process.env.LOG_LEVEL ??= "warn";

const program = new Command("hoso").description("hoso — receiving hub for Vietnam's health check-up data");

program
  .command("migrate")
  .description("migrate the configured database (DATABASE_URL or the PGlite data folder)")
  .action(async () => withDeps(async () => undefined));
checkCommand(program);
pushCommand(program);
facilityCommand(program);
demoCommand(program);
registryCommand(program);
systemClientCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // Refusals read as the API's: stable code, then Vietnamese and English.
  if (err instanceof OutcomeError) {
    for (const i of err.outcome.issue) {
      process.stderr.write(`${i.details.coding[0]?.code ?? i.code}${i.expression ? ` (${i.expression.join(", ")})` : ""}: ${i.text.vi} / ${i.text.en}\n`);
    }
  } else if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else throw err;
  process.exitCode = 1;
}
