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

interface LoggedRequest {
  method?: string;
  url?: string;
  routeOptions?: { url?: string };
}

/**
 * Requests are logged by route pattern (`/api/vneid/health-books/:personalId`), never by the URL
 * itself: paths and query strings can carry personal IDs.
 */
export function requestSerializer(req: LoggedRequest): { method?: string; route: string } {
  const route = req.routeOptions?.url ?? (req.url ?? "").split("?")[0]!.replace(/\d{6,}/g, "…");
  return { method: req.method, route };
}

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = { level, redact: { paths: REDACT, censor: "[redacted]" }, serializers: { req: requestSerializer } };
  return destination ? pino(options, destination) : pino(options);
}
