/**
 * Citizens: an account with role `citizen` tied to one personal ID, made on first sign-in (demo
 * or OIDC) and signed in with the same tokens as every account (access token + rotating refresh
 * token). A guardian reads the books of the children the population registry links to them, while
 * they are minors (under 18: Civil Code 2015 art. 20–21; standards.md §8.1 on children's data).
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Deps } from "../deps.ts";
import { forbidden, unauthorized } from "../outcome.ts";
import { insertAccount, insertRefreshToken } from "./accounts-repo.ts";
import type { LoginAnswer } from "./auth.ts";
import {
  findCitizenByAccount,
  findCitizenByPersonalId,
  findRegistryEntry,
  insertCitizen,
  listRegistryWards,
  touchCitizen,
  type RegistryEntry,
} from "./citizen-repo.ts";
import { issueAccessToken, type Principal } from "./tokens.ts";

/** Never a valid scrypt hash: a citizen account cannot sign in with a password. */
const NO_PASSWORD = "!";
const ADULT_AGE = 18;

export interface OidcIdentity {
  issuer: string;
  subject: string;
}

/** Finds or makes the citizen's account, then answers as `POST /api/auth/login` does. */
export async function citizenSignIn(deps: Deps, input: { personalId: string; oidc: OidcIdentity | null }): Promise<LoginAnswer> {
  const now = deps.clock();
  let citizen = await findCitizenByPersonalId(deps.db, input.personalId);
  if (citizen) await touchCitizen(deps.db, citizen.account_id, input.oidc, now);
  else {
    await deps.db.transaction(async (tx) => {
      const accountId = await insertAccount(tx, { username: `citizen-${randomUUID()}`, passwordHash: NO_PASSWORD, role: "citizen" });
      // A concurrent first sign-in of the same person won: roll this account back, use theirs.
      if (!(await insertCitizen(tx, { accountId, personalId: input.personalId, oidcIssuer: input.oidc?.issuer ?? null, oidcSubject: input.oidc?.subject ?? null, at: now }))) {
        throw new LostRace();
      }
    }).catch((err: unknown) => {
      if (!(err instanceof LostRace)) throw err;
    });
    citizen = await findCitizenByPersonalId(deps.db, input.personalId);
  }
  if (!citizen?.active) return unauthorized("AUTH-LOGIN-FAILED", { vi: "Tài khoản đã bị khóa.", en: "This account is disabled." });
  return tokensFor(deps, citizen.account_id, now);
}

class LostRace extends Error {}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

async function tokensFor(deps: Deps, accountId: string, now: Date): Promise<LoginAnswer> {
  const ttl = deps.config.HOSO_TOKEN_TTL_SECONDS;
  const token = await issueAccessToken(deps.secrets.jwtKey, { accountId, role: "citizen", facilityId: null, scopeProvince: null }, ttl, now);
  const refreshToken = randomBytes(32).toString("base64url");
  await insertRefreshToken(deps.db, sha256(refreshToken), accountId, new Date(now.getTime() + deps.config.HOSO_REFRESH_TTL_SECONDS * 1000));
  return { token, refresh_token: refreshToken, duration: ttl, role: "citizen" };
}

/** The signed-in citizen's personal ID; refuses any other role and disabled accounts. */
export async function citizenPersonalId(deps: Deps, who: Principal): Promise<string> {
  const citizen = who.role === "citizen" ? await findCitizenByAccount(deps.db, who.accountId) : null;
  if (!citizen?.active) {
    return forbidden("ACCESS-ROLE", { vi: "Chỉ công dân đã đăng nhập mới dùng được chức năng này.", en: "Only a signed-in citizen may do this." });
  }
  return citizen.personal_id;
}

/** `self`, `ward` (a registry-linked minor), or null: whose book the citizen may open. */
export async function relationTo(deps: Deps, citizenId: string, personalId: string): Promise<"self" | "ward" | null> {
  if (citizenId === personalId) return "self";
  const target = await findRegistryEntry(deps.db, personalId);
  return target && target.guardian_personal_id === citizenId && isMinor(target.birth_date, deps.clock()) ? "ward" : null;
}

export async function wardsOf(deps: Deps, personalId: string): Promise<RegistryEntry[]> {
  const now = deps.clock();
  return (await listRegistryWards(deps.db, personalId)).filter((w) => isMinor(w.birth_date, now));
}

export interface MyProfile {
  personal_id: string;
  full_name: string | null;
  birth_date: string | null;
  sex: string | null;
  books: { personal_id: string; full_name: string | null; birth_date: string | null; relation: "self" | "ward" }[];
}

export async function myProfile(deps: Deps, who: Principal): Promise<MyProfile> {
  const personalId = await citizenPersonalId(deps, who);
  const [me, wards] = await Promise.all([findRegistryEntry(deps.db, personalId), wardsOf(deps, personalId)]);
  return {
    personal_id: personalId,
    full_name: me?.full_name ?? null,
    birth_date: me?.birth_date ?? null,
    sex: me?.sex ?? null,
    books: [
      { personal_id: personalId, full_name: me?.full_name ?? null, birth_date: me?.birth_date ?? null, relation: "self" },
      ...wards.map((w) => ({ personal_id: w.personal_id, full_name: w.full_name, birth_date: w.birth_date, relation: "ward" as const })),
    ],
  };
}

/** Under 18 today, Vietnam time (UTC+7). Birth dates are `YYYY-MM-DD`. */
export function isMinor(birthDate: string, now: Date): boolean {
  const today = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  const coming = `${String(Number(birthDate.slice(0, 4)) + ADULT_AGE).padStart(4, "0")}${birthDate.slice(4)}`;
  return coming > today;
}

export interface PatientSummary {
  full_name: string;
  birth_date: string;
  sex: string;
}

/** Name, birth date and sex from the population registry: how a doctor confirms who is in front of them. */
export async function patientSummary(deps: Deps, personalId: string): Promise<PatientSummary | null> {
  const r = await findRegistryEntry(deps.db, personalId);
  return r ? { full_name: r.full_name, birth_date: r.birth_date, sex: r.sex } : null;
}
