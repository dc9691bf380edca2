/**
 * A database the hub process can open: a PGlite data folder by default, a fresh PostgreSQL database
 * when TEST_DATABASE_URL is set. The registry gets the test citizens and a facility is registered
 * through the CLI — each in its own process that ends before the hub starts, since PGlite lets one
 * process at a time open a data folder.
 */
import { execFile } from "node:child_process";
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { openDb } from "../../src/db/open.ts";
import { migrate } from "../../src/db/migrate.ts";
import type { Db } from "../../src/db/port.ts";
import { upsertRegistryPersons } from "../../src/identity/registry-repo.ts";
import { createTestDb } from "../db.ts";
import { REGISTRY } from "../hub.ts";
import { childEnv, ROOT } from "./hub-process.ts";

export interface CrashStore {
  /** `DATABASE_URL` or `HOSO_DATA_DIR` for the hub and the CLI. */
  env: Record<string, string>;
  /** Scratch folder for keys and logs. */
  dir: string;
  drop(): Promise<void>;
}

export interface CliFacility {
  code: string;
  gln: string;
  username: string;
  password: string;
  privateKey: KeyObject;
}

export async function freshStore(): Promise<CrashStore> {
  const dir = mkdtempSync(join(tmpdir(), "hoso-crash-"));
  if (process.env.TEST_DATABASE_URL) {
    const t = await createTestDb();
    await seedRegistry(t.db);
    return { env: { DATABASE_URL: t.url! }, dir, drop: async () => { await t.drop(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const db = await openDb({ dataDir: dir });
  try {
    await migrate(db);
    await seedRegistry(db);
  } finally {
    await db.close();
  }
  return { env: { HOSO_DATA_DIR: dir }, dir, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function seedRegistry(db: Db): Promise<void> {
  await upsertRegistryPersons(db, REGISTRY.map((p) => ({
    ...p, provinceCode: "01", communeCode: "00004", address: null, ethnicity: "01", phone: null, guardianPersonalId: null,
  })));
}

/** `hoso facility add …` as an operator runs it, with a fresh RSA key pair. */
export async function addFacilityByCli(store: CrashStore): Promise<CliFacility> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pemFile = join(store.dir, "facility.pub.pem");
  writeFileSync(pemFile, publicKey.export({ type: "spki", format: "pem" }));
  const f = { code: "01013", gln: "8930000000017", username: "crash-clinic", password: "crash-test-password" };
  await promisify(execFile)(process.execPath, [
    "--import", "tsx", "src/cli.ts", "facility", "add",
    "--code", f.code, "--gln", f.gln, "--name", "Phòng khám thử nghiệm", "--province", "01", "--kind", "clinic",
    "--username", f.username, "--password", f.password, "--public-key", pemFile,
  ], { cwd: ROOT, env: childEnv(store.env) });
  return { ...f, privateKey };
}
