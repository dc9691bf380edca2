/**
 * The authorization matrix (issue 5 §5): every person-data route against every role, the refusals
 * audited against the person, and token attacks refused.
 */
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHub, REGISTRY, type TestHub } from "../../test/hub.ts";
import { upsertRegistryPersons } from "../identity/registry-repo.ts";
import { AUDIENCE, ISSUER } from "../access/tokens.ts";
import { AN, BINH, DUC, bearer, checkupOn, citizenToken, clinicianToken, pushAll, staffToken, systemClient } from "./test-kit.ts";
import type { HealthBook } from "./book.ts";

let hub: TestHub;
type Who = "self" | "otherCitizen" | "clinician" | "facility" | "steward" | "analyst" | "commune" | "system" | "systemChangesOnly";
const tokens = {} as Record<Who, string>;
let checkupId: string;
let shareId: string;
let grantId: string;
const ADULT_CHILD = "001095007777"; // AN's child in the registry, but 31 years old: not a ward

beforeAll(async () => {
  hub = await createTestHub({ HOSO_TOKEN_TTL_SECONDS: "86400" });
  // The registry links Bình (10) to An as guardian; Đức (3) to someone else.
  const base = { provinceCode: "01", communeCode: "00004", address: null, ethnicity: "01", phone: null };
  await upsertRegistryPersons(hub.deps.db, [
    ...REGISTRY.map((p) => ({ ...p, ...base, guardianPersonalId: p.personalId === BINH ? AN : p.personalId === DUC ? "001190000002" : null })),
    { personalId: ADULT_CHILD, fullName: "Nguyễn Văn Bảo", birthDate: "1995-01-01", sex: "1", ...base, guardianPersonalId: AN },
  ]);
  await pushAll(hub, [checkupOn("2026-11-19")]);
  tokens.self = await citizenToken(hub, AN);
  tokens.otherCitizen = await citizenToken(hub, DUC);
  tokens.clinician = await clinicianToken(hub, "bs-matrix");
  tokens.facility = hub.token;
  for (const role of ["steward", "analyst", "commune"] as const) tokens[role] = await staffToken(hub, role);
  tokens.system = await (await systemClient(hub)).token();
  tokens.systemChangesOnly = await (await systemClient(hub, ["system/HealthBookChanges.read"])).token();

  checkupId = (await hub.app.inject({ url: `/api/citizen/books/${AN}`, headers: bearer(tokens.self) })).json<HealthBook>().checkups[0]!.checkup_id;
  const share = (await hub.app.inject({ method: "POST", url: `/api/citizen/books/${AN}/shares`, headers: bearer(tokens.self), payload: { scope: "everything", duration_minutes: 600 } })).json();
  shareId = share.share_id;
  grantId = (await hub.app.inject({ method: "POST", url: "/api/clinician/shares/redeem", headers: bearer(tokens.clinician), payload: { code: share.code } })).json().grant_id;
});
afterAll(async () => hub.close());

type Req = { method: "GET" | "POST"; url: string; payload?: object };
const call = (r: Req, token?: string) => hub.app.inject({ ...r, headers: token ? bearer(token) : {} });
const codeOf = (res: Awaited<ReturnType<typeof call>>) => res.json().issue?.[0]?.details.coding[0].code as string | undefined;

const citizenRoutes = (pid: string): Req[] => [
  { method: "GET", url: `/api/citizen/books/${pid}` },
  { method: "GET", url: `/api/citizen/books/${pid}/checkups/${checkupId}` },
  { method: "GET", url: `/api/citizen/books/${pid}/checkups/${checkupId}/pdf` },
  { method: "GET", url: `/api/citizen/books/${pid}/trends/bp` },
  { method: "GET", url: `/api/citizen/books/${pid}/access-log` },
  { method: "GET", url: `/api/citizen/books/${pid}/shares` },
  { method: "POST", url: `/api/citizen/books/${pid}/shares`, payload: { scope: "summary", duration_minutes: 15 } },
];
const grantRoutes = (): Req[] => [
  { method: "GET", url: `/api/clinician/grants/${grantId}/book` },
  { method: "GET", url: `/api/clinician/grants/${grantId}/checkups/${checkupId}` },
  { method: "GET", url: `/api/clinician/grants/${grantId}/checkups/${checkupId}/pdf` },
  { method: "GET", url: `/api/clinician/grants/${grantId}/trends/bmi` },
];
const STAFF = ["clinician", "facility", "steward", "analyst", "commune", "system"] as const;

const refusedAudits = async (role: string) => {
  const rows = await hub.deps.db.query<{ n: number }>({
    text: `SELECT count(*)::int AS n FROM audit_log a JOIN persons p USING (person_id) WHERE p.personal_id = $1 AND a.actor_role = $2 AND a.outcome = 'refused'`,
    values: [AN, role],
  });
  return rows[0]!.n;
};

