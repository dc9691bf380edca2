/** Opens the configured database: PostgreSQL when a URL is given, else PGlite in the data folder. */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Db } from "./port.ts";
import { openPglite } from "./pglite.ts";
import { openPostgres } from "./postgres.ts";

export async function openDb(opts: { databaseUrl?: string | undefined; dataDir: string }): Promise<Db> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  if (opts.dataDir === "memory://") return openPglite("memory://");
  const dir = join(opts.dataDir, "pglite");
  mkdirSync(dir, { recursive: true });
  return openPglite(dir);
}
