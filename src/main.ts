/**
 * `npm start`: load settings, open and migrate the database, load the demo data on first start
 * (unless HOSO_DEMO=false), start the worker(s), serve, and say where and how to sign in.
 */
import { openDeps } from "./boot.ts";
import { buildApp } from "./app.ts";
import { ConfigError } from "./config.ts";
import { createPipeline } from "./intake/pipeline.ts";
import { createWorker, type Worker } from "./intake/worker.ts";
import { loadDemo, type DemoSummary } from "./demo/load.ts";
import { scheduleMatcherRefresh } from "./identity/matcher.ts";

async function main(): Promise<void> {
  const deps = await openDeps();
  const pipeline = createPipeline(deps);
  const demo: DemoSummary | null = deps.config.HOSO_DEMO ? await loadDemo(deps, pipeline) : null;
  if (!pipeline.matcher.ready()) await pipeline.matcher.refresh();
  const stopRefresh = scheduleMatcherRefresh(deps, pipeline.matcher);
  // `hoso registry import` runs in its own process: SIGHUP makes this one re-read the registry.
  process.on("SIGHUP", () => void pipeline.matcher.refresh());
  const workers: Worker[] = Array.from({ length: deps.config.HOSO_WORKERS }, () => createWorker(deps, pipeline));
  for (const w of workers) w.start();
  const app = await buildApp(deps, pipeline);
  await app.listen({ port: deps.config.PORT, host: deps.config.HOST });
  const where = `http://${deps.config.HOST}:${deps.config.PORT}`;
  const lines = [
    `hoso is listening on ${where} (database: ${deps.db.kind === "pglite" ? `PGlite in ${deps.config.HOSO_DATA_DIR}` : "PostgreSQL"})`,
  ];
  if (demo) lines.push(...demo.signInLines);
  process.stdout.write(`${lines.join("\n")}\n`);

  const shutdown = async () => {
    stopRefresh();
    await app.close();
    await Promise.all(workers.map((w) => w.stop()));
    await deps.db.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else process.stderr.write(`hoso failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
