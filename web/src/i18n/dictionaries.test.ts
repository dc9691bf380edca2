/**
 * The two dictionaries agree: every Vietnamese key has an English text and the reverse, plural
 * forms aside (Vietnamese has one form, English two), and each pair names the same {{variables}}.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import vi from "./vi.json";
import en from "./en.json";

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, "");
const vars = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

const viKeys = flatten(vi as Tree);
const enKeys = flatten(en as Tree);

describe("Vietnamese and English dictionaries", () => {
  it("every key in vi exists in en", () => {
    const enBases = new Set([...enKeys.keys()].map(base));
    expect([...viKeys.keys()].map(base).filter((k) => !enBases.has(k))).toEqual([]);
  });

  it("every key in en exists in vi", () => {
    const viBases = new Set([...viKeys.keys()].map(base));
    expect([...enKeys.keys()].map(base).filter((k) => !viBases.has(k))).toEqual([]);
  });

  it("gives each plural key its `other` form in both languages", () => {
    for (const dict of [viKeys, enKeys]) {
      const plurals = new Set([...dict.keys()].filter((k) => PLURAL.test(k)).map(base));
      for (const p of plurals) expect(dict.has(`${p}_other`), p).toBe(true);
    }
  });

  it("uses the same {{variables}} in both languages", () => {
    const enByBase = new Map([...enKeys].map(([k, v]) => [base(k), v]));
    const mismatched = [...viKeys]
      .filter(([k, v]) => JSON.stringify(vars(v)) !== JSON.stringify(vars(enByBase.get(base(k)) ?? "")))
      .map(([k]) => k);
    expect(mismatched).toEqual([]);
  });

  it("has no empty text", () => {
    expect([...viKeys, ...enKeys].filter(([, v]) => v.trim() === "").map(([k]) => k)).toEqual([]);
  });

  it("holds every literal key the app's source asks for", () => {
    const src = fileURLToPath(new URL("..", import.meta.url));
    const files = walk(src).filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts"));
    const bases = new Set([...viKeys.keys()].map(base));
    const asked = files.flatMap((f) => [...readFileSync(f, "utf8").matchAll(/\bt\(\s*"([a-zA-Z][\w.-]*)"/g)].map((m) => m[1]!));
    expect(asked.length).toBeGreaterThan(100);
    expect(asked.filter((k) => !bases.has(k))).toEqual([]);
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
