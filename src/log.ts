/**
 * The logger: pino, with personal fields redacted at the source (invariant 4). Code logs ids
 * (submission, facility, request), codes and counts — never names, personal IDs or values.
 */
import { pino, type Logger } from "pino";

export type { Logger };

const REDACT = [
  "*.password",
  "*.token",
  "*.refresh_token",
  "*.personalId",
  "*.personal_id",
  "*.fullName",
  "*.full_name",
  "*.phone",
  "req.headers.authorization",
  "req.body",
];

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACT, censor: "[redacted]" } });
}
