import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCheckup } from "../../test/factories/checkup.ts";
import { count, createTestHub, type TestHub } from "../../test/hub.ts";
import { writeVss } from "../formats/vss/write.ts";
import { md5Upper } from "../access/gateway-login.ts";
import type { CheckupRecord } from "../checkup/model.ts";

let hub: TestHub;
let accessToken: string;
let tokenId: string;
beforeAll(async () => {
  hub = await createTestHub();
  const res = await hub.app.inject({
    method: "POST",
    url: "/api/token/take",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    payload: `username=${hub.facility.username}&password=${md5Upper(hub.facility.password)}`,
  });
  const key = res.json<{ APIKey: { access_token: string; id_token: string } }>().APIKey;
  accessToken = key.access_token;
  tokenId = key.id_token;
});
afterAll(async () => hub.close());

const visits = (records: CheckupRecord[]) => writeVss(records.map((record, i) => ({ record: { ...record, format: "vss" as const, index: i, path: `HOSO[${i}]` } })));

async function send(xml: string, extra: Record<string, string> = {}, headers: Record<string, string> = { accessToken, tokenId }) {
  const res = await hub.app.inject({
    method: "POST",
    url: "/api/qd130/guiHoSoXmlQD3176",
    headers: { "content-type": "application/json", ...headers },
    payload: JSON.stringify({ username: hub.facility.username, loaiHoSo: "130", maTinh: "01", maCSKCB: "01013", fileHSBase64: Buffer.from(xml).toString("base64"), ...extra }),
  });
  return { status: res.statusCode, body: res.json<{ maKetQua: string; maGiaoDich: string; thoiGianTiepNhan: string; chiTiet?: { ma_lk: string; outcome: string; version: number | null }[] }>() };
}

describe("the Social Security gateway channel", () => {
  it("signs in with the password as upper-case MD5 hex, and refuses a wrong one", async () => {
    expect(accessToken).toBeTruthy();
    expect(tokenId).toMatch(/^[0-9a-f]{48}$/);
    const wrong = await hub.app.inject({
      method: "POST",
      url: "/api/token/take",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: `username=${hub.facility.username}&password=${md5Upper("not the password")}`,
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ maKetQua: "401" });
  });

  it("takes a GIAMDINHHS file with several visits: check-ups and screenings as check-ups, others as encounters", async () => {
    const r = await send(visits([
      buildCheckup({ maLk: "VSS-15", visitType: "15" }),
      buildCheckup({ maLk: "VSS-16", visitType: "16" }),
      buildCheckup({ maLk: "VSS-01", visitType: "01" }),
    ]));
    expect(r.status).toBe(200);
    expect(r.body.maKetQua).toBe("200");
    expect(r.body.thoiGianTiepNhan).toMatch(/^\d{14}$/);
    expect(r.body.maGiaoDich).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.body.chiTiet!.map((c) => [c.ma_lk, c.outcome])).toEqual([
      ["VSS-15", "accepted"],
      ["VSS-16", "accepted"],
      ["VSS-01", "accepted"],
    ]);
    const kinds = await hub.deps.db.query<{ ma_lk: string; kind: string }>({ text: "SELECT ma_lk, kind FROM checkups WHERE ma_lk LIKE 'VSS-%' ORDER BY ma_lk", values: [] });
    expect(kinds).toEqual([
      { ma_lk: "VSS-01", kind: "encounter" },
      { ma_lk: "VSS-15", kind: "checkup" },
      { ma_lk: "VSS-16", kind: "checkup" },
    ]);
  });

  it("stores nothing for a re-sent file, and a new XML1 for the same visit replaces it", async () => {
    const file = visits([buildCheckup({ maLk: "VSS-R", visitType: "15" })]);
    await send(file);
    expect((await send(file)).body.chiTiet![0]).toMatchObject({ outcome: "unchanged" });
    const changed = visits([buildCheckup({ maLk: "VSS-R", visitType: "15", reason: "Tái khám" })]);
    expect((await send(changed)).body.chiTiet![0]).toMatchObject({ outcome: "accepted", version: 2 });
    expect(await count(hub, "checkups", "ma_lk = 'VSS-R' AND status = 'current'")).toBe(1);
  });

  it("answers bad input in the gateway's shape and keeps nothing from it", async () => {
    const before = await count(hub, "checkups");
    const notB64 = await hub.app.inject({
      method: "POST",
      url: "/api/qd130/guiHoSoXmlQD4750",
      headers: { "content-type": "application/json", accessToken, tokenId },
      payload: JSON.stringify({ maCSKCB: "01013", fileHSBase64: "%%% not base64 %%%" }),
    });
    expect(notB64.statusCode).toBe(400);
    expect(notB64.json()).toMatchObject({ maKetQua: "400" });
    expect((await send("<GIAMDINHHS><THONGTINHOSO></GIAMDINHHS>")).body.maKetQua).toBe("400");
    expect((await send(visits([buildCheckup({ maLk: "X" })]), { maCSKCB: "79001" })).status).toBe(403);
    expect((await send(visits([buildCheckup({ maLk: "X" })]), {}, { accessToken: "nope", tokenId })).status).toBe(401);
    expect((await send(visits([buildCheckup({ maLk: "X" })]), {}, { accessToken, tokenId: "0".repeat(48) })).status).toBe(401);
    expect(await count(hub, "checkups")).toBe(before);
  });
});
