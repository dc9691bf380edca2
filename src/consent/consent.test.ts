import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHub, type TestHub } from "../../test/hub.ts";
import { AN, bearer, checkupOn, citizenToken, clinicianToken, pushAll } from "../healthbook/test-kit.ts";
import type { HealthBook } from "../healthbook/book.ts";
import type { AccessLog } from "../audit/audit.ts";

let hub: TestHub;
let citizen: string;
let doctor: string;
const T0 = new Date("2026-11-20T03:00:00Z");
const at = (minutes: number) => hub.deps.setNow(new Date(T0.getTime() + minutes * 60_000));

const share = (payload: object, token = citizen) =>
  hub.app.inject({ method: "POST", url: `/api/citizen/books/${AN}/shares`, headers: bearer(token), payload });
const redeem = (code: string, token = doctor) => hub.app.inject({ method: "POST", url: "/api/clinician/shares/redeem", headers: bearer(token), payload: { code } });
const read = (grantId: string, path = "book", token = doctor) => hub.app.inject({ url: `/api/clinician/grants/${grantId}/${path}`, headers: bearer(token) });
const code = (res: { json(): { issue: { details: { coding: { code: string }[] } }[] } }) => res.json().issue[0]!.details.coding[0]!.code;
const myLog = async () => (await hub.app.inject({ url: "/api/me/access-log", headers: bearer(citizen) })).json<AccessLog>();

beforeAll(async () => {
  // Tokens outlive the grants under test: it is the grant's end that must refuse.
  hub = await createTestHub({ HOSO_TOKEN_TTL_SECONDS: "86400" });
  citizen = await citizenToken(hub, AN);
  doctor = await clinicianToken(hub, "bs-ha");
  await pushAll(hub, [checkupOn("2025-11-18", { sbp: "150" }), checkupOn("2026-11-19")]);
});
afterAll(async () => hub.close());

