import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHub, type TestHub } from "../test/hub.ts";
import { createTestDeps } from "../test/deps.ts";
import { buildApp } from "./app.ts";
import { createPipeline } from "./intake/pipeline.ts";

let hub: TestHub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(async () => hub.close());

describe("every answer", () => {
  it("carries the security headers (content security policy, no sniffing, no framing)", async () => {
    for (const url of ["/api/platform/public-key", "/api/nothing-here"]) {
      const res = await hub.app.inject({ url });
      expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
    }
  });
});

describe("readiness", () => {
  it("answers 503 while the identity matcher's index is being built, 200 once it is in memory", async () => {
    const deps = await createTestDeps();
    const pipeline = createPipeline(deps);
    const app = await buildApp(deps, pipeline);
    try {
      const before = await app.inject({ url: "/readyz" });
      expect([before.statusCode, before.json()]).toEqual([503, { status: "starting" }]);
      expect((await app.inject({ url: "/healthz" })).statusCode).toBe(200);
      await pipeline.matcher.refresh();
      const after = await app.inject({ url: "/readyz" });
      expect([after.statusCode, after.json()]).toEqual([200, { status: "ready" }]);
    } finally {
      await app.close();
      await deps.testDb.drop();
    }
  });
});
