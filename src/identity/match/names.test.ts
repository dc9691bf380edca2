import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldForBlocking, hasDiacritics, joinNameParts, normalizeName, splitFullName } from "./names.ts";

describe("normalizeName", () => {
  it("keeps tones, lower-cases and tidies spaces and punctuation", () => {
    expect(normalizeName("  NGUYỄN   Văn  Hùng. ")).toBe("nguyễn văn hùng");
    expect(normalizeName("Lê Thị 2 Hưng")).toBe("lê thị hưng");
    expect(normalizeName("Ksor H'Hen")).toBe("ksor h'hen");
  });

  it("puts the tone of oa/oe/uy on one vowel, as reference/README.md asks (Hòa ≡ Hoà, Thủy ≡ Thuỷ)", () => {
    expect(normalizeName("Hòa")).toBe(normalizeName("Hoà"));
    expect(normalizeName("Khỏe")).toBe(normalizeName("Khoẻ"));
    expect(normalizeName("Thúy")).toBe(normalizeName("Thuý"));
    expect(normalizeName("Nguyễn Thị Thủy")).toBe("nguyễn thị thuỷ");
    expect(normalizeName("HÒA")).toBe("hoà");
  });

  it("leaves placements that carry meaning alone (của, Hưng, Hoàng, Quỳnh, Nguyễn)", () => {
    for (const name of ["của", "hưng", "hoàng", "quỳnh", "nguyễn", "thuở", "cửa"]) expect(normalizeName(name)).toBe(name);
  });

  it("is idempotent and gives NFC", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-composite" }), (s) => {
        const once = normalizeName(s);
        return normalizeName(once) === once && once === once.normalize("NFC");
      }),
    );
  });
});

describe("foldForBlocking", () => {
  it("drops tones and diacritics, đ → d", () => {
    expect(foldForBlocking("Đặng Thị Ánh")).toBe("dang thi anh");
    expect(foldForBlocking("DANG THI ANH")).toBe("dang thi anh");
  });

  it("is idempotent, and folds a name and its tone-stripped spelling alike", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme-composite" }), (s) => foldForBlocking(foldForBlocking(s)) === foldForBlocking(s)));
    const stripped = (s: string): string => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    fc.assert(
      fc.property(fc.constantFrom("Nguyễn", "Trần", "Hoà", "Thuỷ", "Phượng", "Đức", "Ánh"), (name) => foldForBlocking(stripped(name)) === foldForBlocking(name)),
    );
  });
});

describe("hasDiacritics", () => {
  it("tells a name typed without any mark from one that has them", () => {
    expect(hasDiacritics("NGUYEN VAN ANH")).toBe(false);
    expect(hasDiacritics("Nguyen Thị My")).toBe(true);
    expect(hasDiacritics("Đinh Lan")).toBe(true);
  });
});

describe("splitFullName", () => {
  it("reads family, middle and given names in the Vietnamese order", () => {
    expect(splitFullName("nguyễn thị thu hà")).toEqual({ family: "nguyễn", middle: "thị thu", given: "hà" });
    expect(splitFullName("lê minh")).toEqual({ family: "lê", middle: "", given: "minh" });
    expect(splitFullName("minh")).toEqual({ family: "", middle: "", given: "minh" });
    expect(splitFullName("")).toEqual({ family: "", middle: "", given: "" });
  });

  it("keeps a compound family name whole (Tôn Thất, Âu Dương)", () => {
    expect(splitFullName("tôn thất thuyết")).toEqual({ family: "tôn thất", middle: "", given: "thuyết" });
    expect(splitFullName("âu dương văn phong")).toEqual({ family: "âu dương", middle: "văn", given: "phong" });
    // Two syllables only: the second is the given name.
    expect(splitFullName("tôn thất")).toEqual({ family: "tôn", middle: "", given: "thất" });
  });

  it("round-trips: joining the parts gives the name back", () => {
    const syllable = fc.stringMatching(/^[a-zàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]{1,7}$/);
    fc.assert(
      fc.property(fc.array(syllable, { minLength: 0, maxLength: 6 }), (syllables) => {
        const name = syllables.join(" ");
        return joinNameParts(splitFullName(name)) === name;
      }),
    );
  });
});
