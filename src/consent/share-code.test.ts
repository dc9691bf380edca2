import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, codeHash, derivedCode, displayCode, encodeCode, newShareCode, normalizeCode, SHARE_CODE_LENGTH } from "./share-code.ts";

describe("share codes", () => {
  it("are 8 characters from the unambiguous alphabet, and differ each time", () => {
    const codes = new Set(Array.from({ length: 200 }, newShareCode));
    expect(codes.size).toBe(200);
    for (const c of codes) expect(c).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$/);
    expect(CODE_ALPHABET).not.toMatch(/[01IO]/);
  });

  it("read back however they are typed, and refuse what cannot be a code", () => {
    expect(normalizeCode(" k7mp-4qxr ", SHARE_CODE_LENGTH)).toBe("K7MP4QXR");
    expect(normalizeCode("K7MP4QX", SHARE_CODE_LENGTH)).toBeNull();
    expect(normalizeCode("K7MP4QX0", SHARE_CODE_LENGTH)).toBeNull();
    expect(displayCode("K7MP4QXRAB23")).toBe("K7MP-4QXR-AB23");
  });

  it("encode every bit: the all-ones and all-zeros bytes give the last and first letters", () => {
    expect(encodeCode(new Uint8Array([255, 255, 255, 255, 255]), 8)).toBe("ZZZZZZZZ");
    expect(encodeCode(new Uint8Array(5), 8)).toBe("22222222");
  });

  it("hash by purpose and key, and derive the same code for the same subject", () => {
    const k1 = new TextEncoder().encode("a".repeat(48));
    const k2 = new TextEncoder().encode("b".repeat(48));
    expect(codeHash(k1, "share", "K7MP4QXR")).not.toBe(codeHash(k1, "verify", "K7MP4QXR"));
    expect(codeHash(k1, "share", "K7MP4QXR")).not.toBe(codeHash(k2, "share", "K7MP4QXR"));
    expect(derivedCode(k1, "x:1", 12)).toBe(derivedCode(k1, "x:1", 12));
    expect(derivedCode(k1, "x:1", 12)).not.toBe(derivedCode(k1, "x:2", 12));
  });
});