describe("citizen book routes", () => {
  it("answer the citizen's own book", async () => {
    for (const r of citizenRoutes(AN)) expect([200, 201], `${r.method} ${r.url}`).toContain((await call(r, tokens.self)).statusCode);
    const revoke = await call({ method: "POST", url: `/api/citizen/books/${AN}/shares/${shareId}/revoke` }, tokens.self);
    expect(revoke.statusCode).toBe(200);
  });

  it("answer a guardian for a ward the registry links to them, audited as a guardian read", async () => {
    // Bình has no check-up yet: her book holds the registry data; An's check-up is not in it.
    const expected = [200, 404, 404, 200, 200, 200, 201];
    const got = [];
    for (const r of citizenRoutes(BINH)) got.push((await call(r, tokens.self)).statusCode);
    expect(got).toEqual(expected);
    const rows = await hub.deps.db.query<{ purpose: string }>({ text: "SELECT DISTINCT purpose FROM audit_log WHERE actor_role = 'citizen' AND outcome = 'allowed'", values: [] });
    expect(rows.map((r) => r.purpose)).toEqual(["guardian"]);
  });

  it("refuse an adult child, even linked in the registry", async () => {
    const res = await call({ method: "GET", url: `/api/citizen/books/${ADULT_CHILD}` }, tokens.self);
    expect(res.statusCode).toBe(403);
  });

  it("refuse citizen A asking for B's book by changing the ID in the URL — audited against B", async () => {
    const before = await refusedAudits("citizen");
    for (const r of citizenRoutes(AN)) {
      const res = await call(r, tokens.otherCitizen);
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
      expect(codeOf(res)).toBe("ACCESS-NOT-YOURS");
    }
    expect(await refusedAudits("citizen")).toBe(before + citizenRoutes(AN).length);
    const log = (await call({ method: "GET", url: "/api/me/access-log" }, tokens.self)).json();
    expect(log.entries[0]).toMatchObject({ actor: { kind: "citizen", name: null }, outcome: "refused", purpose: { code: "none" } });
  });

  it.each(STAFF)("refuse %s, audited against the person", async (role) => {
    const before = await refusedAudits(role);
    for (const r of citizenRoutes(AN)) {
      const res = await call(r, tokens[role]);
      expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBe(403);
      expect(codeOf(res)).toBe("ACCESS-ROLE");
    }
    expect(await refusedAudits(role)).toBe(before + citizenRoutes(AN).length);
  });

  it("refuse a request without a token, 401", async () => {
    for (const r of citizenRoutes(AN)) expect((await call(r)).statusCode).toBe(401);
  });
});

describe("clinician grant routes", () => {
  it("answer the clinician holding the live grant", async () => {
    // The share behind this grant was revoked above: make a fresh one.
    const share = (await hub.app.inject({ method: "POST", url: `/api/citizen/books/${AN}/shares`, headers: bearer(tokens.self), payload: { scope: "everything", duration_minutes: 600 } })).json();
    grantId = (await call({ method: "POST", url: "/api/clinician/shares/redeem", payload: { code: share.code } }, tokens.clinician)).json().grant_id;
    for (const r of grantRoutes()) expect((await call(r, tokens.clinician)).statusCode, r.url).toBe(200);
  });

  it.each(["self", "otherCitizen", "facility", "steward", "analyst", "commune", "system"] as const)("refuse %s", async (who) => {
    for (const r of grantRoutes()) expect((await call(r, tokens[who])).statusCode, `${who} ${r.url}`).toBe(403);
  });

  it("refuse a clinician without a grant: no book by personal ID either", async () => {
    const other = await clinicianToken(hub, "bs-no-grant");
    for (const r of grantRoutes()) expect((await call(r, other)).statusCode).toBe(404);
    expect((await call({ method: "GET", url: `/api/citizen/books/${AN}` }, other)).statusCode).toBe(403);
    expect((await call({ method: "GET", url: `/api/vneid/health-books/${AN}` }, other)).statusCode).toBe(403);
  });
});

describe("VNeID routes", () => {
  const book = { method: "GET" as const, url: `/api/vneid/health-books/${AN}` };
  const feed = { method: "GET" as const, url: "/api/vneid/changes" };

  it("answer a system client with the scope, and refuse it without", async () => {
    expect((await call(book, tokens.system)).statusCode).toBe(200);
    expect((await call(feed, tokens.system)).statusCode).toBe(200);
    const noScope = await call(book, tokens.systemChangesOnly);
    expect(noScope.statusCode).toBe(403);
    expect(codeOf(noScope)).toBe("ACCESS-SCOPE");
    expect((await call(feed, tokens.systemChangesOnly)).statusCode).toBe(200);
  });

  it.each(["self", "otherCitizen", "clinician", "facility", "steward", "analyst", "commune"] as const)("refuse %s", async (who) => {
    for (const r of [book, feed]) expect((await call(r, tokens[who])).statusCode, `${who} ${r.url}`).toBe(403);
  });

  it("refuse an analyst asking for a person, audited", async () => {
    const before = await refusedAudits("analyst");
    const res = await call(book, tokens.analyst);
    expect(res.statusCode).toBe(403);
    expect(await refusedAudits("analyst")).toBe(before + 1);
  });
});

