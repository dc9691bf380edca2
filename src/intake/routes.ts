/**
 * The facility-facing intake API: the Ministry-shaped push, the hub's public key, and the status of
 * each submission and each check-up. A facility sees only its own submissions.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Deps } from "../deps.ts";
import { authenticate } from "../access/guard.ts";
import { parseInput } from "../http.ts";
import { invalid } from "../outcome.ts";
import type { Pipeline } from "./process.ts";
import { receivePush } from "./push.ts";
import { checkupStatus, retractCheckup, submissionStatus, submissionByMsgId, recentSubmissions } from "./status.ts";

export function intakeRoutes(app: FastifyInstance, deps: Deps, pipeline: Pipeline): void {
  app.get("/api/platform/public-key", async (_req, reply) => reply.type("application/x-pem-file").send(deps.secrets.publicKeyPem));

  // The push is signed over the header's exact bytes: take the body raw, parse it ourselves.
  void app.register(async (raw) => {
    raw.removeContentTypeParser(["application/json", "text/plain"]);
    raw.addContentTypeParser("*", { parseAs: "buffer" }, (_req, body, done) => done(null, body));
    raw.post("/api/platform/data-sync/push", async (req, reply) => {
      const who = await authenticate(deps, req, ["facility"]);
      const serviceType = req.headers["service-type"];
      if (serviceType !== undefined && serviceType !== "100") {
        invalid("PUSH-SERVICE-TYPE", { vi: "service-type phải là 100.", en: "service-type must be 100." }, "headers/service-type");
      }
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const answer = await receivePush(deps, pipeline, who, body);
      deps.metrics.pushes.inc({ res_code: (answer.body as { res_code?: string }).res_code ?? "none" });
      return reply.code(answer.httpStatus).send(answer.body);
    });
  });

  app.get("/api/submissions", async (req) => {
    const who = await authenticate(deps, req, ["facility"]);
    const q = parseInput(z.object({ msg_id: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(500).default(50) }), req.query);
    return q.msg_id ? submissionByMsgId(deps, who, q.msg_id) : recentSubmissions(deps, who, q.limit);
  });
  app.get("/api/submissions/:id", async (req) => {
    const who = await authenticate(deps, req, ["facility", "steward"]);
    const { id } = parseInput(z.object({ id: z.uuid() }), req.params);
    return submissionStatus(deps, who, id);
  });
  app.get("/api/checkups/:maLk", async (req) => {
    const who = await authenticate(deps, req, ["facility"]);
    const { maLk } = parseInput(z.object({ maLk: z.string().min(1).max(100) }), req.params);
    return checkupStatus(deps, who, maLk);
  });
  app.post("/api/checkups/:maLk/retract", async (req) => {
    const who = await authenticate(deps, req, ["facility"]);
    const { maLk } = parseInput(z.object({ maLk: z.string().min(1).max(100) }), req.params);
    const { reason } = parseInput(z.object({ reason: z.string().min(1).max(1000) }), req.body);
    return retractCheckup(deps, who, maLk, reason);
  });
}
