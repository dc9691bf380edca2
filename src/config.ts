/**
 * Settings come from environment variables, validated once at start with every problem reported
 * at once (after Outline's env.ts). The README lists them.
 */
import { availableParallelism } from "node:os";
import { z } from "zod";
import { DEFAULT_MATCH_SETTINGS } from "./identity/match/settings.ts";

const bool = z
  .enum(["1", "0", "true", "false", "yes", "no"])
  .transform((v) => v === "1" || v === "true" || v === "yes");
const int = (min: number) => z.coerce.number().int().min(min);
const list = z.string().transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean));

const schema = z.object({
  PORT: int(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z.string().url().optional(),
  HOSO_DATA_DIR: z.string().default(".data"),
  HOSO_DEMO: bool.default(true),
  HOSO_DEMO_SEED: int(0).default(20260701),
  HOSO_DEMO_PERSONS: int(0).default(5000),
  HOSO_DEMO_CHECKUPS: int(0).default(3000),
  HOSO_JWT_SECRET: z.string().min(32).optional(),
  HOSO_TOKEN_TTL_SECONDS: int(60).default(3600),
  HOSO_REFRESH_TTL_SECONDS: int(60).default(7 * 24 * 3600),
  HOSO_BODY_LIMIT_BYTES: int(1024).default(20 * 1024 * 1024),
  HOSO_SYNC_MAX_BYTES: int(0).default(2 * 1024 * 1024),
  HOSO_SYNC_BUDGET_MS: int(10).default(3000),
  // Spreadsheet uploads (issue 3): above this they are streamed to a file and processed in chunks.
  HOSO_BATCH_STREAM_BYTES: int(0).default(4 * 1024 * 1024),
  HOSO_BATCH_MAX_BYTES: int(1024).max(2 ** 31 - 1).default(2_000_000_000), // submissions.size_bytes is an int
  HOSO_BATCH_CHUNK_ROWS: int(1).max(10_000).default(500),
  HOSO_WORKERS: int(0).default(1),
  // Threads that parse and check submissions off the event loop (intake/read-pool.ts); 0: in line.
  // Default: defaultReadThreads below.
  HOSO_READ_THREADS: int(0).max(64).optional(),
  HOSO_PROCESSES: int(1).max(64).default(1), // hub processes sharing the port (PostgreSQL only)
  HOSO_HUB_ID: z.string().min(1).default("TDLBYT"),
  HOSO_RECEIVER_IDS: list.default(["TDLBYT", "emrhub", "TTYQG"]),
  HOSO_LATE_HOURS: int(1).default(24),
  HOSO_REGISTRY_URL: z.string().url().optional(),
  HOSO_REGISTRY_TIMEOUT_MS: int(10).default(800),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Health book (docs/api-healthbook.md §8).
  HOSO_PUBLIC_URL: z.url().optional(),
  HOSO_OIDC_ISSUER: z.url().optional(),
  HOSO_OIDC_CLIENT_ID: z.string().min(1).optional(),
  HOSO_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  HOSO_OIDC_REDIRECT_URL: z.url().optional(),
  HOSO_OIDC_SCOPE: z.string().min(1).default("openid"),
  HOSO_OIDC_PERSONAL_ID_CLAIM: z.string().min(1).default("personal_id"),
  HOSO_SYSTEM_TOKEN_TTL_SECONDS: int(30).max(3600).default(300),
  HOSO_BREAK_GLASS_MINUTES: int(5).max(24 * 60).default(60),
  HOSO_BOOK_CACHE_MB: int(0).max(4096).default(64),
  // Identity matching (docs/api-identity.md §6): score thresholds in bits, index rebuild period.
  HOSO_MATCH_LINK_THRESHOLD: z.coerce.number().default(DEFAULT_MATCH_SETTINGS.linkThreshold),
  HOSO_MATCH_REVIEW_THRESHOLD: z.coerce.number().default(DEFAULT_MATCH_SETTINGS.reviewThreshold),
  HOSO_MATCH_MARGIN: z.coerce.number().min(0).default(DEFAULT_MATCH_SETTINGS.margin),
  HOSO_MATCH_REFRESH_MINUTES: int(0).max(7 * 24 * 60).default(60),
}).superRefine((c, ctx) => {
  if (c.HOSO_MATCH_REVIEW_THRESHOLD >= c.HOSO_MATCH_LINK_THRESHOLD) {
    ctx.addIssue({ code: "custom", path: ["HOSO_MATCH_REVIEW_THRESHOLD"], message: "must be below HOSO_MATCH_LINK_THRESHOLD" });
  }
  if (c.HOSO_PROCESSES > 1 && c.DATABASE_URL === undefined) {
    ctx.addIssue({ code: "custom", path: ["HOSO_PROCESSES"], message: "more than one process needs DATABASE_URL (PGlite lives inside one process)" });
  }
  // OIDC is all or nothing: an issuer without its client settings would fail at the first sign-in.
  if (c.HOSO_OIDC_ISSUER === undefined) return;
  for (const k of ["HOSO_OIDC_CLIENT_ID", "HOSO_OIDC_REDIRECT_URL"] as const) {
    if (c[k] === undefined) ctx.addIssue({ code: "custom", path: [k], message: "required when HOSO_OIDC_ISSUER is set" });
  }
});

export type Config = Omit<z.infer<typeof schema>, "HOSO_READ_THREADS"> & { HOSO_READ_THREADS: number };

/**
 * With PGlite the database runs on the hub's own thread and no other process needs a core: one
 * thread per core beyond the first. With PostgreSQL on the same machine, none on two cores or
 * fewer, where they cost throughput (docs/benchmarks.md); else the cores beyond two, shared among
 * the hub processes. At most 4 per process.
 */
export function defaultReadThreads(cores: number, processes: number, embedded: boolean): number {
  if (embedded) return Math.min(4, Math.max(0, cores - 1));
  return cores <= 2 ? 0 : Math.min(4, Math.floor((cores - 2) / processes));
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.fromEntries(
    Object.keys(schema.shape).map((k) => [k, env[k] === "" ? undefined : env[k]]),
  );
  const parsed = schema.safeParse(known);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const c = parsed.data;
  return { ...c, HOSO_READ_THREADS: c.HOSO_READ_THREADS ?? defaultReadThreads(availableParallelism(), c.HOSO_PROCESSES, c.DATABASE_URL === undefined) };
}
