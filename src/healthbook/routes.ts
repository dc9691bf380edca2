/**
 * The health book over HTTP (docs/api-healthbook.md §2, §4, §5, §7): the citizen's book pages, the
 * same pages through a clinician's grant, the VNeID system API, and PDF verification. Every read
 * route takes any valid token and lets the service decide (and audit) by role, scope and grant.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Deps } from "../deps.ts";
import { parseInput } from "../http.ts";
import { authenticateCaller } from "../access/system-clients-guard.ts";
import { readBook, readCheckup, readCheckupPdf, readTrend, type Via } from "./reader.ts";
import type { CheckupPdf, NotModified } from "./book.ts";
import { vneidBook, vneidChanges, type VneidRuntime } from "./vneid.ts";
import { createAuditWriter } from "../audit/audit-writer.ts";
import { createBookCache, type BookBody } from "./book-cache.ts";
import { createPersonReader } from "./person-reader.ts";
import { verifyCode } from "./verify.ts";

// Schemas built once: zod 4 compiles a schema on its first parse, so one made per request costs
// that compilation on every request.
const personalId = z.string().regex(/^\d{12}$/, "12 digits");
const personParam = z.object({ personalId });
const grantParam = z.object({ grantId: z.uuid() });
const scopeQuery = z.object({ scope: z.enum(["summary", "everything"]).optional() });
const checkupParam = z.object({ checkupId: z.uuid() });
const trendParam = z.object({ key: z.string().min(1).max(40) });
const changesQuery = z.object({ cursor: z.string().max(50).optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) });
const codeParam = z.object({ code: z.string().min(1).max(40) });

const sendPdf = (reply: FastifyReply, p: CheckupPdf) =>
  reply
    .type("application/pdf")
    .header("content-disposition", `attachment; filename="${p.filename}"`)
    .header("x-verification-code", p.code)
    .header("cache-control", "no-store")
    .send(p.pdf);

/**
 * A book: gzipped when the client takes it (a 20-check-up book is ~380 KiB of JSON, ~10× less
 * gzipped), with its ETag; 304 without a body when the client's If-None-Match names it. Never
 * kept by caches in between (personal data).
 */
function sendBook(req: FastifyRequest, reply: FastifyReply, body: BookBody | NotModified) {
  void reply.header("etag", body.etag).header("cache-control", "private, no-cache").header("vary", "accept-encoding");
  if ("notModified" in body) return reply.code(304).send();
  void reply.type("application/json; charset=utf-8");
  if (!/\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) return reply.send(body.json());
  return reply.header("content-encoding", "gzip").send(body.gzipped);
}

export function healthbookRoutes(app: FastifyInstance, deps: Deps): void {
  const cache = createBookCache(deps.config.HOSO_BOOK_CACHE_MB * 1024 * 1024);
  const vneid: VneidRuntime = { cache, auditWriter: createAuditWriter(deps.db), persons: createPersonReader(deps.db) };
  // The same four pages, for the citizen (by personal ID) and the clinician (by grant).
  const families: { prefix: string; via: (params: unknown) => Via }[] = [
    {
      prefix: "/api/citizen/books/:personalId",
      via: (p) => ({ personalId: parseInput(personParam, p).personalId }),
    },
    {
      prefix: "/api/clinician/grants/:grantId",
      via: (p) => ({ grantId: parseInput(grantParam, p).grantId }),
    },
  ];
  for (const f of families) {
    const bookPath = f.prefix.startsWith("/api/citizen") ? f.prefix : `${f.prefix}/book`;
    app.get(bookPath, async (req, reply) => {
      const caller = await authenticateCaller(deps, req);
      const via = f.via(req.params);
      const { scope } = parseInput(scopeQuery, req.query);
      const book = await readBook(deps, cache, { caller, requestId: req.id, action: "healthbook.read" }, via, scope, req.headers["if-none-match"]);
      return sendBook(req, reply, book);
    });
    app.get(`${f.prefix}/checkups/:checkupId`, async (req) => {
      const caller = await authenticateCaller(deps, req);
      const via = f.via(req.params);
      return readCheckup(deps, { caller, requestId: req.id, action: "checkup.read" }, via, parseInput(checkupParam, req.params).checkupId);
    });
    app.get(`${f.prefix}/checkups/:checkupId/pdf`, async (req, reply) => {
      const caller = await authenticateCaller(deps, req);
      const via = f.via(req.params);
      const pdf = await readCheckupPdf(deps, { caller, requestId: req.id, action: "checkup.pdf" }, via, parseInput(checkupParam, req.params).checkupId);
      return sendPdf(reply, pdf);
    });
    app.get(`${f.prefix}/trends/:key`, async (req) => {
      const caller = await authenticateCaller(deps, req);
      const via = f.via(req.params);
      return readTrend(deps, { caller, requestId: req.id, action: "trend.read" }, via, parseInput(trendParam, req.params).key);
    });
  }

  // VNeID's reads are many and each is audited (who, when, request id) before it is answered: the
  // two request log lines per read at `info` are left out here; errors are still logged.
  app.get("/api/vneid/health-books/:personalId", { logLevel: "warn" }, async (req, reply) => {
    const caller = await authenticateCaller(deps, req);
    const params = parseInput(personParam, req.params);
    const { scope } = parseInput(scopeQuery, req.query);
    const book = await vneidBook(deps, vneid, caller, { personalId: params.personalId, scope: scope ?? "everything", requestId: req.id, ifNoneMatch: req.headers["if-none-match"] });
    return sendBook(req, reply, book);
  });
  app.get("/api/vneid/changes", async (req) => {
    const caller = await authenticateCaller(deps, req);
    const q = parseInput(changesQuery, req.query);
    return vneidChanges(deps, vneid, caller, { cursor: q.cursor, limit: q.limit, requestId: req.id });
  });

  app.get("/api/verify/:code", { config: { rateLimit: { max: 30, timeWindow: "1 minute" } } }, async (req) =>
    verifyCode(deps, { code: parseInput(codeParam, req.params).code, requestId: req.id }),
  );
}
