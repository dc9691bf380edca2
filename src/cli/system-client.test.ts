/**
 * `hoso system-client …` against a real database (a PGlite data folder, or a fresh PostgreSQL
 * database with TEST_DATABASE_URL), through commander as the CLI runs it.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { exportJWK, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { systemClientCommand } from "./system-client.ts";

let pgDb: TestDb | null = null;
const dir = mkdtempSync(join(tmpdir(), "hoso-sc-"));

beforeAll(async () => {
  process.env.LOG_LEVEL = "silent";
  process.env.HOSO_DEMO = "false";
  if (process.env.TEST_DATABASE_URL) {
    pgDb = await createTestDb();
    await pgDb.db.close();
    process.env.DATABASE_URL = pgDb.url!;
  } else process.env.HOSO_DATA_DIR = dir;
});
afterAll(async () => {
  if (pgDb) await pgDb.drop().catch(() => undefined);
});

async function hoso(...args: string[]): Promise<unknown> {
  const program = new Command("hoso").exitOverride();
  systemClientCommand(program);
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
  try {
    await program.parseAsync(["node", "hoso", ...args]);
  } finally {
    spy.mockRestore();
  }
  return JSON.parse(out.join(""));
}

describe("hoso system-client", () => {
  it("adds a client from a JWKS file, lists, disables and re-keys it", async () => {
    const jwks = join(dir, "vneid.jwks.json");
    writeFileSync(jwks, JSON.stringify({ keys: [await exportJWK((await generateKeyPair("ES256", { extractable: true })).publicKey)] }));
    expect(await hoso("system-client", "add", "--client-id", "vneid", "--name", "VNeID", "--jwks", jwks)).toMatchObject({
      client_id: "vneid",
      name: "VNeID",
      scopes: ["system/HealthBook.read", "system/HealthBookChanges.read"],
      active: true,
      keys: [{ kty: "EC", alg: "ES256" }],
    });
    expect(await hoso("system-client", "list")).toEqual([expect.objectContaining({ client_id: "vneid" })]);
    expect(await hoso("system-client", "disable", "vneid")).toMatchObject({ active: false });
    const rsa = join(dir, "vneid.pem");
    const { publicKey } = await generateKeyPair("RS256", { extractable: true });
    const { createPublicKey } = await import("node:crypto");
    writeFileSync(rsa, createPublicKey({ key: await exportJWK(publicKey), format: "jwk" }).export({ type: "spki", format: "pem" }));
    expect(await hoso("system-client", "keys", "vneid", "--public-key", rsa)).toMatchObject({ keys: [{ kty: "RSA", alg: "RS256" }] });
  });

  it("refuses an unknown scope and a missing key file, with the stable code", async () => {
    await expect(hoso("system-client", "add", "--client-id", "x1", "--name", "X", "--jwks", join(dir, "vneid.jwks.json"), "--scopes", "system/All.write")).rejects.toThrow("CLIENT-SCOPES");
    await expect(hoso("system-client", "add", "--client-id", "x2", "--name", "X")).rejects.toThrow("CLIENT-KEYS");
  });
});
