/** What every service receives: built once in main.ts (or by the test helpers), never global. */
import type { Config } from "./config.ts";
import type { Db } from "./db/port.ts";
import type { Logger } from "./log.ts";
import type { HubSecrets } from "./access/secrets.ts";
import type { Metrics } from "./metrics.ts";

export interface Deps {
  config: Config;
  db: Db;
  clock: () => Date;
  log: Logger;
  secrets: HubSecrets;
  metrics: Metrics;
}
