import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { rawMember } from "./json-span.ts";

describe("rawMember", () => {
  it("returns the member's text exactly as written, whitespace and key order included", () => {
    const header = '{ "version":"1.0.6",  "msg_id" : "x\\"y}", "n": [1, {"a": "}"}] }';
    const body = `{"data": "QUJD", "header": ${header}, "signature":"c2ln"}`;
    expect(rawMember(body, "header")).toBe(header);
    expect(rawMember(body, "data")).toBe('"QUJD"');
    expect(rawMember(body, "missing")).toBeNull();
  });

  it("agrees with JSON.parse on any object", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.string(), (obj, key) => {
        const doc = { ...obj, [key]: Object.hasOwn(obj, key) ? obj[key] : 1 };
        const text = JSON.stringify(doc, null, 1);
        const span = rawMember(text, key);
        expect(span).not.toBeNull();
        // JSON.stringify(-0) writes 0; compare parsed values, which is what matters.
        expect(JSON.parse(span!)).toEqual(JSON.parse(JSON.stringify(doc[key])));
      }),
    );
  });
});
