/** The `hoso` command line: one file per command under `cli/`. */
import { Command } from "commander";
import { checkCommand } from "./cli/check.ts";
import { pushCommand } from "./cli/push.ts";
import { facilityCommand, withDeps } from "./cli/facility.ts";
import { demoCommand } from "./cli/demo.ts";

const program = new Command("hoso").description("hoso — receiving hub for Vietnam's health check-up data");

program
  .command("migrate")
  .description("migrate the configured database (DATABASE_URL or the PGlite data folder)")
  .action(async () => withDeps(async () => undefined));
checkCommand(program);
pushCommand(program);
facilityCommand(program);
demoCommand(program);

await program.parseAsync(process.argv);
