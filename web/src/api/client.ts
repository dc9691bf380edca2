/**
 * Talking to the hub: JSON in and out, the bearer token on every call, one silent token refresh on
 * a 401, and every refusal turned into an ApiError carrying the OperationOutcome's stable code and
 * its Vietnamese and English text (docs/api-healthbook.md, "Conventions").
 */
import type { SessionStore } from "../session/session.ts";
import { fromTokenPair } from "../session/session.ts";
import type { LocalText, TokenPair } from "./types.ts";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: LocalText | null,
  ) {
    super(text?.en ?? code);
    this.name = "ApiError";
  }
}

export interface Download {
  blob: Blob;
  filename: string | null;
  headers: Headers;
}

export interface Api {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  download(path: string): Promise<Download>;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export function createApi(session: SessionStore, fetchFn: Fetch = (i, init) => fetch(i, init)): Api {
  // Concurrent 401s share one refresh: a refresh token works only once.
  let refreshing: Promise<boolean> | null = null;

  async function refresh(): Promise<boolean> {
    const s = session.get();
    if (!s) return false;
    const res = await fetchFn("/api/auth/refresh", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ refresh_token: s.refreshToken }),
    });
    if (!res.ok) {
      session.set(null);
      return false;
    }
    session.set(fromTokenPair((await res.json()) as TokenPair));
    return true;
  }

  async function send(path: string, init: RequestInit, retry = true): Promise<Response> {
    const token = session.get()?.token;
    const headers = new Headers(init.headers);
    if (token) headers.set("authorization", `Bearer ${token}`);
    const res = await fetchFn(path, { ...init, headers });
    if (res.status === 401 && retry && token && !path.startsWith("/api/auth/")) {
      refreshing ??= refresh().finally(() => (refreshing = null));
      if (await refreshing) return send(path, init, false);
    }
    if (!res.ok) throw await toError(res);
    return res;
  }

  const json = { accept: "application/json" };
  return {
    async get<T>(path: string) {
      return (await (await send(path, { headers: json })).json()) as T;
    },
    async post<T>(path: string, body?: unknown) {
      const init: RequestInit = body === undefined
        ? { method: "POST", headers: json }
        : { method: "POST", headers: { ...json, "content-type": "application/json" }, body: JSON.stringify(body) };
      const res = await send(path, init);
      return (res.status === 204 ? null : await res.json()) as T;
    },
    async download(path: string) {
      const res = await send(path, {});
      return { blob: await res.blob(), filename: filenameOf(res.headers.get("content-disposition")), headers: res.headers };
    },
  };
}

/** Reads the OperationOutcome a refusal carries; anything else becomes `HTTP-<status>`. */
export async function toError(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { issue?: { details?: { coding?: { code?: string }[] }; text?: unknown }[] };
    const first = body.issue?.[0];
    const code = first?.details?.coding?.[0]?.code ?? `HTTP-${res.status}`;
    return new ApiError(res.status, code, isLocalText(first?.text) ? first.text : null);
  } catch {
    return new ApiError(res.status, `HTTP-${res.status}`, null);
  }
}

const isLocalText = (v: unknown): v is LocalText =>
  typeof v === "object" && v !== null && typeof (v as LocalText).vi === "string" && typeof (v as LocalText).en === "string";

/** `attachment; filename="kham-suc-khoe-2026-11-20.pdf"` → the file name. */
export function filenameOf(disposition: string | null): string | null {
  const m = disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}
