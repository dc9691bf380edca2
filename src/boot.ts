/**
 * Opens everything a hub process needs, once: config, logger, database (migrated), secrets, and
 * the intake pipeline. Shared by `npm start`, the CLI and the benchmarks.
 */
import { loadConfig, type Config } from "./config.ts";
import type { Deps } from "./deps.ts";
import { createLogger } from "./log.ts";
import { openDb } from "./db/open.ts";
import { migrate } from "./db/migrate.ts";
import { loadHubSecrets } from "./access/secrets.ts";
import { createMetrics } from "./metrics.ts";

export async function openDeps(config: Config = loadConfig()): Promise<Deps> {
  const log = createLogger(config.LOG_LEVEL);
  const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: config.HOSO_DATA_DIR });
  const applied = await migrate(db);
  if (applied.length > 0) log.info({ applied }, "database migrated");
  const secrets = await loadHubSecrets(db, config.HOSO_JWT_SECRET);
  return { config, db, clock: () => new Date(), log, secrets, metrics: createMetrics() };
}
