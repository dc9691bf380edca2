import { describe, expect, it } from "vitest";
import { gunzipSync } from "node:zlib";
import { bookBody, createBookCache } from "./book-cache.ts";

/** A kept body of exactly n bytes (the cache counts gzipped bytes). */
const body = (n: number) => ({ etag: 'W/"x"', gzipped: Buffer.alloc(n), json: () => Buffer.alloc(0) });

describe("the book cache", () => {
  it("serves an entry only while its fingerprint holds", () => {
    const cache = createBookCache(1000);
    cache.set("a", "v1", body(10));
    expect(cache.get("a", "v1")?.gzipped).toHaveLength(10);
    expect(cache.get("a", "v2")).toBeUndefined();
    // A mismatch drops the entry: the old fingerprint no longer answers either.
    expect(cache.get("a", "v1")).toBeUndefined();
  });

  it("stays within its bytes, dropping the least recently used first", () => {
    const cache = createBookCache(100);
    cache.set("a", "v", body(40));
    cache.set("b", "v", body(40));
    cache.get("a", "v");
    cache.set("c", "v", body(40));
    expect(cache.get("b", "v")).toBeUndefined();
    expect(cache.get("a", "v")).toBeDefined();
    expect(cache.get("c", "v")).toBeDefined();
    cache.set("huge", "v", body(101));
    expect(cache.get("huge", "v")).toBeUndefined();
  });

  it("with no room at all (HOSO_BOOK_CACHE_MB=0) keeps nothing", () => {
    const cache = createBookCache(0);
    cache.set("a", "v", body(11));
    expect(cache.get("a", "v")).toBeUndefined();
  });
});

describe("a book body", () => {
  it("keeps only the gzip, and gives the same JSON back from it", () => {
    const json = Buffer.from(JSON.stringify({ checkups: Array.from({ length: 50 }, (_, i) => ({ key: "bp_systolic", value: i })) }));
    const { fresh, kept } = bookBody(json, 'W/"x"');
    expect(fresh.json()).toBe(json);
    expect(kept.gzipped).toBe(fresh.gzipped);
    expect(kept.gzipped.length).toBeLessThan(json.length / 4);
    expect(gunzipSync(kept.gzipped).equals(json)).toBe(true);
    expect(kept.json().equals(json)).toBe(true);
  });
});
