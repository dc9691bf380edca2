/** `hoso facility add|key-add|key-revoke|list`: facility administration on the configured database. */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { openDeps } from "../boot.ts";
import { listFacilities } from "../facility/facilities-repo.ts";
import { addFacility, addFacilityKey, facilityKeys, revokeFacilityKey } from "../facility/facility-service.ts";

export function facilityCommand(program: Command): void {
  const cmd = program.command("facility").description("register facilities, their logins and public keys");
  cmd
    .command("add")
    .description("register a facility with its login and (optionally) its RSA public key")
    .requiredOption("--code <code>", "5-character facility code (MA_CSKCB)")
    .option("--gln <gln>", "13-digit facility identifier (the push sender_id)")
    .requiredOption("--name <name>", "facility name")
    .requiredOption("--province <code>", "2-digit province code (2025 list)")
    .requiredOption("--kind <kind>", "hospital | commune_station | clinic | mobile_team")
    .requiredOption("--username <username>", "login for the push API")
    .requiredOption("--password <password>", "password (at least 8 characters)")
    .option("--public-key <file>", "PEM file of the facility's RSA public key")
    .action(async (o: Record<string, string>) => {
      await withDeps(async (deps) => {
        const { facility, keyId } = await addFacility(deps, {
          code: o.code!,
          gln: o.gln ?? null,
          name: o.name!,
          provinceCode: o.province!,
          kind: o.kind as "hospital",
          username: o.username!,
          password: o.password!,
          ...(o.publicKey ? { publicKeyPem: readFileSync(o.publicKey, "utf8") } : {}),
        });
        print({ ...facility, key_id: keyId });
      });
    });
  cmd
    .command("key-add <code> <pemFile>")
    .description("register another public key (rotation: old keys stay valid until revoked)")
    .action(async (code: string, pemFile: string) => {
      await withDeps(async (deps) => print(await addFacilityKey(deps, code, readFileSync(pemFile, "utf8"))));
    });
  cmd
    .command("key-revoke <code> <keyId>")
    .description("revoke a key: signatures made with it fail from now on")
    .action(async (code: string, keyId: string) => {
      await withDeps(async (deps) => {
        await revokeFacilityKey(deps, code, keyId);
        print({ key_id: keyId, status: "revoked" });
      });
    });
  cmd
    .command("keys <code>")
    .description("list a facility's keys")
    .action(async (code: string) => withDeps(async (deps) => print(await facilityKeys(deps, code))));
  cmd
    .command("list")
    .description("list facilities")
    .action(async () => withDeps(async (deps) => print(await listFacilities(deps.db, null))));
}

export async function withDeps(fn: (deps: Awaited<ReturnType<typeof openDeps>>) => Promise<void>): Promise<void> {
  const deps = await openDeps();
  try {
    await fn(deps);
  } finally {
    await deps.db.close();
  }
}

const print = (v: unknown): void => {
  process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);
};
