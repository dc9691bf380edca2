/** `GET /api/me/access-log` and a ward's log (docs/api-healthbook.md §2). No route writes here. */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Deps } from "../deps.ts";
import { parseInput } from "../http.ts";
import { authenticateCaller } from "../access/system-clients-guard.ts";
import { bookAccessLog, myAccessLog } from "./access-log.ts";

const pageQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), before: z.coerce.number().int().min(1).optional() });
const personParam = z.object({ personalId: z.string().regex(/^\d{12}$/, "12 digits") });

export function auditRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/me/access-log", async (req) => {
    const caller = await authenticateCaller(deps, req);
    const q = parseInput(pageQuery, req.query);
    return myAccessLog(deps, { caller, requestId: req.id, action: "access-log.read" }, { limit: q.limit, before: q.before ?? null });
  });
  app.get("/api/citizen/books/:personalId/access-log", async (req) => {
    const caller = await authenticateCaller(deps, req);
    const { personalId } = parseInput(personParam, req.params);
    const q = parseInput(pageQuery, req.query);
    return bookAccessLog(deps, { caller, requestId: req.id, action: "access-log.read" }, personalId, { limit: q.limit, before: q.before ?? null });
  });
}
