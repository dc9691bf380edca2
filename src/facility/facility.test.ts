import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCheckup } from "../../test/factories/checkup.ts";
import { newKeyPair } from "../../test/factories/facility.ts";
import { createTestHub, envelope, loginAs, pushBody, type TestHub } from "../../test/hub.ts";
import { hashPassword } from "../access/passwords.ts";
import { insertAccount } from "../access/accounts-repo.ts";
import { buildPush } from "../intake/push-client.ts";
import { FACILITY_TRUST_MS } from "./facilities-repo.ts";

let hub: TestHub;
let national: string;
let provincial: string;
beforeAll(async () => {
  hub = await createTestHub();
  const pw = await hashPassword("steward-password");
  await insertAccount(hub.deps.db, { username: "steward-vn", passwordHash: pw, role: "steward" });
  await insertAccount(hub.deps.db, { username: "steward-hcm", passwordHash: pw, role: "steward", scopeProvince: "79" });
  national = await loginAs(hub.app, "steward-vn", "steward-password");
  provincial = await loginAs(hub.app, "steward-hcm", "steward-password");
});
afterAll(async () => hub.close());

const auth = (t: string) => ({ authorization: `Bearer ${t}` });

describe("facility administration", () => {
  it("lets a steward add a facility with its login and key; the facility can then push", async () => {
    const keys = newKeyPair();
    const res = await hub.app.inject({
      method: "POST",
      url: "/api/admin/facilities",
      headers: auth(national),
      payload: { code: "79123", gln: "8930000000123", name: "Trạm Y tế xã Thạnh An", provinceCode: "79", kind: "commune_station", username: "tyt-thanh-an", password: "mat-khau-dai", publicKeyPem: keys.publicKeyPem },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: "79123", name: "Trạm Y tế xã Thạnh An", kind: "commune_station" });
    const token = await loginAs(hub.app, "tyt-thanh-an", "mat-khau-dai");
    const xml = envelope([buildCheckup({ maLk: "NEWFAC-1", facilityCode: "79123", facilityGln: "8930000000123" })]);
    const r = await pushBody(hub, buildPush({ senderId: "8930000000123", xml, key: keys.privateKey }).body, token);
    expect(r.receipt.res_code).toBe("CM_SUCCESS");
  });

  it("refuses a duplicate code, bad fields (with their paths), and a non-steward", async () => {
    const dup = await hub.app.inject({ method: "POST", url: "/api/admin/facilities", headers: auth(national), payload: { code: "01013", name: "X", provinceCode: "01", kind: "clinic", username: "dupe-user", password: "12345678" } });
    expect(dup.statusCode).toBe(409);
    const bad = await hub.app.inject({ method: "POST", url: "/api/admin/facilities", headers: auth(national), payload: { code: "1", name: "", provinceCode: "1", kind: "spa", username: "u", password: "p" } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issue.map((i: { expression: string[] }) => i.expression[0])).toEqual(expect.arrayContaining(["code", "name", "provinceCode", "kind"]));
    const asFacility = await hub.app.inject({ url: "/api/admin/facilities", headers: auth(hub.token) });
    expect(asFacility.statusCode).toBe(403);
  });

  it("keeps a provincial steward inside the province", async () => {
    const res = await hub.app.inject({ method: "POST", url: "/api/admin/facilities", headers: auth(provincial), payload: { code: "01777", name: "PK Hà Nội", provinceCode: "01", kind: "clinic", username: "pk-hn-777", password: "12345678" } });
    expect(res.statusCode).toBe(403);
    expect(res.json().issue[0].details.coding[0].code).toBe("ACCESS-SCOPE");
  });

  it("rotates keys: a new key works alongside the old; a revoked key's signatures fail", async () => {
    const next = newKeyPair();
    const added = await hub.app.inject({ method: "POST", url: "/api/admin/facilities/01013/keys", headers: auth(national), payload: { publicKeyPem: next.publicKeyPem } });
    expect(added.statusCode).toBe(201);
    const send = (key: typeof next.privateKey, maLk: string) =>
      pushBody(hub, buildPush({ senderId: "8930000000017", xml: envelope([buildCheckup({ maLk })]), key }).body);
    expect((await send(next.privateKey, "ROT-1")).receipt.res_code).toBe("CM_SUCCESS");
    expect((await send(hub.facility.privateKey, "ROT-2")).receipt.res_code).toBe("CM_SUCCESS");

    const keys = (await hub.app.inject({ url: "/api/admin/facilities/01013/keys", headers: auth(national) })).json<{ key_id: string; fingerprint: string }[]>();
    const old = keys[0]!;
    const revoked = await hub.app.inject({ method: "POST", url: `/api/admin/facilities/01013/keys/${old.key_id}/revoke`, headers: auth(national) });
    expect(revoked.statusCode).toBe(200);
    expect((await send(hub.facility.privateKey, "ROT-3")).receipt.res_code).toBe("PS_SIGNATURE_INVALID");
    expect((await send(next.privateKey, "ROT-4")).receipt.res_code).toBe("CM_SUCCESS");
  });

  it("stops accepting a key revoked by another process (the CLI) within FACILITY_TRUST_MS", async () => {
    const other = newKeyPair();
    const added = await hub.app.inject({ method: "POST", url: "/api/admin/facilities/01013/keys", headers: auth(national), payload: { publicKeyPem: other.publicKeyPem } });
    expect(added.statusCode).toBe(201);
    const send = (maLk: string) =>
      pushBody(hub, buildPush({ senderId: "8930000000017", xml: envelope([buildCheckup({ maLk })]), key: other.privateKey, now: hub.deps.clock() }).body);
    expect((await send("OTHER-1")).receipt.res_code).toBe("CM_SUCCESS");
    // What `hoso facility key revoke` does from its own process: this hub's memory is not told.
    await hub.deps.db.query({ text: "UPDATE facility_keys SET status = 'revoked', revoked_at = now() WHERE public_key_pem = $1", values: [other.publicKeyPem] });
    hub.deps.setNow(new Date(hub.deps.clock().getTime() + FACILITY_TRUST_MS + 1));
    expect((await send("OTHER-2")).receipt.res_code).toBe("PS_SIGNATURE_INVALID");
  });
});
