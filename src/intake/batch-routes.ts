/**
 * Spreadsheet batches from mobile teams: the template (`GET /api/batches/template.csv|xlsx`),
 * the upload with the programme's details in the query (`POST /api/batches?organisation=…`), and
 * the result sheet (`GET /api/batches/:id/result`), and the per-record results as NDJSON (the
 * outputs of the bulk-submit-style manifest). Status: `GET /api/submissions/:id`.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Deps } from "../deps.ts";
import { authenticate } from "../access/guard.ts";
import { parseInput } from "../http.ts";
import { PROGRAMME_KINDS } from "../formats/batch/types.ts";
import { writeTemplateCsv, writeTemplateXlsx } from "../formats/batch/template.ts";
import type { Pipeline } from "./process.ts";
import { acceptSubmission } from "./accept.ts";
import { activeFacility } from "./push.ts";
import { batchUpload, type BatchMeta } from "./channels/batch.ts";
import { batchErrorLines, batchResult, batchResultLines, OUTPUT_OUTCOMES } from "./batch-results.ts";
import { receiveLargeBatch, type UploadBody } from "./large-batch-upload.ts";
import { readUpload } from "./large-batch-body.ts";

const programmeSchema = z.object({
  organisation: z.string().min(1).max(255),
  kind: z.enum(PROGRAMME_KINDS),
  round: z.string().min(1).max(50),
  team: z.string().min(1).max(100),
  place: z.string().min(1).max(255),
  date: z.string().min(8).max(10),
  doi_tuong: z.string().max(100).optional(),
  nguon_chi_tra: z.string().max(2).optional(),
  ly_do: z.string().max(255).optional(),
});

export function batchRoutes(app: FastifyInstance, deps: Deps, pipeline: Pipeline): void {
  app.get("/api/batches/template.csv", async (_req, reply) =>
    reply.type("text/csv; charset=utf-8").header("content-disposition", 'attachment; filename="mau-kham-sang-loc.csv"').send(writeTemplateCsv()),
  );
  app.get("/api/batches/template.xlsx", async (_req, reply) =>
    reply
      .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .header("content-disposition", 'attachment; filename="mau-kham-sang-loc.xlsx"')
      .send(await writeTemplateXlsx()),
  );
  app.get("/api/batches/:id/result", async (req, reply) => {
    const who = await authenticate(deps, req, ["facility"]);
    const { id } = parseInput(z.object({ id: z.uuid() }), req.params);
    const r = await batchResult(deps, who, id);
    return reply.type(r.type).header("content-disposition", `attachment; filename="${r.name}"`).send(r.stream);
  });

  app.get("/api/batches/:id/results.ndjson", async (req, reply) => {
    const who = await authenticate(deps, req, ["facility", "steward"]);
    const { id } = parseInput(z.object({ id: z.uuid() }), req.params);
    const { outcome } = parseInput(z.object({ outcome: z.enum(OUTPUT_OUTCOMES).optional() }), req.query);
    const stream = await batchResultLines(deps, who, id, outcome ? [outcome] : OUTPUT_OUTCOMES);
    return reply.type("application/x-ndjson").send(stream);
  });
  app.get("/api/batches/:id/errors.ndjson", async (req, reply) => {
    const who = await authenticate(deps, req, ["facility", "steward"]);
    const { id } = parseInput(z.object({ id: z.uuid() }), req.params);
    return reply.type("application/fhir+ndjson").send(await batchErrorLines(deps, who, id));
  });

  void app.register(async (raw) => {
    // The file is kept as uploaded (CSV text or XLSX bytes): small ones in the database, larger
    // ones streamed to a file in the data folder (large-batch-upload.ts).
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser("*", (req, payload, done) => {
      readUpload(payload, req.headers["content-length"], deps.config.HOSO_BATCH_STREAM_BYTES, deps.config.HOSO_BATCH_MAX_BYTES).then(
        (body) => done(null, body),
        (err: unknown) => done(err instanceof Error ? err : new Error(String(err)), undefined),
      );
    });
    raw.post("/api/batches", async (req, reply) => {
      const facility = await activeFacility(deps, await authenticate(deps, req, ["facility"]));
      const q = parseInput(programmeSchema, req.query);
      const meta: BatchMeta = {
        facilityCode: facility.code,
        programme: {
          organisation: q.organisation,
          kind: q.kind,
          round: q.round,
          team: q.team,
          place: q.place,
          date: q.date,
          ...(q.doi_tuong ? { targetGroups: q.doi_tuong.split(";").map((s) => s.trim()).filter(Boolean) } : {}),
          ...(q.nguon_chi_tra ? { fundingSource: q.nguon_chi_tra } : {}),
          ...(q.ly_do ? { reason: q.ly_do } : {}),
        },
        request: req.url,
      };
      // No body at all (no content type): the parser did not run; an empty file, refused as before.
      const upload = (req.body as UploadBody | undefined) ?? { kind: "whole", body: Buffer.alloc(0) };
      const answer =
        upload.kind === "stream"
          ? await receiveLargeBatch(deps, facility, meta, upload)
          : await acceptSubmission(deps, pipeline, facility, { channel: batchUpload, msgId: null, body: upload.body, meta });
      // A refused upload may still be arriving: close the connection rather than read the rest.
      if (answer.httpStatus === 413) reply.header("connection", "close");
      return reply.code(answer.httpStatus).send(answer.body);
    });
  });
}