describe("role-only routes", () => {
  it("/api/me is the citizen's; the clinician's routes are the clinician's", async () => {
    for (const who of ["clinician", "facility", "steward", "analyst", "commune", "system"] as const) {
      expect((await call({ method: "GET", url: "/api/me" }, tokens[who])).statusCode, who).toBe(403);
      expect((await call({ method: "GET", url: "/api/me/access-log" }, tokens[who])).statusCode, who).toBe(403);
    }
    for (const who of ["self", "facility", "steward", "analyst", "commune", "system"] as const) {
      expect((await call({ method: "GET", url: "/api/clinician/grants" }, tokens[who])).statusCode, who).toBe(403);
      expect((await call({ method: "POST", url: "/api/clinician/shares/redeem", payload: { code: "2345-6789" } }, tokens[who])).statusCode, who).toBe(403);
      expect((await call({ method: "POST", url: "/api/clinician/break-glass", payload: { personal_id: AN, reason: "cấp cứu không rõ tiền sử" } }, tokens[who])).statusCode, who).toBe(403);
    }
    expect((await call({ method: "GET", url: "/api/me" }, tokens.self)).json().books.map((b: { relation: string }) => b.relation)).toEqual(["self", "ward"]);
  });
});

describe("token attacks", () => {
  const key = () => hub.deps.secrets.jwtKey;
  const iat = () => Math.floor(hub.deps.clock().getTime() / 1000);
  const forged = async (o: { iss?: string; aud?: string; exp?: number; role?: string }) =>
    new SignJWT({ role: o.role ?? "system", scope: "system/HealthBook.read system/HealthBookChanges.read" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("00000000-0000-0000-0000-000000000001")
      .setIssuer(o.iss ?? ISSUER)
      .setAudience(o.aud ?? AUDIENCE)
      .setIssuedAt(iat() - 7200)
      .setExpirationTime(o.exp ?? iat() + 600)
      .sign(key());
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");

  it("accepts the well-formed control token (so the refusals below are about the attack)", async () => {
    expect((await call({ method: "GET", url: "/api/vneid/changes" }, await forged({}))).statusCode).toBe(200);
  });

  it("refuse a wrong issuer, a wrong audience, alg none and an expired token, on every kind of route", async () => {
    const attacks = {
      issuer: await forged({ iss: "https://evil.example" }),
      audience: await forged({ aud: "another-api" }),
      expired: await forged({ exp: iat() - 1 }),
      none: `${b64({ alg: "none", typ: "JWT" })}.${b64({ role: "system", sub: "x", iss: ISSUER, aud: AUDIENCE, exp: iat() + 600, scope: "system/HealthBook.read" })}.`,
      citizenNone: `${b64({ alg: "none" })}.${b64({ role: "citizen", sub: "x", iss: ISSUER, aud: AUDIENCE, exp: iat() + 600 })}.`,
    };
    const routes: Req[] = [
      { method: "GET", url: `/api/vneid/health-books/${AN}` },
      { method: "GET", url: "/api/vneid/changes" },
      { method: "GET", url: `/api/citizen/books/${AN}` },
      { method: "GET", url: `/api/clinician/grants/${grantId}/book` },
      { method: "GET", url: "/api/me/access-log" },
    ];
    for (const [name, token] of Object.entries(attacks)) {
      for (const r of routes) {
        const res = await call(r, token);
        expect(res.statusCode, `${name} ${r.url}`).toBe(401);
        expect(codeOf(res)).toBe("AUTH-TOKEN-INVALID");
      }
    }
  });
});

describe("the audit log", () => {
  it("pages the citizen's log newest first", async () => {
    const first = (await call({ method: "GET", url: "/api/me/access-log?limit=3" }, tokens.self)).json<{ entries: { id: number }[]; next_before: number }>();
    const ids = first.entries.map((e) => e.id);
    expect(ids).toHaveLength(3);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(first.next_before).toBe(ids[2]);
    const second = (await call({ method: "GET", url: `/api/me/access-log?limit=3&before=${first.next_before}` }, tokens.self)).json<{ entries: { id: number }[] }>();
    expect(second.entries).toHaveLength(3);
    expect(second.entries.every((e) => e.id < ids[2]!)).toBe(true);
  });

  it("has no route that changes or deletes an entry", async () => {
    for (const method of ["DELETE", "PUT", "PATCH"] as const) {
      expect((await hub.app.inject({ method, url: "/api/me/access-log", headers: bearer(tokens.self) })).statusCode).toBe(404);
    }
  });

  it("is refused by the database itself", async () => {
    await expect(hub.deps.db.query({ text: "UPDATE audit_log SET outcome = 'allowed'", values: [] })).rejects.toThrow(/append-only/);
    await expect(hub.deps.db.query({ text: "DELETE FROM audit_log", values: [] })).rejects.toThrow(/append-only/);
  });
});
