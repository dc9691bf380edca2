import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHub, type TestHub } from "../test/hub.ts";

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
