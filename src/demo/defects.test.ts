import { describe, expect, it } from "vitest";
import { alterDigit, misspell } from "./defects.ts";
import { createRng } from "./rng.ts";

describe("defect helpers", () => {
  it("changes exactly one digit of an ID", () => {
    const rng = createRng(1);
    for (let i = 0; i < 500; i++) {
      const id = "079190012345";
      const wrong = alterDigit(rng, id);
      expect(wrong).toMatch(/^\d{12}$/);
      expect([...wrong].filter((c, j) => c !== id[j]).length).toBe(1);
    }
  });

  it("misspells one syllable of a name and nothing else", () => {
    const rng = createRng(2);
    for (let i = 0; i < 500; i++) {
      const name = "Nguyễn Thị Ngọc Hương";
      const typo = misspell(rng, name);
      expect(typo).not.toBe(name);
      const a = name.split(" ");
      const b = typo.split(" ");
      expect(b.length).toBe(a.length);
      expect(b.filter((s, j) => s !== a[j]).length).toBe(1);
    }
  });
});
