import { describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { buildCheckup } from "../test/factories/checkup.ts";
import { createTestHub, envelope, push } from "../test/hub.ts";
import { createLogger } from "./log.ts";

describe("logs carry no personal data", () => {
  it("logs a push, a refusal and an error path without names, personal IDs or phone numbers", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const hub = await createTestHub();
    try {
      hub.deps.log = createLogger("debug", sink);
      const { buildApp } = await import("./app.ts");
      hub.app = await buildApp(hub.deps, hub.pipeline);
      await push(hub, envelope([buildCheckup({ maLk: "LOG-1" }), buildCheckup({ maLk: "LOG-2", patient: { personalId: "001090099999", sex: "7" } })]));
      await hub.app.inject({ url: "/api/submissions?msg_id=001090012345" , headers: { authorization: `Bearer ${hub.token}` } });
      await hub.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "Nguyễn Văn An", password: "001090012345" } });
      const text = lines.join("");
      expect(text).toContain("request completed");
      for (const secret of ["001090012345", "001090099999", "Nguyễn", "Nguyen Van An", "0912000000"]) expect(text).not.toContain(secret);
    } finally {
      await hub.close();
    }
  });
});
