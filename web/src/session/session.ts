/**
 * Who is signed in, in this tab: the token pair from sign-in, kept in sessionStorage so closing the
 * tab signs out (a phone is often shared) and a clinician and a citizen can use two tabs. Built
 * once in main.tsx and handed down through React context.
 */
import type { Role, TokenPair } from "../api/types.ts";

export interface Session {
  token: string;
  refreshToken: string;
  role: Role;
}

export interface SessionStore {
  get(): Session | null;
  set(session: Session | null): void;
  subscribe(listener: () => void): () => void;
}

export const fromTokenPair = (p: TokenPair): Session => ({ token: p.token, refreshToken: p.refresh_token, role: p.role });

export function createSessionStore(storage: Pick<Storage, "getItem" | "setItem" | "removeItem">, key = "hoso.session"): SessionStore {
  const listeners = new Set<() => void>();
  let current = read(storage.getItem(key));
  return {
    get: () => current,
    set(session) {
      current = session;
      if (session) storage.setItem(key, JSON.stringify(session));
      else storage.removeItem(key);
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A stored value is only trusted as far as its shape: anything else is no session. */
function read(raw: string | null): Session | null {
  if (!raw) return null;
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== "object" || v === null) return null;
    const { token, refreshToken, role } = v as Record<string, unknown>;
    if (typeof token !== "string" || typeof refreshToken !== "string" || typeof role !== "string") return null;
    return { token, refreshToken, role: role as Role };
  } catch {
    return null;
  }
}
