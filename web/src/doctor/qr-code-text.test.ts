import { describe, expect, it } from "vitest";
import { codeFromQr } from "./qr-code-text.ts";

describe("reading a share QR", () => {
  it("takes the code from the hub's link or a bare code", () => {
    expect(codeFromQr("http://127.0.0.1:3000/doctor?code=K7MP4QXR")).toBe("K7MP4QXR");
    expect(codeFromQr(" K7MP-4QXR ")).toBe("K7MP-4QXR");
  });

  it("ignores QR codes that are not shares", () => {
    expect(codeFromQr("https://example.com/")).toBeNull();
    expect(codeFromQr("WIFI:S:home;T:WPA;P:secret;;")).toBeNull();
  });
});
