/**
 * The hub's own secrets: the key that signs access tokens and the RSA key that signs answers to
 * facilities. Taken from the environment when set; otherwise made once and kept in the database,
 * so every API process of one hub shares them.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import type { Db } from "../db/port.ts";
import { ensureSetting, getSetting } from "./settings-repo.ts";
import { createTokenVerifier, type TokenVerifier } from "./tokens.ts";

export interface HubSecrets {
  jwtKey: Uint8Array;
  /** Verifies access tokens signed with `jwtKey` (tokens.ts), remembering the ones it has seen. */
  verifyToken: TokenVerifier;
  signingKey: KeyObject;
  publicKeyPem: string;
}

export async function loadHubSecrets(db: Db, jwtSecret?: string): Promise<HubSecrets> {
  const jwt = jwtSecret ?? (await ensureSetting(db, "jwt_secret", randomBytes(48).toString("base64")));
  const pem =
    (await getSetting(db, "hub_private_key")) ??
    (await ensureSetting(db, "hub_private_key", newPrivateKeyPem()));
  const signingKey = createPrivateKey(pem);
  const jwtKey = new TextEncoder().encode(jwt);
  return {
    jwtKey,
    verifyToken: createTokenVerifier(jwtKey),
    signingKey,
    publicKeyPem: createPublicKey(signingKey).export({ type: "spki", format: "pem" }).toString(),
  };
}

function newPrivateKeyPem(): string {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}
