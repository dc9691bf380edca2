/**
 * Short codes people read aloud or type: share codes (8 characters, 40 bits) and PDF verification
 * codes (12 characters, 60 bits), from a 32-letter alphabet without 0/O and 1/I. Stored only as a
 * keyed hash (HMAC-SHA256 under a key derived from the hub's secret), so a copy of the database
 * does not give the codes back. Pure.
 */
import { createHmac, randomBytes } from "node:crypto";

export const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const SHARE_CODE_LENGTH = 8;
export const VERIFY_CODE_LENGTH = 12;

/** Five bits per character: 32 letters, no modulo bias. */
export function encodeCode(bytes: Uint8Array, length: number): string {
  let out = "";
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += CODE_ALPHABET[(acc >> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
  }
  if (out.length < length) throw new Error("not enough bytes for the code length");
  return out;
}

export const newShareCode = (): string => encodeCode(randomBytes(5), SHARE_CODE_LENGTH);

/** As typed: case, spaces and dashes ignored; null when it cannot be a code of this length. */
export function normalizeCode(input: string, length: number): string | null {
  const code = input.toUpperCase().replace(/[\s-]+/g, "");
  if (code.length !== length) return null;
  for (const c of code) if (!CODE_ALPHABET.includes(c)) return null;
  return code;
}

/** `K7MP4QXR` → `K7MP-4QXR`; groups of four. */
export const displayCode = (code: string): string => code.match(/.{1,4}/g)!.join("-");

/** The stored form of a code: HMAC keyed by purpose, so a share hash is never a verification hash. */
export function codeHash(secret: Uint8Array, purpose: "share" | "verify", code: string): string {
  const key = createHmac("sha256", secret).update(`hoso-code-key:${purpose}`).digest();
  return createHmac("sha256", key).update(code).digest("hex");
}

/** A code derived from what it certifies: the same check-up version always gets the same code. */
export function derivedCode(secret: Uint8Array, subject: string, length: number): string {
  const key = createHmac("sha256", secret).update("hoso-code-key:derive").digest();
  return encodeCode(createHmac("sha256", key).update(subject).digest(), length);
}
