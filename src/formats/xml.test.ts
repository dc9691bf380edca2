import { describe, expect, it } from "vitest";
import { parseXml, type ParseXmlResult, type XmlElement } from "./xml.ts";

const ok = (result: ParseXmlResult) => {
  if (!result.ok) throw new Error(`expected a parse, got ${result.findings.map((f) => f.code).join(",")}`);
  return result;
};
const codes = (result: ParseXmlResult) => (result.ok ? [] : result.findings.map((f) => f.code));

describe("parseXml", () => {
  it("keeps every value a string, trimmed, with leading zeros and dots", () => {
    const r = ok(parseXml("<R><A> 01 </A><B>1.50</B><C>0012</C><D>1e3</D><E>true</E></R>"));
    expect(r.root).toBe("R");
    expect(r.value).toEqual({ A: "01", B: "1.50", C: "0012", D: "1e3", E: "true" });
  });

  it("reads CDATA as text, empty CDATA and empty elements as empty strings", () => {
    const r = ok(parseXml("<R><A><![CDATA[]]></A><B></B><C/><D>  <![CDATA[   LYM#  ]]>  </D><E><![CDATA[a &amp; <b>]]></E></R>"));
    expect(r.value).toEqual({ A: "", B: "", C: "", D: "LYM#", E: "a &amp; <b>" });
  });

  it("turns CRLF and CR into LF inside text, and reads mixed line endings", () => {
    const r = ok(parseXml("<R>\r\n<A><![CDATA[line 1\r\nline 2\nline 3]]></A>\n<B>x\r\ny</B>\r\n</R>"));
    expect(r.value).toEqual({ A: "line 1\nline 2\nline 3", B: "x\ny" });
  });

  it("strips a BOM from text and from bytes", () => {
    expect(ok(parseXml("\uFEFF<R><A>x</A></R>")).value).toEqual({ A: "x" });
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("<R><A>Hà Nội</A></R>")]);
    expect(ok(parseXml(bytes)).value).toEqual({ A: "Hà Nội" });
  });

  it("refuses bytes that are not UTF-8", () => {
    expect(codes(parseXml(new Uint8Array([0x3c, 0x52, 0x3e, 0xc3, 0x28, 0x3c, 0x2f, 0x52, 0x3e])))).toEqual(["XML-ENCODING"]);
  });

  it("normalises Vietnamese text to NFC", () => {
    const decomposed = "Nguye\u0302\u0303n"; // ễ as e + circumflex + tilde
    const r = ok(parseXml(`<R><A>${decomposed}</A></R>`));
    expect(r.value).toEqual({ A: "Nguyễn" });
    expect((r.value as { A: string }).A).toHaveLength(6);
  });

  it("decodes the XML escapes and character references once", () => {
    const r = ok(parseXml("<R><A>&lt;5 &amp; &gt;3 &quot;x&quot; &apos;y&apos;</A><B>B&#x1EC7;nh &#7879;</B><C>&amp;#65;</C></R>"));
    expect(r.value).toEqual({ A: "<5 & >3 \"x\" 'y'", B: "Bệnh ệ", C: "&#65;" });
  });

  it("drops attributes and namespace prefixes and tolerates broken namespace URIs", () => {
    const xml =
      '<ns0:R xmlns:ns0="urn:x" xmlns:xsi="http://www.w3.org/2001/XMLSchema instance">' +
      '<ns0:A xsi:nil="true"/><B id="7">b</B></ns0:R>';
    const r = ok(parseXml(xml));
    expect(r.root).toBe("R");
    expect(r.value).toEqual({ A: "", B: "b" });
  });

  it("makes the listed elements arrays even when they occur once", () => {
    const r = ok(parseXml("<R><HOSO><X>1</X></HOSO><Y><Z>1</Z></Y></R>", { arrayTags: ["HOSO", "Z"] }));
    expect(r.value).toEqual({ HOSO: [{ X: "1" }], Y: { Z: ["1"] } });
  });

  it("gives repeated elements as arrays and keeps mixed text", () => {
    const r = ok(parseXml("<R><A>1</A><A>2</A><M>text<N>v</N></M></R>"));
    expect(r.value).toEqual({ A: ["1", "2"], M: { "#text": "text", N: "v" } });
  });

  it("skips the declaration, comments and processing instructions", () => {
    const r = ok(parseXml('<?xml version="1.0" encoding="utf-8"?>\n<!-- note --><R><?pi x?><A>1</A></R>'));
    expect(r.value).toEqual({ A: "1" });
  });

  describe("refusals", () => {
    it("refuses a DOCTYPE with entities before parsing (billion laughs)", () => {
      const laughs =
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><R>&lol2;</R>';
      const r = parseXml(laughs, { path: "HOSO[0]/FILEHOSO[0]/NOIDUNGFILE" });
      expect(r).toEqual({
        ok: false,
        findings: [expect.objectContaining({ code: "XML-DOCTYPE", severity: "error", path: "HOSO[0]/FILEHOSO[0]/NOIDUNGFILE" })],
      });
    });

    it("refuses a bare DOCTYPE or ENTITY in any letter case", () => {
      expect(codes(parseXml('<!doctype r SYSTEM "file:///etc/passwd"><r/>'))).toEqual(["XML-DOCTYPE"]);
      expect(codes(parseXml('<R><!ENTITY x "y"></R>'))).toEqual(["XML-DOCTYPE"]);
    });

    it("refuses nesting deeper than the limit, and accepts it at the limit", () => {
      const nest = (n: number) => "<a>".repeat(n) + "x" + "</a>".repeat(n);
      expect(codes(parseXml(nest(33)))).toEqual(["XML-TOO-DEEP"]);
      expect(parseXml(nest(32)).ok).toBe(true);
      expect(codes(parseXml(nest(5), { limits: { maxDepth: 4 } }))).toEqual(["XML-TOO-DEEP"]);
    });

    it("does not count self-closing elements, comments or CDATA as nesting", () => {
      const xml = "<a><b/><b/><!-- <c><c><c> --><![CDATA[<d><d><d>]]><e attr='>'/></a>";
      expect(ok(parseXml(xml, { limits: { maxDepth: 1 } })).value).toEqual({ "#text": "<d><d><d>", b: ["", ""], e: "" });
    });

    it("refuses more elements than the limit", () => {
      const xml = "<R>" + "<A/>".repeat(10) + "</R>";
      expect(codes(parseXml(xml, { limits: { maxElements: 10 } }))).toEqual(["XML-TOO-MANY-ELEMENTS"]);
      expect(parseXml(xml, { limits: { maxElements: 11 } }).ok).toBe(true);
    });

    it.each([
      ["an unclosed tag", "<R><A>x</R>"],
      ["text outside the root", "<R/>garbage"],
      ["two roots", "<A>1</A><B>2</B>"],
      ["a repeated root", "<A>1</A><A>2</A>"],
      ["no element at all", "just text"],
      ["an empty document", ""],
      ["a bare ampersand", "<R>a & b</R>"],
      ["a prototype-polluting name", "<R><__proto__>x</__proto__></R>"],
      ["a `constructor` element", "<R><constructor>x</constructor></R>"],
      ["a mismatched end tag", "<R><A>x</B></R>"],
      ["an end tag that differs only by its prefix", "<ns:R><A>x</A></R>"],
      ["an end tag with nothing open", "</R>"],
      ["a name starting with a digit", "<R><1A>x</1A></R>"],
      ["a space after `<`", "<R>< A>x</A></R>"],
      ["an attribute without a value", "<R a>x</R>"],
      ["a repeated attribute", "<R a='1' a='2'>x</R>"],
      ["attributes not separated by space", '<R a="1"b="2">x</R>'],
      ["an unquoted attribute", "<R a=1>x</R>"],
      ["an unterminated attribute value", '<R a="1>x</R>'],
      ["an unclosed comment", "<R><!-- x</R>"],
      ["an unclosed CDATA section", "<R><![CDATA[x</R>"],
      ["CDATA outside the root", "<![CDATA[x]]><R/>"],
      ["a markup declaration other than a comment or CDATA", "<R><!ELEMENTX></R>"],
      ["an XML declaration after the start", " <?xml version='1.0'?><R/>"],
      ["an XML declaration after the root", "<R/><?xml version='1.0'?>"],
      ["an ampersand without a name", "<R>a &; b</R>"],
      ["an unterminated reference", "<R>a &amp b</R>"],
      ["a root listed as an array element", "<HOSO><X>1</X></HOSO>"],
    ])("refuses %s as XML-MALFORMED", (_label, xml) => {
      expect(codes(parseXml(xml, { arrayTags: ["HOSO"] }))).toEqual(["XML-MALFORMED"]);
    });

    it("says where the document breaks without quoting it", () => {
      const r = parseXml("<R>\n<HO_TEN>Nguyễn Văn An</R>");
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const [f] = r.findings;
      expect(f?.message.en).toMatch(/line 2/);
      expect(JSON.stringify(f)).not.toMatch(/Nguyễn|HO_TEN/);
    });
  });

  describe("long base64 texts set aside before parsing (base64Element)", () => {
    const b64 = (n: number, lineEnd = "\r\n") => Array.from({ length: n }, (_, i) => Buffer.from(`khối ${i} `.repeat(12)).toString("base64")).join(lineEnd);
    const envelope = (contents: string[], tail = "") =>
      `<?xml version="1.0"?>\n<KHAMSUCKHOE><HOSO>${contents.map((c, i) => `<FILEHOSO><LOAIHOSO>XML${i + 1}</LOAIHOSO><p:NOIDUNGFILE >${c}</p:NOIDUNGFILE></FILEHOSO>`).join("\n")}</HOSO>${tail}</KHAMSUCKHOE>`;
    const both = (xml: string): ParseXmlResult[] => [parseXml(xml, { arrayTags: ["HOSO"] }), parseXml(xml, { arrayTags: ["HOSO"], base64Element: "NOIDUNGFILE" })];

    it("gives the same tree as reading the text through the parser", () => {
      const xml = envelope([b64(20), `  \n${b64(30, "\n")}\n  `, "c2hvcnQ=", `${b64(20)}&amp;`, b64(20, "\r")]);
      const [plain, aside] = both(xml);
      expect(plain!.ok).toBe(true);
      expect(aside).toEqual(plain);
      const files = ((ok(aside!).value as XmlElement)["HOSO"] as XmlElement[])[0]!["FILEHOSO"] as XmlElement[];
      expect(files[0]!["NOIDUNGFILE"]).toBe(b64(20, "\n"));
      expect(files[3]!["NOIDUNGFILE"]).toBe(`${b64(20)}&`.replace(/\r\n/g, "\n"));
    });

    it("keeps the line of a break after a text set aside", () => {
      const [plain, aside] = both(envelope([b64(40)], "<X>\n</Y>"));
      expect(plain!.ok).toBe(false);
      expect(aside).toEqual(plain);
    });

    it("leaves a document with the marker character whole, so no text can stand in for another", () => {
      const [plain, aside] = both(envelope([b64(20), "\uE0000"]));
      expect(aside).toEqual(plain);
      const files = ((ok(aside!).value as XmlElement)["HOSO"] as XmlElement[])[0]!["FILEHOSO"] as XmlElement[];
      expect(files[1]!["NOIDUNGFILE"]).toBe("\uE0000");
    });

    it("still counts the elements and refuses what the parser refuses", () => {
      const xml = envelope([b64(20), b64(20)]);
      expect(codes(parseXml(xml, { arrayTags: ["HOSO"], base64Element: "NOIDUNGFILE", limits: { maxElements: 5 } }))).toEqual(["XML-TOO-MANY-ELEMENTS"]);
      expect(codes(parseXml(envelope([`${b64(20)}\u0001`]), { base64Element: "NOIDUNGFILE" }))).toEqual(["XML-MALFORMED"]);
    });
  });
});
