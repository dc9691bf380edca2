/**
 * The saxes-based reader against what it replaced: fast-xml-parser's validator, then its parser
 * with the options xml.ts used. Records keep the parsed tree and are hashed with it, so on every
 * document both accept the trees must be equal key order included; on damaged documents the
 * reader must refuse whatever the validator refused (it may refuse more: XML 1.0 is stricter).
 */
import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { KSK_ARRAY_TAGS } from "./ksk/block-types.ts";
import { ENVELOPE_ARRAY_TAGS, VSS_ARRAY_TAGS } from "./vss/table-types.ts";
import { parseXml, XML_DEFAULT_LIMITS, type XmlValue } from "./xml.ts";

/** The previous parseXml after its DOCTYPE, encoding and limit checks: validator, parser, normalise. */
function previous(text: string, arrayTags: readonly string[] = []): { root: string; value: XmlValue } | null {
  if (/<!(DOCTYPE|ENTITY)/i.test(text) || XMLValidator.validate(text) !== true) return null;
  if (text.slice(text.lastIndexOf(">") + 1).trim() !== "") return null;
  const arrays = new Set(arrayTags);
  let tree: unknown;
  try {
    tree = new XMLParser({
      ignoreAttributes: true,
      removeNSPrefix: true,
      parseTagValue: false,
      trimValues: true,
      ignoreDeclaration: true,
      ignorePiTags: true,
      htmlEntities: text.includes("&#"),
      isArray: (name: string) => arrays.has(name),
    }).parse(text);
  } catch {
    return null;
  }
  const top = typeof tree === "object" && tree !== null ? Object.keys(tree) : [];
  const root = top[0];
  if (top.length !== 1 || root === undefined) return null;
  const value = (tree as Record<string, unknown>)[root];
  return Array.isArray(value) ? null : { root, value: normalise(value) };
}

function normalise(value: unknown): XmlValue {
  if (typeof value === "string") return value.trim().normalize("NFC");
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  }
  return value === undefined || value === null ? "" : String(value);
}

/** Same outcome, and the same tree as JSON text (key order counts). */
function expectSame(text: string, arrayTags: readonly string[] = []): void {
  const before = previous(text, arrayTags);
  const now = parseXml(text, { arrayTags, limits: { maxDepth: 1000, maxElements: 10_000_000 } });
  expect(now.ok ? JSON.stringify({ root: now.root, value: now.value }) : null).toBe(before === null ? null : JSON.stringify(before));
}

describe("the reader gives the tree fast-xml-parser gave", () => {
  it.each([
    ["text beside children comes after them", "<a>x<b/>y<c>1</c><b>2</b></a>"],
    ["CDATA beside children", "<a><b/><![CDATA[ zz ]]><c>1</c></a>"],
    ["text around a comment", "<a> a <!--c--> b </a>"],
    ["a processing instruction inside", "<a>x<?pi data?>y</a>"],
    ["an inner XML declaration inside the root", "<a><?xml version='1.0'?><b/></a>"],
    ["prefixed names, the first colon only", "<x:a xmlns:x='u'><x:b>1</x:b><c:b>2</c:b><d:e:f>3</d:e:f></x:a>"],
    ["names the object prototype has", "<a><toString>1</toString><valueOf>2</valueOf><hasOwnProperty>3</hasOwnProperty></a>"],
    ["references", "<a>&lt;&#65;&#x1EC7;&amp;#66;&quot;&apos;&gt;</a>"],
    ["empty forms", "<a><b></b><c/><d><![CDATA[]]></d><e>  </e><f > </f ><g /></a>"],
    ["an array tag holding text or elements", "<a><Z>1</Z><Z><q>2</q></Z><Y>3</Y></a>"],
    ["attributes with `>` in their values", `<a x=">" y='1'><b z = "1"/></a>`],
    ["decomposed Vietnamese", "<a>Nguye\u0302\u0303n <![CDATA[Tha\u0300nh]]></a>"],
    ["line ends in CDATA and text", "<a>\r\n<b><![CDATA[1\r\n2\r3]]></b><c>x\r\ny</c></a>"],
  ])("%s", (_label, xml) => expectSame(xml, ["Z"]));

  const fixtureDirs = ["./ksk/fixtures/", "./ksk/fixtures/hostile/", "./vss/fixtures/"];
  const files = fixtureDirs.flatMap((dir) =>
    readdirSync(new URL(dir, import.meta.url)).filter((f) => f.endsWith(".xml")).map((f) => new URL(dir + f, import.meta.url)),
  );

  it.each(files.map((f) => [f.pathname.split("/formats/")[1] ?? "", f]))("the fixture %s and every base64 document in it", (_name, file) => {
    const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
    const tags = [...ENVELOPE_ARRAY_TAGS, ...KSK_ARRAY_TAGS];
    expectSame(text, tags);
    for (const m of text.matchAll(/<NOIDUNGFILE>\s*([A-Za-z0-9+/=\s]{16,})\s*<\/NOIDUNGFILE>/g)) {
      const inner = Buffer.from(m[1] ?? "", "base64").toString("utf8").replace(/^\uFEFF/, "");
      expectSame(inner, [...KSK_ARRAY_TAGS, ...VSS_ARRAY_TAGS]);
    }
  });
});

