/**
 * The push signature of the Ministry's check-up API (standards.md §5.5): RSA-SHA256 (PKCS#1 v1.5),
 * base64, over `UPPER(hex(sha256(header_json))) + "." + UPPER(hex(sha256(data)))`. The header is
 * hashed exactly as the sender serialised it, so we hash the raw text, never a re-serialisation.
 */
import { createHash, createPublicKey, createSign, createVerify, sign, type KeyObject } from "node:crypto";

const hexUpper = (s: string) => createHash("sha256").update(s, "utf8").digest("hex").toUpperCase();

export const signingString = (headerJson: string, data: string): string =>
  `${hexUpper(headerJson)}.${hexUpper(data)}`;

export function signPush(key: KeyObject | string, headerJson: string, data: string): string {
  return createSign("RSA-SHA256").update(signingString(headerJson, data)).sign(key, "base64");
}

/**
 * The same signature computed on libuv's thread pool, off the event loop: the hub signs every
 * answer, and an RSA signature is the largest single piece of CPU in a push after parsing.
 */
export function signPushAsync(key: KeyObject, headerJson: string, data: string): Promise<string> {
  const text = Buffer.from(signingString(headerJson, data), "utf8");
  return new Promise((resolve, reject) => {
    sign("sha256", text, key, (err, signature) => (err ? reject(err) : resolve(signature.toString("base64"))));
  });
}

/** Parsed public keys by their PEM text (parsing costs more than the verification itself). */
const parsedKeys = new Map<string, KeyObject>();
const MAX_PARSED_KEYS = 10_000;

function publicKeyOf(pem: string): KeyObject {
  let key = parsedKeys.get(pem);
  if (!key) {
    key = createPublicKey(pem);
    if (parsedKeys.size >= MAX_PARSED_KEYS) parsedKeys.clear();
    parsedKeys.set(pem, key);
  }
  return key;
}

export function verifyPush(publicKeyPem: string, headerJson: string, data: string, signature: string): boolean {
  try {
    const key = publicKeyOf(publicKeyPem);
    return createVerify("RSA-SHA256").update(signingString(headerJson, data)).verify(key, signature, "base64");
  } catch {
    return false;
  }
}

export function keyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("hex").slice(0, 32);
}
