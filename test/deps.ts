/** Deps for tests: a fresh database, a settable clock, a silent logger. */
import { loadConfig, type Config } from "../src/config.ts";
import type { Deps } from "../src/deps.ts";
import { createLogger } from "../src/log.ts";
import { loadHubSecrets } from "../src/access/secrets.ts";
import { createMetrics } from "../src/metrics.ts";
import { createTestDb, type TestDb } from "./db.ts";

export interface TestDeps extends Deps {
  setNow(d: Date): void;
  testDb: TestDb;
}

export async function createTestDeps(env: Record<string, string> = {}): Promise<TestDeps> {
  const testDb = await createTestDb();
  // A push's answer must not depend on how busy the test machine is: tests do not time, so the
  // latency budget is a minute here (src/intake/budget.test.ts sets a short one to test it).
  const config: Config = loadConfig({ LOG_LEVEL: "silent", HOSO_DEMO: "false", HOSO_SYNC_BUDGET_MS: "60000", ...env });
  let now = new Date("2026-11-20T03:00:00Z");
  return {
    config,
    db: testDb.db,
    clock: () => now,
    setNow: (d) => {
      now = d;
    },
    log: createLogger(config.LOG_LEVEL),
    secrets: await loadHubSecrets(testDb.db),
    metrics: createMetrics(),
    testDb,
  };
}
