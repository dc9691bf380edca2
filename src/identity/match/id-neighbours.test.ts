import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { idNeighbours, idRelation } from "./id-neighbours.ts";

const id12 = fc.stringMatching(/^\d{12}$/);

describe("idNeighbours", () => {
  it("lists every one-digit change and every adjacent swap, nothing else", () => {
    fc.assert(
      fc.property(id12, (id) => {
        const near = idNeighbours(id);
        return near.length === new Set(near).size && !near.includes(id) && near.every((n) => idRelation(id, n) !== "other");
      }),
    );
    expect(idNeighbours("000000000000")).toHaveLength(108);
    expect(idNeighbours("012345678901")).toHaveLength(108 + 11);
  });
});

describe("idRelation", () => {
  it("names the slip between two IDs", () => {
    expect(idRelation("001090012345", "001090012345")).toBe("exact");
    expect(idRelation("001090012345", "001090012349")).toBe("one-digit");
    expect(idRelation("001090012345", "001090012354")).toBe("transposition");
    expect(idRelation("001090012345", "001090012399")).toBe("other");
    expect(idRelation("001090012345", "00109001234")).toBe("other");
  });
});
