import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCheckup } from "../../test/factories/checkup.ts";
import { newKeyPair } from "../../test/factories/facility.ts";
import { count, createTestHub, envelope, push, pushBody, type TestHub } from "../../test/hub.ts";
import { buildPush } from "./push-client.ts";
import { signPush } from "./signature.ts";
import { issueAccessToken } from "../access/tokens.ts";

let hub: TestHub;
beforeAll(async () => {
  hub = await createTestHub({ HOSO_BODY_LIMIT_BYTES: "200000" });
  // Good data already stored: no refusal below may touch it.
  await push(hub, envelope([buildCheckup({ maLk: "KEEP-1" })]));
});
afterAll(async () => hub.close());

const goodXml = () => envelope([buildCheckup({ maLk: `X-${Math.random().toString(36).slice(2, 8)}` })]);

function signed(headerOverrides: Record<string, unknown>, data: string) {
  const header = {
    version: "1.0.6",
    sender_id: "8930000000017",
    receiver_id: "TDLBYT",
    txn_type: "sync_checkup",
    msg_id: `8930000000017261120${Math.random().toString(16).slice(2).padEnd(32, "0").slice(0, 32)}`,
    msg_type: "101",
    data_type: "xml/base64",
    send_datetime: "1763600000000",
    ...headerOverrides,
  };
  const headerJson = JSON.stringify(header);
  return `{"header":${headerJson},"data":${JSON.stringify(data)},"signature":"${signPush(hub.facility.privateKey, headerJson, data)}"}`;
}

const codesOf = (r: { data: { findings: { code: string }[] } | null }) => r.data?.findings.map((f) => f.code) ?? [];

async function expectNothingChanged(before: number) {
  expect(await count(hub, "checkups")).toBe(before);
  expect(await count(hub, "checkups", "ma_lk = 'KEEP-1' AND status = 'current'")).toBe(1);
}

