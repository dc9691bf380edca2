/**
 * For tests only: tokens for every role, a registered system client that signs its assertions,
 * and check-ups pushed through the real intake for the factory's citizens (test/hub.ts).
 */
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from "jose";
import { randomUUID } from "node:crypto";
import type { TestHub } from "../../test/hub.ts";
import { envelope, loginAs, push } from "../../test/hub.ts";
import { buildCheckup, moment, vitals, type CheckupOverrides } from "../../test/factories/checkup.ts";
import type { CheckupRecord } from "../checkup/model.ts";
import { insertAccount } from "../access/accounts-repo.ts";
import { hashPassword } from "../access/passwords.ts";
import { citizenSignIn } from "../access/citizen.ts";
import { registerSystemClient, JWT_BEARER } from "../access/system-clients.ts";
import { tokenEndpointUrl } from "./public-url.ts";
import { addClinician } from "../consent/clinicians.ts";
import type { Role } from "../access/tokens.ts";

export const AN = "001090012345"; // adult, factory default
export const BINH = "001316004321"; // 10-year-old
export const DUC = "001223001111"; // 3-year-old

export async function citizenToken(hub: TestHub, personalId: string): Promise<string> {
  return (await citizenSignIn(hub.deps, { personalId, oidc: null })).token;
}

export async function clinicianToken(hub: TestHub, username = `doctor-${randomUUID().slice(0, 8)}`): Promise<string> {
  await addClinician(hub.deps, { username, password: "correct horse battery", facilityId: hub.facility.facility.facility_id, displayName: `BS. ${username}` });
  return loginAs(hub.app, username, "correct horse battery");
}

/** A staff account of another role (steward, analyst, commune) signed in. */
export async function staffToken(hub: TestHub, role: Exclude<Role, "citizen" | "system" | "clinician">): Promise<string> {
  if (role === "facility") return hub.token;
  const username = `${role}-${randomUUID().slice(0, 8)}`;
  await insertAccount(hub.deps.db, { username, passwordHash: await hashPassword("correct horse battery"), role, scopeProvince: "01" });
  return loginAs(hub.app, username, "correct horse battery");
}

export interface TestClient {
  clientId: string;
  privateKey: CryptoKey;
  kid: string;
  assertion(overrides?: { aud?: string; iss?: string; sub?: string; exp?: number; iat?: number; jti?: string | null; alg?: "RS256" | "ES256" }): Promise<string>;
  token(scope?: string): Promise<string>;
}

export async function systemClient(hub: TestHub, scopes = ["system/HealthBook.read", "system/HealthBookChanges.read"], clientId = `vneid-${randomUUID().slice(0, 6)}`): Promise<TestClient> {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = await exportJWK(publicKey);
  const registered = await registerSystemClient(hub.deps, { clientId, name: "VNeID", scopes, keys: JSON.stringify({ keys: [jwk] }) });
  const kid = registered.keys[0]!.kid!;
  const client: TestClient = {
    clientId,
    privateKey,
    kid,
    async assertion(o = {}) {
      const now = Math.floor(hub.deps.clock().getTime() / 1000);
      const jwt = new SignJWT(o.jti === null ? {} : { jti: o.jti ?? randomUUID() })
        .setProtectedHeader({ alg: o.alg ?? "RS256", kid })
        .setIssuer(o.iss ?? clientId)
        .setSubject(o.sub ?? clientId)
        .setAudience(o.aud ?? tokenEndpointUrl(hub.deps.config))
        .setIssuedAt(o.iat ?? now)
        .setExpirationTime(o.exp ?? now + 120);
      return jwt.sign(privateKey);
    },
    async token(scope) {
      const res = await requestToken(hub, await client.assertion(), scope);
      if (res.statusCode !== 200) throw new Error(`token refused: ${res.body}`);
      return res.json<{ access_token: string }>().access_token;
    },
  };
  return client;
}

export function requestToken(hub: TestHub, assertion: string, scope?: string, extra: Record<string, string> = {}) {
  const form = new URLSearchParams({ grant_type: "client_credentials", client_assertion_type: JWT_BEARER, client_assertion: assertion, ...(scope ? { scope } : {}), ...extra });
  return hub.app.inject({ method: "POST", url: "/oauth/token", headers: { "content-type": "application/x-www-form-urlencoded" }, payload: form.toString() });
}

/** An adult check-up of Nguyễn Văn An on a given day, with chosen blood pressure, BMI and labs. */
export function checkupOn(day: string, o: { maLk?: string; sbp?: string; dbp?: string; glucose?: string; cholesterol?: string; overrides?: CheckupOverrides } = {}): CheckupRecord {
  const obs = vitals().map((v) =>
    v.key === "bp_systolic" ? { ...v, valueRaw: o.sbp ?? "120" } : v.key === "bp_diastolic" ? { ...v, valueRaw: o.dbp ?? "80" } : v,
  );
  const labs = [
    { name: "Glucose", valueRaw: o.glucose ?? "5.2", unitRaw: "mmol/L", serviceCode: "SH01" },
    { name: "Cholesterol toàn phần", valueRaw: o.cholesterol ?? "4.8", unitRaw: "mmol/L", serviceCode: "SH02" },
  ].map((l, i) => ({ ...obs[0]!, key: null, loinc: null, category: "laboratory" as const, localCode: null, name: l.name, valueRaw: l.valueRaw, unitRaw: l.unitRaw, serviceCode: l.serviceCode, path: `HOSO[0]/XML11/CHI_TIET_CLS[${i}]` }));
  return buildCheckup({
    maLk: o.maLk ?? `LK${day.replace(/-/g, "")}`,
    examTime: moment(`${day}T08:30`),
    observations: [...obs, ...labs],
    ...o.overrides,
  });
}

/** Pushes records in one envelope and checks every one was accepted. */
export async function pushAll(hub: TestHub, records: CheckupRecord[]): Promise<void> {
  const reply = await push(hub, envelope(records));
  const refused = reply.data.records.filter((r) => r.outcome !== "accepted" && r.outcome !== "unchanged");
  if (reply.status !== 200 || refused.length > 0) throw new Error(`push refused: ${JSON.stringify(reply.data.records.map((r) => [r.outcome, r.findings.filter((f) => f.severity === "error")]))}`);
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
