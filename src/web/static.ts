/**
 * The browser app, served by the hub: hashed files under /assets/ (cached for a year, sent
 * pre-compressed as brotli or gzip when the browser takes it), and index.html for every other
 * GET that is not an API path, so a deep link (`/book/0/trends`) or a reload opens the app, which
 * routes on the client. API-looking paths keep the hub's 404 OperationOutcome.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import fastifyStatic from "@fastify/static";
import type { Deps } from "../deps.ts";

export const WEB_DIST = fileURLToPath(new URL("../../web/dist", import.meta.url));

// Paths the SPA never owns: an unknown one here is an API 404, not a page.
const NOT_APP = /^\/(api|oauth|fhir|metrics|healthz|readyz)(\/|$|\?)/;

export function webRoutes(app: FastifyInstance, deps: Pick<Deps, "log">, root = WEB_DIST): void {
  if (!existsSync(join(root, "index.html"))) {
    deps.log.warn({ root }, "web app not built (npm run build:web): the hub serves the API only");
    return;
  }
  void app.register(fastifyStatic, {
    root: join(root, "assets"),
    prefix: "/assets/",
    preCompressed: true,
    immutable: true,
    maxAge: "365d",
    index: false,
  });
  app.get("/*", (req, reply) => {
    if (NOT_APP.test(req.url)) return reply.callNotFound();
    // index.html names the current hashed files: never cached, so a new release shows at once.
    return reply.header("cache-control", "no-cache").sendFile("index.html", root, { cacheControl: false });
  });
}
