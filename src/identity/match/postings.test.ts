import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lookup, postingsBuilder } from "./postings.ts";

describe("postings", () => {
  it("returns exactly the rows filed under a hash, whatever the hashes", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 40 }).map((h) => (h * 0x09e3779b) >>> 0), fc.nat({ max: 1000 })), { maxLength: 300 }), (pairs) => {
        const builder = postingsBuilder(4);
        for (const [h, row] of pairs) builder.add(h, row);
        const postings = builder.build();
        for (const [h] of pairs) {
          const expected = pairs.filter(([k]) => k === h).map(([, r]) => r).sort((a, b) => a - b);
          const got = [...lookup(postings, h)].sort((a, b) => a - b);
          if (JSON.stringify(got) !== JSON.stringify(expected)) return false;
        }
        return true;
      }),
    );
  });

  it("finds nothing for a hash never filed, including at the ends of the range", () => {
    const builder = postingsBuilder();
    builder.add(5, 1);
    builder.add(0xfffffff0, 2);
    const postings = builder.build();
    expect([...lookup(postings, 0)]).toEqual([]);
    expect([...lookup(postings, 0xffffffff)]).toEqual([]);
    expect([...lookup(postings, 0xfffffff0)]).toEqual([2]);
  });
});
