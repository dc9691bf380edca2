/** `POST /fhir` (transaction, batch) and `POST /fhir/Bundle` (document, collection), for facilities. */
import type { FastifyInstance } from "fastify";
import type { Deps } from "../deps.ts";
import { authenticate } from "../access/guard.ts";
import type { Pipeline } from "./process.ts";
import { acceptSubmission } from "./accept.ts";
import { activeFacility } from "./push.ts";
import { fhirDocument, fhirTransaction } from "./channels/fhir.ts";

export function fhirRoutes(app: FastifyInstance, deps: Deps, pipeline: Pipeline): void {
  void app.register(async (raw) => {
    // Kept as received: the stored bytes are the Bundle the facility sent.
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser("*", { parseAs: "buffer" }, (_req, body, done) => done(null, body));
    for (const [path, channel] of [["/fhir", fhirTransaction], ["/fhir/Bundle", fhirDocument]] as const) {
      raw.post(path, async (req, reply) => {
        const facility = await activeFacility(deps, await authenticate(deps, req, ["facility"]));
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const answer = await acceptSubmission(deps, pipeline, facility, { channel, msgId: null, body });
        return reply.code(answer.httpStatus).type("application/fhir+json").send(answer.body);
      });
    }
  });
}
