/**
 * Prepares the hub's database before the hub starts (PGlite is single-process): migrated, the demo
 * population in the embedded registry, and the bench facilities registered with their logins and
 * public keys through the same service the CLI uses.
 */
import { openDeps } from "../src/boot.ts";
import { loadConfig } from "../src/config.ts";
import { addFacility } from "../src/facility/facility-service.ts";
import { upsertRegistryPersons } from "../src/identity/registry-repo.ts";
import type { BenchDb } from "./databases.ts";
import { BENCH_PASSWORD, type Workload } from "./workload.ts";

export async function seedHub(db: BenchDb, w: Workload): Promise<void> {
  const deps = await openDeps(loadConfig({ ...db.env, LOG_LEVEL: "warn", HOSO_DEMO: "false" }));
  try {
    await deps.db.transaction((tx) =>
      upsertRegistryPersons(tx, w.population.map((p) => ({ ...p, guardianPersonalId: p.guardianPersonalId ?? null }))),
    );
    for (const f of w.facilities) {
      await addFacility(deps, {
        code: f.code,
        gln: f.gln,
        name: f.name,
        provinceCode: f.provinceCode,
        kind: f.kind,
        username: f.username,
        password: BENCH_PASSWORD,
        publicKeyPem: f.publicKeyPem,
      });
    }
  } finally {
    await deps.db.close();
  }
}
