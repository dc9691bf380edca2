/**
 * How the hub serves the built web app (src/web/static.ts), on a small fixture build: deep links
 * open the app, hashed assets go out pre-compressed and cached for good, index.html is never
 * cached, and unknown API paths still answer the hub's 404 OperationOutcome.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webRoutes } from "../../src/web/static.ts";
import { createLogger } from "../../src/log.ts";

const JS = `console.log(${JSON.stringify("x".repeat(4000))});`;
let root: string;
let app: FastifyInstance;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "hoso-web-"));
  mkdirSync(join(root, "assets"));
  writeFileSync(join(root, "index.html"), '<!doctype html><script type="module" src="/assets/index-abc.js"></script>');
  writeFileSync(join(root, "assets", "index-abc.js"), JS);
  writeFileSync(join(root, "assets", "index-abc.js.br"), brotliCompressSync(JS));
  writeFileSync(join(root, "assets", "index-abc.js.gz"), gzipSync(JS));
  app = Fastify();
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ resourceType: "OperationOutcome", issue: [{ code: "not-found" }] }));
  app.get("/api/known", async () => ({ ok: true }));
  webRoutes(app, { log: createLogger("silent") }, root);
  await app.ready();
});

afterAll(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

describe("the web app served by the hub", () => {
  it("answers every page path with the app, uncached", async () => {
    for (const url of ["/", "/book/0/trends?k=bmi", "/doctor?code=K7MP4QXR", "/verify/ABCD-EFGH-JKLM"]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.headers["cache-control"]).toBe("no-cache");
      expect(res.body).toContain("/assets/index-abc.js");
    }
  });

  it("sends hashed assets brotli- or gzip-compressed as the browser accepts, cached for good", async () => {
    const br = await app.inject({ url: "/assets/index-abc.js", headers: { "accept-encoding": "gzip, br" } });
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["cache-control"]).toContain("immutable");
    expect(Number(br.headers["content-length"])).toBeLessThan(JS.length / 10);
    const gz = await app.inject({ url: "/assets/index-abc.js", headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    const plain = await app.inject({ url: "/assets/index-abc.js", headers: { "accept-encoding": "identity" } });
    expect(plain.body).toBe(JS);
  });

  it("leaves API paths to the API: known routes answer, unknown ones get the 404 outcome", async () => {
    expect((await app.inject({ url: "/api/known" })).json()).toEqual({ ok: true });
    for (const url of ["/api/nope", "/oauth/nope", "/fhir/Patient", "/assets/missing.js"]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json<{ resourceType: string }>().resourceType).toBe("OperationOutcome");
    }
  });

  it("serves nothing but the API when the app is not built", async () => {
    const bare = Fastify();
    webRoutes(bare, { log: createLogger("silent") }, join(root, "missing"));
    expect((await bare.inject({ url: "/" })).statusCode).toBe(404);
    await bare.close();
  });
});
