import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Fastify, { type FastifyInstance } from "fastify";
import { httpRegistry, RegistryUnavailableError } from "./registry-http.ts";

/** A real HTTP registry on loopback whose behaviour each test sets. */
let server: FastifyInstance;
let base: string;
let mode: "ok" | "slow" | "error" | "contradict" = "ok";
let calls = 0;
const PERSON = { personal_id: "001090012345", full_name: "Nguyễn Văn An", birth_date: "1990-05-12", sex: "1", province_code: "01", commune_code: "00004" };

beforeAll(async () => {
  server = Fastify();
  server.post("/persons/lookup", async (req, reply) => {
    calls++;
    const ids = (req.body as { personal_ids: string[] }).personal_ids;
    if (mode === "slow") await new Promise((r) => setTimeout(r, 300));
    if (mode === "error") return reply.code(503).send({});
    if (mode === "contradict") {
      return { persons: [PERSON, { ...PERSON, full_name: "Someone Else" }, { ...PERSON, personal_id: "079000000000" }] };
    }
    return { persons: ids.includes(PERSON.personal_id) ? [PERSON] : [] };
  });
  base = await server.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => server.close());

describe("remote registry adapter", () => {
  it("finds persons, and serves repeats from its short cache", async () => {
    mode = "ok";
    calls = 0;
    const reg = httpRegistry({ baseUrl: base });
    const first = await reg.lookup(["001090012345", "001090099999"]);
    expect(first.get("001090012345")?.fullName).toBe("Nguyễn Văn An");
    expect(first.has("001090099999")).toBe(false);
    await reg.lookup(["001090012345", "001090099999"]);
    expect(calls).toBe(1);
  });

  it("times out, retries a bounded number of times, then says it is unavailable", async () => {
    mode = "slow";
    calls = 0;
    const reg = httpRegistry({ baseUrl: base, timeoutMs: 50, retries: 2, backoffMs: 5 });
    await expect(reg.lookup(["001090012345"])).rejects.toMatchObject({ name: "RegistryUnavailableError", reason: "timeout" });
    expect(calls).toBe(3);
  });

  it("opens the circuit after repeated failures, fails fast, and closes again after the cool-down", async () => {
    mode = "error";
    calls = 0;
    let t = 0;
    const reg = httpRegistry({ baseUrl: base, retries: 0, failureThreshold: 2, coolDownMs: 1000, clock: () => t });
    for (let i = 0; i < 2; i++) await expect(reg.lookup([`00109001234${i}`])).rejects.toBeInstanceOf(RegistryUnavailableError);
    expect(reg.circuit()).toBe("open");
    await expect(reg.lookup(["001090012349"])).rejects.toMatchObject({ reason: "circuit-open" });
    expect(calls).toBe(2);
    t = 2000;
    mode = "ok";
    expect(reg.circuit()).toBe("half-open");
    expect((await reg.lookup(["001090012345"])).size).toBe(1);
    expect(reg.circuit()).toBe("closed");
  });

  it("drops answers that contradict themselves or were not asked for", async () => {
    mode = "contradict";
    const reg = httpRegistry({ baseUrl: base });
    const found = await reg.lookup(["001090012345"]);
    expect(found.size).toBe(0);
  });
});
