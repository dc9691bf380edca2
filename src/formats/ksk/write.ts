/**
 * KHAMSUCKHOE writer: CheckupRecords → one envelope (standards.md §5.6), in any of the variants the
 * receiver must accept (§5.7) and the export styles seen in real files (samples/real-world-files.md):
 * inline or base64 blocks, GLN or 5-character MACSKCB, CHUKYDONVI inside or after THONGTINHOSO,
 * XML12 rooted at KET_LUAN or KET_LUAN_VA_TU_VAN, NGAY_SINH as digits or ISO, BOM, CRLF, compact or
 * pretty, CDATA, declarations per block. Used by the demo generator, the CLI and the tests; for what
 * the parser reads, parse(write(records)) gives the records back. Pure: no clock, no I/O.
 */
import type { CheckupRecord } from "../../checkup/model.ts";
import { formatMomentDigits } from "../moment.ts";
import { KSK_ROOT } from "./parse.ts";
import { recordBlocks, type WrittenBlock } from "./write-blocks.ts";
import { leaf, node, render, type XmlNode, type XmlStyle } from "./write-xml.ts";

export interface WriteKskOptions {
  /** MACSKCB: a 13-digit GLN or a 5-character code. Default: the first record's GLN, else its code. */
  facilityId?: string | null;
  contentEncoding?: "base64" | "inline";
  birthDateFormat?: "digits" | "iso";
  signaturePlacement?: "after" | "inside";
  conclusionRoot?: "KET_LUAN" | "KET_LUAN_VA_TU_VAN";
  /** Envelope CHUKYDONVI; default: the `CKS_*` signatures of the first record. */
  signatures?: Readonly<Record<string, string>>;
  /** NGAYLAP (`yyyymmdd`); default: the date of the first record's exam. */
  preparedOn?: string | null;
  /** SOLUONGHOSO; default: the number of records (set it to test truncation handling). */
  declaredCount?: number;
  bom?: boolean;
  crlf?: boolean;
  /** Line breaks and indentation (default) or one line, as the "compact" real export. */
  pretty?: boolean;
  /** `<?xml …?>` at the top of the envelope (default true) and of each base64 block (default false). */
  declaration?: boolean;
  blockDeclaration?: boolean;
  /** Wrap every text value in CDATA, as the "pretty" real export does for free text. */
  cdata?: boolean;
  emptyStyle?: XmlStyle["emptyStyle"];
  /** Write absent fields as empty elements instead of leaving them out. */
  writeNulls?: boolean;
}

const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';
const NAMESPACES = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"';

export function writeKsk(records: readonly CheckupRecord[], options: WriteKskOptions = {}): string {
  const style: XmlStyle = {
    pretty: options.pretty ?? true,
    emptyStyle: options.emptyStyle ?? "self-closing",
    writeNulls: options.writeNulls ?? false,
    cdata: options.cdata ?? false,
  };
  const first = records[0];
  const signatures = options.signatures ?? cksOf(first?.signatures ?? {});
  const hosos = records.map((record) =>
    node(
      "HOSO",
      recordBlocks(record, {
        birthDateFormat: options.birthDateFormat ?? "digits",
        conclusionRoot: options.conclusionRoot ?? "KET_LUAN",
        envelopeSignatures: signatures,
      }).map((b) => fileNode(b, options, style)),
    ),
  );
  const chuky = node("CHUKYDONVI", Object.entries(signatures).map(([tag, value]) => leaf(tag, value)));
  const inside = options.signaturePlacement === "inside";
  const info = node("THONGTINHOSO", [
    leaf("NGAYLAP", options.preparedOn ?? (first?.examTime ? formatMomentDigits(first.examTime, 8) : null)),
    leaf("SOLUONGHOSO", String(options.declaredCount ?? records.length)),
    node("DANHSACHHOSO", hosos),
    ...(inside ? [chuky] : []),
  ]);
  const body = [
    node("THONGTINDONVI", [leaf("MACSKCB", options.facilityId ?? first?.facilityGln ?? first?.facilityCode ?? null)]),
    info,
    ...(inside ? [] : [chuky]),
  ];
  const nl = style.pretty ? "\n" : "";
  // CDATA is for the text inside blocks; envelope codes and base64 stay plain, as real exports have them.
  const envelopeStyle: XmlStyle = { ...style, cdata: false };
  const inner = body.map((n) => render(n, envelopeStyle, 1)).join("");
  const xml =
    (options.declaration === false ? "" : DECLARATION + nl) + `<${KSK_ROOT} ${NAMESPACES}>${nl}${inner}</${KSK_ROOT}>${nl}`;
  return finish(xml, options);
}

/** FILEHOSO: LOAIHOSO and NOIDUNGFILE, the block inline or as base64 of its own document. */
function fileNode(block: WrittenBlock, options: WriteKskOptions, style: XmlStyle): XmlNode {
  const root = node(block.root, block.children, style.cdata);
  if (options.contentEncoding === "inline") return node("FILEHOSO", [leaf("LOAIHOSO", block.type), node("NOIDUNGFILE", [root])]);
  const text = (options.blockDeclaration ? DECLARATION + (style.pretty ? "\n" : "") : "") + render(root, style);
  const encoded = Buffer.from(finish(text, { crlf: options.crlf ?? false }), "utf8").toString("base64");
  return node("FILEHOSO", [leaf("LOAIHOSO", block.type), leaf("NOIDUNGFILE", encoded)]);
}

function finish(xml: string, options: Pick<WriteKskOptions, "bom" | "crlf">): string {
  const text = options.crlf ? xml.replace(/\r?\n/g, "\r\n") : xml;
  return options.bom ? `\uFEFF${text}` : text;
}

const cksOf = (signatures: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(signatures).filter(([tag]) => tag.startsWith("CKS_")));
