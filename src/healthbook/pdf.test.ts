import { inflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHub, type TestHub } from "../../test/hub.ts";
import { AN, bearer, checkupOn, citizenToken, pushAll } from "./test-kit.ts";
import type { HealthBook } from "./book.ts";

let hub: TestHub;
let token: string;
let checkupId: string;

beforeAll(async () => {
  hub = await createTestHub();
  token = await citizenToken(hub, AN);
  await pushAll(hub, [checkupOn("2026-11-19", { sbp: "150", glucose: "7.4" })]);
  checkupId = (await hub.app.inject({ url: `/api/citizen/books/${AN}`, headers: bearer(token) })).json<HealthBook>().checkups[0]!.checkup_id;
});
afterAll(async () => hub.close());

const pdfOf = (id: string) => hub.app.inject({ url: `/api/citizen/books/${AN}/checkups/${id}/pdf`, headers: bearer(token) });

/** The text of every (Flate) stream in the file: content, fonts, the ToUnicode maps. */
function streams(pdf: Buffer): string {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf("stream\n", at);
    if (start < 0) break;
    const end = pdf.indexOf("\nendstream", start);
    try {
      out.push(inflateSync(pdf.subarray(start + 7, end)).toString("latin1"));
    } catch {
      // not compressed (or not Flate): skip
    }
    at = end + 10;
  }
  return out.join("\n");
}

describe("the PDF of a check-up", () => {
  it("is a PDF with DejaVu Sans embedded, Vietnamese letters mapped, and a verification code", async () => {
    const res = await pdfOf(checkupId);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="kham-suc-khoe-2026-11-19.pdf"');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans-Bold/);
    expect(pdf.toString("latin1")).toMatch(/\/FontFile2/);
    // The ToUnicode map carries ệ (U+1EC7, "Kết quả … sức khỏe … bệnh") and Đ (U+0110, "Đánh giá").
    const text = streams(pdf).toLowerCase();
    expect(text).toContain("<1ec7>");
    expect(text).toContain("<0110>");
    const code = res.headers["x-verification-code"] as string;
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(pdf.toString("latin1")).toContain(`verification:${code}`);
  });

  it("gets the same code each time for the same version", async () => {
    const [a, b] = [await pdfOf(checkupId), await pdfOf(checkupId)];
    expect(a.headers["x-verification-code"]).toBe(b.headers["x-verification-code"]);
  });

  it("verifies: current, then corrected after a new version, then retracted", async () => {
    const code = (await pdfOf(checkupId)).headers["x-verification-code"] as string;
    const check = async () => (await hub.app.inject({ url: `/api/verify/${code.toLowerCase()}` })).json();
    expect(await check()).toMatchObject({
      valid: true,
      status: "current",
      exam_date: "2026-11-19",
      health_class: "2",
      version: 1,
      facility: { code: "01013" },
      holder: { initials: "N.V.A.", birth_year: 1990 },
    });
    expect(JSON.stringify(await check())).not.toMatch(/Nguyễn|001090012345/);

    await pushAll(hub, [checkupOn("2026-11-19", { sbp: "151", glucose: "7.4" })]);
    expect(await check()).toMatchObject({ status: "corrected", version: 1 });
    const newId = (await hub.app.inject({ url: `/api/citizen/books/${AN}`, headers: bearer(token) })).json<HealthBook>().checkups[0]!.checkup_id;
    const newCode = (await pdfOf(newId)).headers["x-verification-code"] as string;
    expect(newCode).not.toBe(code);

    await hub.app.inject({ method: "POST", url: "/api/checkups/LK20261119/retract", headers: bearer(hub.token), payload: { reason: "sai" } });
    const again = await hub.app.inject({ url: `/api/verify/${newCode}` });
    expect(again.json()).toMatchObject({ status: "retracted" });
  });

  it("refuses a code it never issued, and shows every check in the citizen's log", async () => {
    const res = await hub.app.inject({ url: "/api/verify/2222-3333-4444" });
    expect(res.statusCode).toBe(404);
    expect(res.json().issue[0].details.coding[0].code).toBe("VERIFY-CODE-UNKNOWN");
    const log = (await hub.app.inject({ url: "/api/me/access-log", headers: bearer(token) })).json<{ entries: { actor: { kind: string }; purpose: { code: string } }[] }>();
    expect(log.entries.filter((e) => e.actor.kind === "public" && e.purpose.code === "verification").length).toBeGreaterThanOrEqual(4);
  });
});
