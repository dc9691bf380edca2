import { describe, expect, it } from "vitest";
import { createSessionStore } from "../session/session.ts";
import { ApiError, createApi, filenameOf } from "./client.ts";

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
}

const outcome = (code: string) =>
  JSON.stringify({ resourceType: "OperationOutcome", issue: [{ severity: "error", code: "forbidden", details: { coding: [{ code }] }, text: { vi: "Mã đã bị thu hồi.", en: "The code was revoked." } }] });

describe("api client", () => {
  it("turns a refusal into an ApiError with the stable code and both texts", async () => {
    const session = createSessionStore(memoryStorage());
    const api = createApi(session, async () => new Response(outcome("CONSENT-SHARE-REVOKED"), { status: 403 }));
    const err = await api.get("/api/x").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 403, code: "CONSENT-SHARE-REVOKED", text: { vi: "Mã đã bị thu hồi." } });
  });

  it("refreshes an expired token once and retries with the new one", async () => {
    const session = createSessionStore(memoryStorage());
    session.set({ token: "old", refreshToken: "r1", role: "citizen" });
    const seen: string[] = [];
    const api = createApi(session, async (url, init) => {
      const auth = new Headers(init?.headers).get("authorization") ?? "";
      seen.push(`${url} ${auth}`);
      if (url === "/api/auth/refresh") return Response.json({ token: "new", refresh_token: "r2", duration: 3600, role: "citizen" });
      return auth === "Bearer new" ? Response.json({ ok: true }) : new Response(outcome("AUTH-TOKEN-INVALID"), { status: 401 });
    });
    await expect(api.get("/api/me")).resolves.toEqual({ ok: true });
    expect(seen).toEqual(["/api/me Bearer old", "/api/auth/refresh ", "/api/me Bearer new"]);
    expect(session.get()).toEqual({ token: "new", refreshToken: "r2", role: "citizen" });
  });

  it("signs out when the refresh is refused", async () => {
    const session = createSessionStore(memoryStorage());
    session.set({ token: "old", refreshToken: "used", role: "citizen" });
    const api = createApi(session, async () => new Response(outcome("AUTH-TOKEN-INVALID"), { status: 401 }));
    await expect(api.get("/api/me")).rejects.toMatchObject({ status: 401 });
    expect(session.get()).toBeNull();
  });

  it("reads the file name from Content-Disposition", () => {
    expect(filenameOf('attachment; filename="kham-suc-khoe-2026-11-20.pdf"')).toBe("kham-suc-khoe-2026-11-20.pdf");
    expect(filenameOf(null)).toBeNull();
  });
});

describe("session store", () => {
  it("survives a reload in the same tab and ignores a tampered value", () => {
    const storage = memoryStorage();
    createSessionStore(storage).set({ token: "t", refreshToken: "r", role: "clinician" });
    expect(createSessionStore(storage).get()).toEqual({ token: "t", refreshToken: "r", role: "clinician" });
    storage.setItem("hoso.session", '{"token": 1}');
    expect(createSessionStore(storage).get()).toBeNull();
  });
});