describe("shares", () => {
  it("are made with a short code and a QR, listed while active, for 15 minutes to 7 days", async () => {
    at(0);
    const res = await share({ scope: "summary", duration_minutes: 60 });
    expect(res.statusCode).toBe(201);
    const s = res.json();
    expect(s.code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(s.code_display).toBe(`${s.code.slice(0, 4)}-${s.code.slice(4)}`);
    expect(s.qr_svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(s.qr_text).toBe(`http://127.0.0.1:3000/doctor?code=${s.code}`);
    expect(s.expires_at).toBe("2026-11-20T04:00:00.000Z");
    const list = (await hub.app.inject({ url: `/api/citizen/books/${AN}/shares`, headers: bearer(citizen) })).json();
    expect(list.shares).toEqual([expect.objectContaining({ share_id: s.share_id, scope: "summary", redemptions: 0 })]);
    expect(JSON.stringify(list)).not.toContain(s.code);
    for (const duration_minutes of [14, 7 * 24 * 60 + 1]) expect((await share({ scope: "summary", duration_minutes })).statusCode).toBe(400);
    expect((await share({ scope: "all", duration_minutes: 60 })).statusCode).toBe(400);
  });

  it("stores only a keyed hash of the code", async () => {
    const s = (await share({ scope: "summary", duration_minutes: 15 })).json();
    const rows = await hub.deps.db.query<{ code_hash: string }>({ text: "SELECT code_hash FROM shares WHERE share_id = $1", values: [s.share_id] });
    expect(rows[0]!.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.code_hash).not.toContain(s.code);
  });

  it("let a clinician read the summary for the share's time, audited with who, facility and purpose", async () => {
    at(0);
    const s = (await share({ scope: "summary", duration_minutes: 30 })).json();
    const r = await redeem(s.code_display.toLowerCase());
    expect(r.statusCode).toBe(201);
    const grant = r.json();
    expect(grant).toMatchObject({ kind: "share", scope: "summary", expires_at: "2026-11-20T03:30:00.000Z", patient: { full_name: "Nguyễn Văn An", birth_date: "1990-05-12" } });

    const book = await read(grant.grant_id);
    expect(book.statusCode).toBe(200);
    const b = book.json<HealthBook>();
    expect(b.scope).toBe("summary");
    expect(b.checkups.map((c) => c.exam_date)).toEqual(["2026-11-19"]);
    // The summary is the latest check-up: an older one is not in it, nor are the trends.
    const older = (await hub.app.inject({ url: `/api/citizen/books/${AN}`, headers: bearer(citizen) })).json<HealthBook>().checkups[1]!.checkup_id;
    expect((await read(grant.grant_id, `checkups/${older}`)).statusCode).toBe(404);
    expect((await read(grant.grant_id, `checkups/${b.checkups[0]!.checkup_id}`)).statusCode).toBe(200);
    const trend = await read(grant.grant_id, "trends/bp");
    expect(trend.statusCode).toBe(403);
    expect(code(trend)).toBe("CONSENT-SCOPE");

    const entry = (await myLog()).entries.find((e) => e.action.code === "healthbook.read" && e.actor.kind === "clinician")!;
    expect(entry).toMatchObject({
      actor: { kind: "clinician", name: "BS. bs-ha" },
      role: "clinician",
      facility: { code: "01013" },
      purpose: { code: "share" },
      outcome: "allowed",
      break_glass: false,
    });
    expect(entry.request_id).toEqual(expect.any(String));
  });

  it("end: reads refused after expiry, and the code no longer redeems", async () => {
    at(0);
    const s = (await share({ scope: "everything", duration_minutes: 15 })).json();
    const grant = (await redeem(s.code)).json();
    expect((await read(grant.grant_id, "trends/bp")).statusCode).toBe(200);
    at(16);
    const late = await read(grant.grant_id);
    expect(late.statusCode).toBe(403);
    expect(code(late)).toBe("CONSENT-GRANT-EXPIRED");
    const again = await redeem(s.code);
    expect(again.statusCode).toBe(403);
    expect(code(again)).toBe("CONSENT-CODE-EXPIRED");
    expect((await myLog()).entries[0]).toMatchObject({ action: { code: "share.redeem" }, outcome: "refused" });
  });

  it("can be revoked: the grant stops reading at once, the code stops redeeming", async () => {
    at(0);
    const s = (await share({ scope: "everything", duration_minutes: 24 * 60 })).json();
    const grant = (await redeem(s.code)).json();
    expect((await read(grant.grant_id)).statusCode).toBe(200);
    const rv = await hub.app.inject({ method: "POST", url: `/api/citizen/books/${AN}/shares/${s.share_id}/revoke`, headers: bearer(citizen) });
    expect(rv.statusCode).toBe(200);
    expect(rv.json()).toEqual({ share_id: s.share_id, revoked_at: T0.toISOString() });
    const refused = await read(grant.grant_id);
    expect(refused.statusCode).toBe(403);
    expect(code(refused)).toBe("CONSENT-SHARE-REVOKED");
    expect(code(await redeem(s.code))).toBe("CONSENT-CODE-EXPIRED");
    const list = (await hub.app.inject({ url: `/api/citizen/books/${AN}/shares`, headers: bearer(citizen) })).json();
    expect(list.shares.map((x: { share_id: string }) => x.share_id)).not.toContain(s.share_id);
    expect((await myLog()).entries.some((e) => e.outcome === "refused" && e.actor.kind === "clinician")).toBe(true);
  });

  it("refuse an unknown code, another clinician's grant, and a citizen revoking someone else's share", async () => {
    at(0);
    expect(code(await redeem("2345-6789"))).toBe("CONSENT-CODE-INVALID");
    expect(code(await redeem("not a code at all"))).toBe("CONSENT-CODE-INVALID");
    const s = (await share({ scope: "everything", duration_minutes: 60 })).json();
    const grant = (await redeem(s.code)).json();
    const other = await clinicianToken(hub, "bs-khac");
    const stolen = await read(grant.grant_id, "book", other);
    expect(stolen.statusCode).toBe(404);
    expect(code(stolen)).toBe("CONSENT-GRANT-NOT-FOUND");
    const mine = (await hub.app.inject({ url: "/api/clinician/grants", headers: bearer(doctor) })).json();
    expect(mine.grants.map((g: { grant_id: string }) => g.grant_id)).toContain(grant.grant_id);
    expect((await hub.app.inject({ url: "/api/clinician/grants", headers: bearer(other) })).json().grants).toEqual([]);
    const stranger = await citizenToken(hub, "001223001111");
    const rv = await hub.app.inject({ method: "POST", url: `/api/citizen/books/${AN}/shares/${s.share_id}/revoke`, headers: bearer(stranger) });
    expect(rv.statusCode).toBe(403);
  });
});

describe("break-glass", () => {
  const open = (payload: object) => hub.app.inject({ method: "POST", url: "/api/clinician/break-glass", headers: bearer(doctor), payload });

  it("needs a reason", async () => {
    at(0);
    const res = await open({ personal_id: AN, reason: "gấp" });
    expect(res.statusCode).toBe(400);
    expect(code(res)).toBe("CONSENT-REASON-REQUIRED");
    expect((await open({ personal_id: AN })).statusCode).toBe(400);
  });

  it("gives a time-limited grant to everything, flagged with its reason in the citizen's log", async () => {
    at(0);
    const res = await open({ personal_id: AN, reason: "Bệnh nhân hôn mê tại cấp cứu, cần tiền sử" });
    expect(res.statusCode).toBe(201);
    const grant = res.json();
    expect(grant).toMatchObject({ kind: "break-glass", scope: "everything", expires_at: "2026-11-20T04:00:00.000Z" });
    const b = await read(grant.grant_id);
    expect(b.json<HealthBook>().checkups).toHaveLength(2);
    const flagged = (await myLog()).entries.filter((e) => e.break_glass);
    expect(flagged.map((e) => e.action.code)).toEqual(["healthbook.read", "break-glass.open"]);
    expect(flagged[0]).toMatchObject({ reason: "Bệnh nhân hôn mê tại cấp cứu, cần tiền sử", purpose: { code: "break-glass", vi: "Truy cập khẩn cấp" }, actor: { name: "BS. bs-ha" } });
    at(61);
    expect(code(await read(grant.grant_id))).toBe("CONSENT-GRANT-EXPIRED");
  });

  it("refuses a person the registry does not know", async () => {
    at(0);
    expect((await open({ personal_id: "001099999999", reason: "Bệnh nhân không rõ danh tính" })).statusCode).toBe(404);
  });
});
