/**
 * `hoso system-client add|list|keys|disable|enable`: registers the systems that call the hub with
 * client credentials and a signed JWT assertion (the VNeID backend), their public keys and scopes.
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { withDeps } from "./facility.ts";
import { invalid } from "../outcome.ts";
import { SYSTEM_SCOPES } from "../access/system-clients-token.ts";
import { registerSystemClient, replaceSystemClientKeys, setClientActive, systemClients } from "../access/system-clients.ts";

export function systemClientCommand(program: Command): void {
  const cmd = program.command("system-client").description("register system clients (VNeID…) for the client-credentials token endpoint");
  cmd
    .command("add")
    .description("register a client with its public key(s) and scopes")
    .requiredOption("--client-id <id>", "client id: the assertion's iss and sub")
    .requiredOption("--name <name>", "name shown to citizens in their access log")
    .option("--jwks <file>", "JWKS file of the client's public keys (RSA ≥ 2048 bits or EC P-256)")
    .option("--public-key <file>", "PEM file of the client's public key (instead of --jwks)")
    .option("--scopes <scopes>", `space-separated scopes (${SYSTEM_SCOPES.join(" ")})`, SYSTEM_SCOPES.join(" "))
    .action(async (o: { clientId: string; name: string; jwks?: string; publicKey?: string; scopes: string }) => {
      const keys = keysFrom(o);
      await withDeps(async (deps) =>
        print(await registerSystemClient(deps, { clientId: o.clientId, name: o.name, scopes: o.scopes.split(/\s+/).filter(Boolean), keys })),
      );
    });
  cmd
    .command("keys <clientId>")
    .description("replace a client's keys (rotation: list the old and new key together until the old one is retired)")
    .option("--jwks <file>", "JWKS file")
    .option("--public-key <file>", "PEM file")
    .action(async (clientId: string, o: { jwks?: string; publicKey?: string }) => {
      const keys = keysFrom(o);
      await withDeps(async (deps) => print(await replaceSystemClientKeys(deps, clientId, keys)));
    });
  cmd
    .command("disable <clientId>")
    .description("stop issuing tokens to a client (tokens already issued run out within HOSO_SYSTEM_TOKEN_TTL_SECONDS)")
    .action(async (clientId: string) => withDeps(async (deps) => print(await setClientActive(deps, clientId, false))));
  cmd
    .command("enable <clientId>")
    .description("issue tokens to a disabled client again")
    .action(async (clientId: string) => withDeps(async (deps) => print(await setClientActive(deps, clientId, true))));
  cmd
    .command("list")
    .description("list system clients")
    .action(async () => withDeps(async (deps) => print(await systemClients(deps))));
}

function keysFrom(o: { jwks?: string; publicKey?: string }): string {
  const file = o.jwks ?? o.publicKey;
  if (!file) return invalid("CLIENT-KEYS", { vi: "Cần --jwks <tệp> hoặc --public-key <tệp>.", en: "Give --jwks <file> or --public-key <file>." }, "keys");
  return readFileSync(file, "utf8");
}

const print = (v: unknown): void => {
  process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);
};
