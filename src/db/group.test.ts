import { describe, expect, it } from "vitest";
import { createGroup } from "./group.ts";

/** A run that records each flush and waits until released, so tests control what is in flight. */
function recorder(fail: (item: string) => boolean = () => false) {
  const flushes: string[][] = [];
  const gates: (() => void)[] = [];
  const run = async (items: string[]) => {
    flushes.push(items);
    await new Promise<void>((resolve) => gates.push(resolve));
    if (items.some(fail)) throw new Error(`bad item in ${items.join(",")}`);
    return items.map((i) => i.toUpperCase());
  };
  const releaseAll = async () => {
    for (let n = 0; n < 50; n++) {
      await new Promise((r) => setImmediate(r));
      while (gates.length > 0) gates.shift()!();
    }
  };
  return { flushes, run, releaseAll };
}

describe("group commit", () => {
  it("flushes a lone item on the next turn, and items arriving meanwhile together in the next flush", async () => {
    const r = recorder();
    const group = createGroup({ run: r.run });
    const first = group.add("a");
    await new Promise((resolve) => setImmediate(resolve));
    const rest = ["b", "c", "d"].map((i) => group.add(i));
    expect(r.flushes).toEqual([["a"]]);
    await r.releaseAll();
    expect(await first).toBe("A");
    expect(await Promise.all(rest)).toEqual(["B", "C", "D"]);
    expect(r.flushes).toEqual([["a"], ["b", "c", "d"]]);
  });

  it("retries a failing flush item by item: only the bad item's caller sees the error", async () => {
    const r = recorder((i) => i === "bad");
    const group = createGroup({ run: r.run });
    const first = group.add("a");
    await new Promise((resolve) => setImmediate(resolve));
    const others = ["b", "bad", "c"].map((i) => group.add(i).then((v) => v, (e: Error) => e.message));
    await r.releaseAll();
    await first;
    expect(await Promise.all(others)).toEqual(["B", "bad item in bad", "C"]);
  });

  it("keeps items sharing a key out of one flush, and respects the batch size", async () => {
    const r = recorder();
    const group = createGroup({ run: r.run, maxBatch: 2, keys: (i: string) => [i[0]!] });
    const first = group.add("x1");
    await new Promise((resolve) => setImmediate(resolve));
    const all = [first, ...["a1", "a2", "b1", "c1"].map((i) => group.add(i))];
    await r.releaseAll();
    await Promise.all(all);
    expect(r.flushes).toEqual([["x1"], ["a1", "b1"], ["a2", "c1"]]);
  });

  it("stops a flush at the weight limit, but always takes one item", async () => {
    const r = recorder();
    const group = createGroup({ run: r.run, weigh: (i: string) => i.length, maxWeight: 5 });
    const first = group.add("x");
    await new Promise((resolve) => setImmediate(resolve));
    const all = [first, ...["aaa", "bb", "c", "dddddddd", "e"].map((i) => group.add(i))];
    await r.releaseAll();
    await Promise.all(all);
    expect(r.flushes).toEqual([["x"], ["aaa", "bb"], ["c"], ["dddddddd"], ["e"]]);
  });
});
