/**
 * The HTTP app: one Fastify instance, one line per area, one error handler that turns everything
 * into an OperationOutcome (Medplum's habit). Routes validate input and call one service function.
 */
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from "fastify";
import helmet from "helmet";
import rateLimit from "@fastify/rate-limit";
import type { Deps } from "./deps.ts";
import { countReads } from "./metrics.ts";
import { issue, outcome, OutcomeError, SERVER_ERROR, statusOf, type IssueCode, type LocalText } from "./outcome.ts";
import { authRoutes } from "./access/routes.ts";
import { intakeRoutes } from "./intake/routes.ts";
import { facilityRoutes } from "./facility/routes.ts";
import { gatewayRoutes } from "./intake/gateway-routes.ts";
import { fhirRoutes } from "./intake/fhir-routes.ts";
import { batchRoutes } from "./intake/batch-routes.ts";
import type { Pipeline } from "./intake/process.ts";
import { citizenRoutes } from "./access/citizen-routes.ts";
import { systemClientRoutes } from "./access/system-clients-routes.ts";
import { healthbookRoutes } from "./healthbook/routes.ts";
import { consentRoutes } from "./consent/routes.ts";
import { auditRoutes } from "./audit/routes.ts";
import { identityRoutes } from "./identity/review/routes.ts";
import { webRoutes } from "./web/static.ts";

export async function buildApp(deps: Deps, pipeline: Pipeline): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    bodyLimit: deps.config.HOSO_BODY_LIMIT_BYTES,
    genReqId: () => crypto.randomUUID(),
  });
  // No upgrade-insecure-requests: a hub opened over plain http on a LAN address must still load
  // its own scripts (TLS is terminated in front of it in production).
  // Security headers, the middleware built once (@fastify/helmet rebuilt it on every request).
  const secure = helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });
  app.addHook("onRequest", (req, reply, done) => secure(req.raw, reply.raw, (err?: unknown) => done(err instanceof Error ? err : undefined)));
  await app.register(rateLimit, { global: false });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof OutcomeError) return reply.code(statusOf(err.outcome)).send(err.outcome);
    const known = httpOutcome(err);
    if (known) return reply.code(known.status).send(known.body);
    req.log.error({ err, reqId: req.id }, "unhandled error");
    return reply.code(500).send(SERVER_ERROR);
  });
  app.setNotFoundHandler((_req, reply) =>
    reply.code(404).send(outcome(issue("not-found", "ROUTE-NOT-FOUND", { vi: "Không có địa chỉ này.", en: "No such route." }))),
  );

  app.addHook("onResponse", async (req, reply) => {
    deps.metrics.httpDuration
      .labels({ method: req.method, route: req.routeOptions.url ?? "unmatched", status: String(reply.statusCode) })
      .observe(reply.elapsedTime / 1000);
  });
  app.get("/healthz", async () => ({ status: "ok", db: deps.db.kind }));
  // Ready to take pushes at full speed: the identity matcher's index (built in the background at
  // start, seconds for a million persons) is in memory. A load balancer sends traffic only then.
  app.get("/readyz", async (_req, reply) => {
    const ready = pipeline.matcher.ready() || !pipeline.matcher.indexable;
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "starting" });
  });
  countReads(deps.metrics, pipeline.reader);
  app.get("/metrics", async (_req, reply) => reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics()));
  authRoutes(app, deps);
  intakeRoutes(app, deps, pipeline);
  gatewayRoutes(app, deps, pipeline);
  fhirRoutes(app, deps, pipeline);
  batchRoutes(app, deps, pipeline);
  facilityRoutes(app, deps);
  citizenRoutes(app, deps);
  systemClientRoutes(app, deps);
  healthbookRoutes(app, deps);
  consentRoutes(app, deps);
  auditRoutes(app, deps);
  identityRoutes(app, deps, pipeline);
  webRoutes(app, deps);
  return app;
}

/** Framework-level refusals (size, JSON, media type, rate) as outcomes with stable codes. */
function httpOutcome(err: FastifyError): { status: number; body: unknown } | null {
  const status = err.statusCode ?? 500;
  if (status >= 500) return null;
  const table: Record<number, [IssueCode, string, LocalText]> = {
    413: ["too-long", "HTTP-BODY-TOO-LARGE", { vi: "Nội dung vượt quá giới hạn kích thước.", en: "Body exceeds the size limit." }],
    415: ["invalid", "HTTP-MEDIA-TYPE", { vi: "Kiểu nội dung không được hỗ trợ.", en: "Unsupported content type." }],
    429: ["throttled", "HTTP-RATE-LIMIT", { vi: "Quá nhiều yêu cầu; vui lòng thử lại sau.", en: "Too many requests; try again later." }],
  };
  const [code, hosoCode, text] = table[status] ?? [
    "invalid",
    err.code === "FST_ERR_CTP_INVALID_JSON_BODY" || err instanceof SyntaxError ? "HTTP-JSON-MALFORMED" : "HTTP-BAD-REQUEST",
    { vi: "Yêu cầu không hợp lệ.", en: "Bad request." },
  ];
  return { status, body: outcome(issue(code, hosoCode, text)) };
}