const NAMES = ["A", "B", "HO_TEN", "ns:A", "x:B", "CHI_TIET_CLS", "Z", "toString"];
const TEXTS = ["", " ", "1", " 01 ", "1.50", "a &amp; b", "&lt;5", "&#65;", "&#x1EC7;", "Hà Nội", "Nguye\u0302\u0303n", "x\ny", "\r\n", ">"];

interface Tree {
  name: string;
  items: (Tree | { text: string } | { cdata: string } | { comment: string })[];
  attrs: string;
  selfClosing: boolean;
}

const treeArb = fc.letrec<{ tree: Tree; item: Tree["items"][number] }>((tie) => ({
  tree: fc.record({
    name: fc.constantFrom(...NAMES),
    items: fc.array(tie("item"), { maxLength: 5 }),
    attrs: fc.constantFrom("", ' id="7"', " xmlns:ns='urn:x' a=\"1\""),
    selfClosing: fc.boolean(),
  }),
  item: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(...TEXTS).map((text) => ({ text })),
    fc.constantFrom(" x ", "]]", "<b>", "").map((cdata) => ({ cdata })),
    fc.constant({ comment: " note " }),
    tie("tree"),
  ),
}));

function serialise(t: Tree): string {
  const end = t.name;
  if (t.selfClosing && t.items.length === 0) return `<${t.name}${t.attrs}/>`;
  const inner = t.items
    .map((i) => ("name" in i ? serialise(i) : "text" in i ? i.text : "cdata" in i ? `<![CDATA[${i.cdata}]]>` : `<!--${i.comment}-->`))
    .join("");
  return `<${t.name}${t.attrs}>${inner}</${end}>`;
}

const document = fc.record({ tree: treeArb.tree, declaration: fc.boolean(), tail: fc.constantFrom("", "\n", "<!-- end -->\n") }).map(
  ({ tree, declaration, tail }) => (declaration ? '<?xml version="1.0" encoding="utf-8"?>\n' : "") + serialise(tree) + tail,
);

describe("property: generated documents", () => {
  it("well-formed documents give the same tree as before", () => {
    fc.assert(fc.property(document, (xml) => expectSame(xml, ["CHI_TIET_CLS", "Z"])), { numRuns: 2000 });
  });

  it("a damaged document the validator refused is refused", () => {
    const damage = fc.tuple(document, fc.nat(), fc.constantFrom("", "<", ">", "&", "/", '"', "'", "!", "?", "=", " ", "<a>", "</a>", "]]>", "-->"), fc.boolean());
    fc.assert(
      fc.property(damage, ([xml, at, insert, cut]) => {
        const i = at % (xml.length + 1);
        const damaged = cut ? xml.slice(0, i) + insert + xml.slice(i + 1) : xml.slice(0, i) + insert + xml.slice(i);
        if (previous(damaged, ["CHI_TIET_CLS", "Z"]) === null) {
          expect(parseXml(damaged, { arrayTags: ["CHI_TIET_CLS", "Z"], limits: XML_DEFAULT_LIMITS }).ok).toBe(false);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe("normalisation", () => {
  it("leaves every character below U+0300 alone, as NFC would", () => {
    for (let c = 0x20; c < 0x300; c++) expect(String.fromCharCode(c).normalize("NFC")).toBe(String.fromCharCode(c));
  });
});
