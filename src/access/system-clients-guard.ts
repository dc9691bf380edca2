/**
 * Who is calling, for routes open to several roles that decide (and audit) in the service: any
 * valid hub token, plus the scopes a system client's token carries.
 */
import type { FastifyRequest } from "fastify";
import type { Deps } from "../deps.ts";
import { authenticate } from "./guard.ts";
import type { Principal, Role } from "./tokens.ts";
import { scopesOf } from "./system-clients-token.ts";

export const ALL_ROLES: readonly Role[] = ["facility", "steward", "analyst", "clinician", "commune", "citizen", "system"];

export interface Caller {
  who: Principal;
  scopes: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

export async function authenticateCaller(deps: Deps, req: FastifyRequest): Promise<Caller> {
  const who = await authenticate(deps, req, ALL_ROLES);
  // authenticate() has verified this very header's token.
  const token = req.headers.authorization!.slice(7).trim();
  return { who, scopes: who.role === "system" ? scopesOf(token) : NONE };
}
