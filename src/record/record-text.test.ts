import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseKsk } from "../formats/ksk/parse.ts";
import { cutPositions, positionFreeByReplacer, recordText } from "./record-text.ts";

const sha = (t: string) => createHash("sha256").update(t).digest("hex");
const FIXTURES = new URL("../formats/ksk/fixtures/", import.meta.url);

describe("the content hash of a stored record", () => {
  it("is the hash of the record without positions, byte for byte as the replacer made it, on every KHAMSUCKHOE fixture", () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".xml"));
    expect(files.length).toBeGreaterThan(3);
    let records = 0;
    for (const f of files) {
      for (const { record } of parseKsk(readFileSync(new URL(f, FIXTURES))).records) {
        const t = recordText(record);
        expect(t.json).toBe(JSON.stringify(record));
        expect(t.sha256).toBe(sha(positionFreeByReplacer(record)));
        expect(cutPositions(t.json)).toBe(positionFreeByReplacer(record)); // the fast cut, not the fallback
        records++;
      }
    }
    expect(records).toBeGreaterThan(3);
  });

  it("ignores where the record sat but not what it says", () => {
    const a = { index: 0, path: "HOSO[0]", name: "Nguyễn Văn An", observations: [{ path: "HOSO[0]/XML4[1]", value: 5.6 }] };
    const moved = { index: 7, path: "HOSO[7]", name: "Nguyễn Văn An", observations: [{ path: "HOSO[7]/XML4[1]", value: 5.6 }] };
    const changed = { ...a, observations: [{ path: "HOSO[0]/XML4[1]", value: 5.7 }] };
    expect(recordText(moved).sha256).toBe(recordText(a).sha256);
    expect(recordText(changed).sha256).not.toBe(recordText(a).sha256);
  });

  it("is not fooled by values that look like position members", () => {
    const tricky = [
      { path: "x", a: ',"path":"y"', b: '{"index":1}', c: 'a\\",' },
      { a: "a,", path: "p\"q\\", index: -1.5e3 },
      { index: 0 },
      { path: "only" },
      { nested: { path: "p", index: 2, keep: { index: 3 } }, list: [{ index: 1 }, { path: "z", v: null }] },
      { index: { not: "a number" }, path: ["an", "array"], v: true }, // the fallback
      { v: "ends with a comma,", w: "\u0000\n\t\"" },
    ];
    for (const t of tricky) {
      const r = recordText(t);
      expect(r.json).toBe(JSON.stringify(t));
      expect(r.sha256).toBe(sha(positionFreeByReplacer(t)));
    }
  });
});
