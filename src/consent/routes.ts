/** Shares (citizen) and the doctor's way in (clinician): docs/api-healthbook.md §3–4. */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Deps } from "../deps.ts";
import { parseInput } from "../http.ts";
import { authenticate } from "../access/guard.ts";
import { authenticateCaller } from "../access/system-clients-guard.ts";
import { activeShares, createShare, redeemShare, revoke, SHARE_MINUTES } from "./shares.ts";
import { breakGlass, BREAK_GLASS_REASON, liveGrants } from "./grants.ts";

const book = z.object({ personalId: z.string().regex(/^\d{12}$/, "12 digits") });
const newShare = z.object({
  scope: z.enum(["summary", "everything"]),
  duration_minutes: z.number().int().min(SHARE_MINUTES.min).max(SHARE_MINUTES.max),
});

export function consentRoutes(app: FastifyInstance, deps: Deps): void {
  app.post("/api/citizen/books/:personalId/shares", async (req, reply) => {
    const caller = await authenticateCaller(deps, req);
    const { personalId } = parseInput(book, req.params);
    const input = parseInput(newShare, req.body);
    const share = await createShare(deps, { caller, requestId: req.id, action: "share.create" }, personalId, { scope: input.scope, durationMinutes: input.duration_minutes });
    return reply.code(201).send(share);
  });
  app.get("/api/citizen/books/:personalId/shares", async (req) => {
    const caller = await authenticateCaller(deps, req);
    const { personalId } = parseInput(book, req.params);
    return activeShares(deps, { caller, requestId: req.id, action: "share.list" }, personalId);
  });
  app.post("/api/citizen/books/:personalId/shares/:shareId/revoke", async (req) => {
    const caller = await authenticateCaller(deps, req);
    const { personalId, shareId } = parseInput(book.extend({ shareId: z.uuid() }), req.params);
    return revoke(deps, { caller, requestId: req.id, action: "share.revoke" }, personalId, shareId);
  });

  app.post("/api/clinician/shares/redeem", { config: { rateLimit: { max: 20, timeWindow: "1 minute" } } }, async (req, reply) => {
    const who = await authenticate(deps, req, ["clinician"]);
    const { code } = parseInput(z.object({ code: z.string().min(1).max(40) }), req.body);
    return reply.code(201).send(await redeemShare(deps, who, { code, requestId: req.id }));
  });
  app.post("/api/clinician/break-glass", async (req, reply) => {
    const who = await authenticate(deps, req, ["clinician"]);
    const input = parseInput(z.object({ personal_id: z.string().regex(/^\d{12}$/, "12 digits"), reason: z.string().max(BREAK_GLASS_REASON.max) }), req.body);
    return reply.code(201).send(await breakGlass(deps, who, { personalId: input.personal_id, reason: input.reason, requestId: req.id }));
  });
  app.get("/api/clinician/grants", async (req) => liveGrants(deps, await authenticate(deps, req, ["clinician"])));
}
