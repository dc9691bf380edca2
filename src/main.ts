/**
 * `npm start`: load settings, open and migrate the database, load the demo data on first start
 * (unless HOSO_DEMO=false), start the worker(s), serve, and say where and how to sign in.
 *
 * With HOSO_PROCESSES > 1 (PostgreSQL only) the first process migrates and loads the demo, then
 * forks that many hub processes sharing the port (node:cluster): one event loop is one core, and
 * everything a hub process keeps in memory is a cache or rebuilt from the database, so they need
 * nothing from each other. A process that dies is replaced.
 */
import cluster from "node:cluster";
import { openDeps } from "./boot.ts";
import { buildApp } from "./app.ts";
import { ConfigError, loadConfig, type Config } from "./config.ts";
import { createPipeline } from "./intake/pipeline.ts";
import { createWorker, type Worker } from "./intake/worker.ts";
import { loadDemo, type DemoSummary } from "./demo/load.ts";
import { scheduleMatcherRefresh } from "./identity/matcher.ts";

async function serve(config: Config, announce: boolean): Promise<void> {
  const deps = await openDeps(config);
  const pipeline = createPipeline(deps);
  const demo: DemoSummary | null = announce && deps.config.HOSO_DEMO ? await loadDemo(deps, pipeline) : null;
  // Built in the background: intake's first registry look-up waits for it (withMatcherIndex).
  if (!pipeline.matcher.ready()) pipeline.matcher.refresh().catch((err: unknown) => deps.log.error({ err }, "identity matcher build failed"));
  // Read threads come up in the background; until then the event loop reads (read-pool.ts).
  pipeline.reader.start().catch((err: unknown) => deps.log.error({ err }, "read threads failed to start; reading on the event loop"));
  const stopRefresh = scheduleMatcherRefresh(deps, pipeline.matcher);
  // `hoso registry import` runs in its own process: SIGHUP makes this one re-read the registry.
  process.on("SIGHUP", () => void pipeline.matcher.refresh());
  const workers: Worker[] = Array.from({ length: deps.config.HOSO_WORKERS }, () => createWorker(deps, pipeline));
  for (const w of workers) w.start();
  const app = await buildApp(deps, pipeline);
  await app.listen({ port: deps.config.PORT, host: deps.config.HOST });
  if (announce) process.stdout.write(`${listeningLines(config, demo).join("\n")}\n`);

  const shutdown = async () => {
    stopRefresh();
    await app.close();
    await Promise.all(workers.map((w) => w.stop()));
    await pipeline.reader.close();
    await deps.db.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
}

function listeningLines(config: Config, demo: DemoSummary | null): string[] {
  const where = `http://${config.HOST}:${config.PORT}`;
  const db = config.DATABASE_URL ? "PostgreSQL" : `PGlite in ${config.HOSO_DATA_DIR}`;
  const processes = config.HOSO_PROCESSES > 1 ? `, ${config.HOSO_PROCESSES} processes` : "";
  return [`hoso is listening on ${where} (database: ${db}${processes})`, ...(demo?.signInLines ?? [])];
}

/** The first process of a cluster: migrates and loads the demo once, then keeps N hubs running. */
async function supervise(config: Config): Promise<void> {
  const deps = await openDeps(config);
  const pipeline = createPipeline(deps);
  const demo = deps.config.HOSO_DEMO ? await loadDemo(deps, pipeline) : null;
  await pipeline.reader.close();
  await deps.db.close();
  let stopping = false;
  let listening = 0;
  const fork = () => cluster.fork();
  cluster.on("listening", () => {
    if (++listening === config.HOSO_PROCESSES) process.stdout.write(`${listeningLines(config, demo).join("\n")}\n`);
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    process.stderr.write(`hoso: process ${worker.process.pid} ended (${signal ?? code}); starting another\n`);
    fork();
  });
  for (let i = 0; i < config.HOSO_PROCESSES; i++) fork();
  process.on("SIGHUP", () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGHUP");
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
    cluster.on("exit", () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.HOSO_PROCESSES <= 1) return serve(config, true);
  if (cluster.isPrimary) return supervise(config);
  return serve(config, false);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else process.stderr.write(`hoso failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
