/**
 * Golden files: every fixture XML in `fixtures/` (and `fixtures/hostile/`) is parsed and compared
 * with the `*.expected.json` beside it. After a deliberate change, regenerate with
 *   UPDATE_GOLDEN=1 npx vitest run src/formats/ksk/golden.test.ts
 * and read the diff before committing it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseKsk } from "./parse.ts";

const DIRS = ["fixtures", "fixtures/hostile"].map((d) => new URL(`./${d}/`, import.meta.url));
const update = process.env["UPDATE_GOLDEN"] === "1";

const fixtures = DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".xml"))
    .sort()
    .map((name) => ({ name, url: new URL(name, dir), expected: new URL(name.replace(/\.xml$/, ".expected.json"), dir) })),
);

describe("golden: KHAMSUCKHOE in, canonical JSON out", () => {
  it("has fixtures to check", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(14);
  });

  for (const f of fixtures) {
    it(f.name, () => {
      const actual = `${JSON.stringify(parseKsk(readFileSync(f.url)), null, 2)}\n`;
      if (update || !existsSync(f.expected)) writeFileSync(f.expected, actual);
      expect(actual).toBe(readFileSync(f.expected, "utf8"));
    });
  }
});

describe("inline and base64 variants of one submission read the same (standards.md §5.7 row 2)", () => {
  const pairs = fixtures.filter((f) => f.name.endsWith(".inline.xml"));
  for (const inline of pairs) {
    const base64 = fixtures.find((f) => f.name === inline.name.replace(".inline.xml", ".base64.xml"));
    if (!base64) continue;
    it(inline.name.replace(".inline.xml", ""), () => {
      const a = parseKsk(readFileSync(inline.url));
      const b = parseKsk(readFileSync(base64.url));
      expect(readFileSync(base64.url, "utf8")).not.toMatch(/<NOIDUNGFILE>\s*</);
      expect(b).toEqual(a);
    });
  }
});
