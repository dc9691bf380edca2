import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBase64 } from "./base64.ts";

/** The rule it replaces: whitespace removed, then `^[A-Za-z0-9+/]+={0,2}$` and a length not 1 mod 4. */
const before = (text: string): Buffer | null => {
  const compact = text.replace(/\s+/g, "");
  return /^[A-Za-z0-9+/]+={0,2}$/.test(compact) && compact.length % 4 !== 1 ? Buffer.from(compact, "base64") : null;
};

describe("decodeBase64", () => {
  it("decodes padded, unpadded and MIME-wrapped base64", () => {
    expect(decodeBase64("SGVsbG8=")?.toString()).toBe("Hello");
    expect(decodeBase64("SGVsbG8")?.toString()).toBe("Hello");
    expect(decodeBase64("SGVs\r\nbG8=\n")?.toString()).toBe("Hello");
  });

  it.each(["", "====", "SGVsbG8===", "SGV=bG8=", "SGVs-G8=", "SGVs_G8=", "SGVsŁG8=", "SGVs$G8=", "S", "SGVsb"])("refuses %j", (text) => {
    expect(decodeBase64(text)).toBeNull();
  });

  it("accepts and decodes exactly what the regular expression did", () => {
    const chars = fc.constantFrom(..."ABCabc019+/=", "-", "_", " ", "\n", "$", "Ł", "Á", "\u0000");
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 24 }).map((a) => a.join("")), (text) => {
        expect(decodeBase64(text)?.toString("hex") ?? null).toBe(before(text)?.toString("hex") ?? null);
      }),
      { numRuns: 20_000 },
    );
  });
});