describe("bad input gets a precise answer and changes nothing else", () => {
  it("refuses a body over the size limit with 413 before reading it whole", async () => {
    const before = await count(hub, "checkups");
    const res = await hub.app.inject({
      method: "POST",
      url: "/api/platform/data-sync/push",
      headers: { authorization: `Bearer ${hub.token}`, "content-type": "application/json" },
      payload: "x".repeat(300_000),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().issue[0].details.coding[0].code).toBe("HTTP-BODY-TOO-LARGE");
    expect(res.json().issue[0].text.en).toMatch(/size limit/);
    await expectNothingChanged(before);
  });

  it("refuses malformed JSON", async () => {
    const before = await count(hub, "checkups");
    const r = await pushBody(hub, '{"header": {');
    expect(r.status).toBe(400);
    expect(r.receipt.res_code).toBe("CM_INVALID_REQUEST");
    expect(codesOf(r)).toEqual(["PUSH-JSON-MALFORMED"]);
    await expectNothingChanged(before);
  });

  it("refuses data that is not base64", async () => {
    const r = await pushBody(hub, signed({}, "this is not base64!!"));
    expect(r.status).toBe(400);
    expect(codesOf(r)).toContain("PUSH-DATA-NOT-BASE64");
    expect(r.data.findings[0]!.path).toBe("data");
  });

  it("refuses header fields that break the standard, naming each field", async () => {
    const r = await pushBody(hub, signed({ txn_type: "sync_other", msg_type: "999" }, Buffer.from(goodXml()).toString("base64")));
    expect(r.status).toBe(400);
    const paths = r.data.findings.map((f) => f.path);
    expect(paths).toContain("header/txn_type");
    expect(paths).toContain("header/msg_type");
  });

  it("refuses XML that is not well-formed", async () => {
    const before = await count(hub, "checkups");
    const r = await push(hub, "<KHAMSUCKHOE><THONGTINHOSO></KHAMSUCKHOE>");
    expect(r.status).toBe(400);
    expect(r.receipt.res_code).toBe("CM_INVALID_REQUEST");
    expect(codesOf(r)).toContain("XML-MALFORMED");
    await expectNothingChanged(before);
  });

  it("refuses any DOCTYPE or entity declaration without expanding it", async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><KHAMSUCKHOE>&lol2;</KHAMSUCKHOE>`;
    const r = await push(hub, laughs);
    expect(r.status).toBe(400);
    expect(codesOf(r)).toContain("XML-DOCTYPE");
  });

  it("refuses nesting beyond sane limits", async () => {
    const deep = `<KHAMSUCKHOE>${"<a>".repeat(200)}x${"</a>".repeat(200)}</KHAMSUCKHOE>`;
    const r = await push(hub, deep);
    expect(r.status).toBe(400);
    expect(codesOf(r)).toContain("XML-TOO-DEEP");
  });

  it("refuses a wrong signature", async () => {
    const before = await count(hub, "checkups");
    const stranger = newKeyPair();
    const { body } = buildPush({ senderId: "8930000000017", xml: goodXml(), key: stranger.privateKey });
    const r = await pushBody(hub, body);
    expect(r.status).toBe(401);
    expect(r.receipt.res_code).toBe("PS_SIGNATURE_INVALID");
    await expectNothingChanged(before);
  });

  it("refuses a missing signature", async () => {
    const r = await pushBody(hub, JSON.stringify({ header: { msg_id: "x" }, data: "QUJD" }).replace(/}$/, ',"signature":""}'));
    expect(r.status).toBe(400);
    expect(codesOf(r)).toContain("PS_DS_RSA_SIGNATURE_MISSING");
  });

  it("refuses a signature over a header changed after signing", async () => {
    const { body } = buildPush({ senderId: "8930000000017", xml: goodXml(), key: hub.facility.privateKey });
    const tampered = body.replace('"version":"1.0.6"', '"version":"1.0.7"');
    const r = await pushBody(hub, tampered);
    expect(r.receipt.res_code).toBe("PS_SIGNATURE_INVALID");
  });

  it("refuses a sender_id that is not the signed-in facility, and an unknown one", async () => {
    for (const sender of ["8930000000024", "8939999999999"]) {
      const { body } = buildPush({ senderId: sender, xml: goodXml(), key: hub.facility.privateKey });
      const r = await pushBody(hub, body);
      expect(r.status).toBe(403);
      expect(codesOf(r)).toContain("PUSH-SENDER-MISMATCH");
    }
  });

  it("refuses a missing, malformed or expired token, and a token of the wrong role", async () => {
    const { body } = buildPush({ senderId: "8930000000017", xml: goodXml(), key: hub.facility.privateKey });
    const send = (authorization?: string) =>
      hub.app.inject({ method: "POST", url: "/api/platform/data-sync/push", headers: authorization ? { authorization } : {}, payload: body });
    expect((await send()).statusCode).toBe(401);
    expect((await send("Bearer not-a-token")).statusCode).toBe(401);
    const p = { accountId: "00000000-0000-0000-0000-000000000000", role: "facility" as const, facilityId: hub.facility.facility.facility_id, scopeProvince: null };
    const expired = await issueAccessToken(hub.deps.secrets.jwtKey, p, 60, new Date(hub.deps.clock().getTime() - 3_600_000));
    const expiredRes = await send(`Bearer ${expired}`);
    expect(expiredRes.statusCode).toBe(401);
    expect(expiredRes.json().issue[0].details.coding[0].code).toBe("AUTH-TOKEN-INVALID");
    const analyst = await issueAccessToken(hub.deps.secrets.jwtKey, { ...p, role: "analyst" }, 60, hub.deps.clock());
    expect((await send(`Bearer ${analyst}`)).statusCode).toBe(403);
    const forged = await issueAccessToken(new TextEncoder().encode("x".repeat(48)), p, 60, hub.deps.clock());
    expect((await send(`Bearer ${forged}`)).statusCode).toBe(401);
    const none = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(JSON.stringify({ sub: p.accountId, role: "facility", iss: "hoso", aud: "hoso-api" })).toString("base64url")}.`;
    expect((await send(`Bearer ${none}`)).statusCode).toBe(401);
  });

  it("keeps refused requests for audit without taking their msg_id", async () => {
    const { body, msgId } = buildPush({ senderId: "8930000000017", xml: goodXml(), key: newKeyPair().privateKey });
    await pushBody(hub, body);
    expect(await count(hub, "submissions", "status = 'refused'")).toBeGreaterThan(0);
    // The facility fixes its key and sends the same message: accepted.
    const fixed = buildPush({ senderId: "8930000000017", xml: goodXml(), key: hub.facility.privateKey, msgId });
    const r = await pushBody(hub, fixed.body);
    expect(r.receipt.res_code).toBe("CM_SUCCESS");
  });
});
