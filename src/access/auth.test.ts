import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDeps, type TestDeps } from "../../test/deps.ts";
import { createFacility, type TestFacility } from "../../test/factories/facility.ts";
import { buildApp } from "../app.ts";
import { createPipeline } from "../intake/pipeline.ts";
import type { FastifyInstance } from "fastify";

let deps: TestDeps;
let app: FastifyInstance;
let fac: TestFacility;
beforeAll(async () => {
  deps = await createTestDeps({ HOSO_TOKEN_TTL_SECONDS: "600" });
  app = await buildApp(deps, createPipeline(deps));
  fac = await createFacility(deps);
});
afterAll(async () => {
  await app.close();
  await deps.testDb.drop();
});

const login = (username: string, password: string) => app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });

describe("POST /api/auth/login", () => {
  it("answers token, refresh_token, duration and role", async () => {
    const res = await login(fac.username, fac.password);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ token: expect.any(String), refresh_token: expect.any(String), duration: 600, role: "facility" });
  });

  it("refuses a wrong password and an unknown user alike, in both languages", async () => {
    for (const res of [await login(fac.username, "wrong password"), await login("nobody", "whatever1")]) {
      expect(res.statusCode).toBe(401);
      const issue = res.json().issue[0];
      expect(issue.details.coding[0].code).toBe("AUTH-LOGIN-FAILED");
      expect(issue.text.vi).toMatch(/mật khẩu/);
      expect(issue.text.en).toMatch(/password/);
    }
  });

  it("refuses a body without the fields, naming them", async () => {
    const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { user: "x" } });
    expect(res.statusCode).toBe(400);
    expect(res.json().issue.map((i: { expression: string[] }) => i.expression[0])).toEqual(["username", "password"]);
  });

  it("stores passwords with scrypt, never in clear", async () => {
    const rows = await deps.db.query<{ password_hash: string }>({ text: "SELECT password_hash FROM accounts WHERE username = $1", values: [fac.username] });
    expect(rows[0]!.password_hash).toMatch(/^scrypt\$/);
    expect(rows[0]!.password_hash).not.toContain(fac.password);
  });
});

describe("POST /api/auth/refresh", () => {
  it("gives a new token once per refresh token (rotation), and refuses a reused one", async () => {
    const first = (await login(fac.username, fac.password)).json<{ refresh_token: string }>();
    const renewed = await app.inject({ method: "POST", url: "/api/auth/refresh", payload: { refresh_token: first.refresh_token } });
    expect(renewed.statusCode).toBe(200);
    expect(renewed.json().refresh_token).not.toBe(first.refresh_token);
    const reused = await app.inject({ method: "POST", url: "/api/auth/refresh", payload: { refresh_token: first.refresh_token } });
    expect(reused.statusCode).toBe(401);
  });

  it("refuses an expired refresh token", async () => {
    const first = (await login(fac.username, fac.password)).json<{ refresh_token: string }>();
    deps.setNow(new Date(deps.clock().getTime() + 8 * 24 * 3600 * 1000));
    const res = await app.inject({ method: "POST", url: "/api/auth/refresh", payload: { refresh_token: first.refresh_token } });
    expect(res.statusCode).toBe(401);
    deps.setNow(new Date("2026-11-20T03:00:00Z"));
  });
});
