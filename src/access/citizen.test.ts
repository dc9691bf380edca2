import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHub, REGISTRY, type TestHub } from "../../test/hub.ts";
import { upsertRegistryPersons } from "../identity/registry-repo.ts";
import { buildMinorCheckup, moment } from "../../test/factories/checkup.ts";
import { AN, BINH, bearer, checkupOn, pushAll } from "../healthbook/test-kit.ts";
import { isMinor } from "./citizen.ts";

describe("demo sign-in, demo off", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await createTestHub({ HOSO_DEMO: "false" });
  });
  afterAll(async () => hub.close());

  it("is not there: both routes answer 404, and the options say so", async () => {
    expect((await hub.app.inject({ url: "/api/citizen/sign-in-options" })).json()).toEqual({ demo: false, oidc: false });
    const list = await hub.app.inject({ url: "/api/citizen/demo/citizens" });
    expect(list.statusCode).toBe(404);
    expect(list.json().issue[0].details.coding[0].code).toBe("CITIZEN-DEMO-OFF");
    expect((await hub.app.inject({ method: "POST", url: "/api/citizen/demo/sign-in", payload: { personal_id: AN } })).statusCode).toBe(404);
    expect((await hub.app.inject({ method: "POST", url: "/api/citizen/oidc/start" })).json().issue[0].details.coding[0].code).toBe("CITIZEN-OIDC-OFF");
  });
});

describe("demo sign-in, demo on", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await createTestHub({ HOSO_DEMO: "true" });
    const base = { provinceCode: "01", communeCode: "00004", address: null, ethnicity: "01", phone: null };
    await upsertRegistryPersons(hub.deps.db, REGISTRY.map((p) => ({ ...p, ...base, guardianPersonalId: p.personalId === BINH ? AN : null })));
    await pushAll(hub, [checkupOn("2026-11-19")]);
    await pushAll(hub, [buildMinorCheckup({ maLk: "LK-B1", examTime: moment("2026-11-18T09:00") }), buildMinorCheckup({ maLk: "LK-B2", examTime: moment("2025-11-18T09:00") })]);
  });
  afterAll(async () => hub.close());

  const signIn = (personal_id: string) => hub.app.inject({ method: "POST", url: "/api/citizen/demo/sign-in", payload: { personal_id } });

  it("lists citizens with check-ups, guardians of children with check-ups first", async () => {
    const res = await hub.app.inject({ url: "/api/citizen/demo/citizens" });
    expect(res.json().citizens).toEqual([
      { personal_id: AN, full_name: "Nguyễn Văn An", birth_date: "1990-05-12", sex: "1", checkups: 1, wards: 1 },
      { personal_id: BINH, full_name: "Trần Thị Bình", birth_date: "2016-03-02", sex: "2", checkups: 2, wards: 0 },
    ]);
  });

  it("signs a demo citizen in, with the books they may open", async () => {
    const res = await signIn(AN);
    expect(res.statusCode).toBe(200);
    const me = await hub.app.inject({ url: "/api/me", headers: bearer(res.json().token) });
    expect(me.json()).toMatchObject({ personal_id: AN, books: [{ personal_id: AN, relation: "self" }, { personal_id: BINH, relation: "ward", full_name: "Trần Thị Bình" }] });
  });

  it("keeps one account per personal ID, even on concurrent first sign-ins", async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => signIn("001223001111")));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const rows = await hub.deps.db.query<{ n: number }>({ text: "SELECT count(*)::int AS n FROM citizen_accounts WHERE personal_id = '001223001111'", values: [] });
    expect(rows[0]!.n).toBe(1);
  });

  it("refreshes like any account, and never signs in with a password", async () => {
    const first = (await signIn(AN)).json();
    const renewed = await hub.app.inject({ method: "POST", url: "/api/auth/refresh", payload: { refresh_token: first.refresh_token } });
    expect(renewed.json()).toMatchObject({ role: "citizen" });
    const rows = await hub.deps.db.query<{ username: string }>({ text: "SELECT a.username FROM accounts a JOIN citizen_accounts c USING (account_id) WHERE c.personal_id = $1", values: [AN] });
    for (const password of ["!", "", "x"]) {
      const res = await hub.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: rows[0]!.username, password: password || "-" } });
      expect(res.statusCode).toBe(401);
    }
  });

  it("refuses a personal ID the registry does not know", async () => {
    expect((await signIn("001099999999")).statusCode).toBe(404);
    expect((await signIn("12345")).statusCode).toBe(400);
  });
});

describe("isMinor", () => {
  it("counts 18 years to the day, in Vietnam time", () => {
    // 2026-11-20T17:30Z is already 21 November in Vietnam.
    const now = new Date("2026-11-20T17:30:00Z");
    expect(isMinor("2008-11-21", now)).toBe(false);
    expect(isMinor("2008-11-22", now)).toBe(true);
    expect(isMinor("2016-03-02", now)).toBe(true);
    expect(isMinor("1990-05-12", now)).toBe(false);
  });
});
