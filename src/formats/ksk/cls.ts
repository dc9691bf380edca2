/**
 * XML11 KHAM_CAN_LAM_SANG / DANH_SACH_CLS / CHI_TIET_CLS: one observation per result row, the
 * columns of VSS XML4 (standards.md §4.4, §5.8). The key stays null: a separate normaliser maps
 * TEN_CHI_SO / MA_CHI_SO to the catalogue. Panel header rows (a name with no value, no description
 * and no conclusion, e.g. `TPT TẾ BÀO MÁU 22 (Máu)`) are headings, not results, and are skipped.
 */
import type { Finding } from "../../checkup/finding.ts";
import type { Observation, ObservationCategory } from "../../checkup/model.ts";
import { parseMoment, type ParseMomentOptions } from "../moment.ts";
import { isXmlElement, type XmlElement, type XmlValue } from "../xml.ts";
import { textOf, type Block } from "./fields.ts";
import { kskFinding } from "./findings.ts";
import { observation } from "./observations.ts";

export const CLS_TAGS = {
  serviceCode: "MA_DICH_VU",
  localCode: "MA_CHI_SO",
  name: "TEN_CHI_SO",
  value: "GIA_TRI",
  unit: "DON_VI_DO",
  description: "MO_TA",
  conclusion: "KET_LUAN",
  resultTime: "NGAY_KQ",
  /** The paraclinical doctor's e-signature (QĐ 2062 XML11), per row or for the whole block. */
  signature: "CKDT_KET_QUA_CLS",
} as const;

/** VSS-style reader columns some senders add (standards.md §4.4 MA_BS_DOC_KQ). */
const READER_TAGS = ["MA_BS_DOC_KQ", "NGUOI_THUC_HIEN"] as const;

export interface ClsRow {
  row: XmlElement;
  path: string;
}

/** Every CHI_TIET_CLS, under DANH_SACH_CLS or straight under the root, numbered in document order. */
export function clsRows(block: Block): ClsRow[] {
  const containers = [block.fields, ...asList(block.fields["DANH_SACH_CLS"]).filter(isXmlElement)];
  const rows = containers.flatMap((c) => asList(c["CHI_TIET_CLS"]).filter(isXmlElement));
  return rows.map((row, i) => ({ row, path: `${block.path}/CHI_TIET_CLS[${i}]` }));
}

/** The block-level e-signature, on the root or on DANH_SACH_CLS. */
export function blockSignature(block: Block, sink: Finding[]): string | null {
  const containers = [block.fields, ...asList(block.fields["DANH_SACH_CLS"]).filter(isXmlElement)];
  for (const c of containers) {
    const value = textOf(c, CLS_TAGS.signature, `${block.path}/${CLS_TAGS.signature}`, sink);
    if (value !== null) return value;
  }
  return null;
}

export function readClsObservations(block: Block | undefined, sink: Finding[], dates: ParseMomentOptions): Observation[] {
  if (!block) return [];
  const signed = blockSignature(block, sink);
  const out: Observation[] = [];
  for (const { row, path } of clsRows(block)) {
    const text = (tag: string) => textOf(row, tag, `${path}/${tag}`, sink);
    const value = text(CLS_TAGS.value);
    const description = text(CLS_TAGS.description);
    const conclusion = text(CLS_TAGS.conclusion);
    if (value === null && description === null && conclusion === null) continue;
    const localCode = text(CLS_TAGS.localCode);
    const serviceCode = text(CLS_TAGS.serviceCode);
    let name = text(CLS_TAGS.name);
    if (name === null) {
      sink.push(kskFinding("KSK-CLS-NAME-MISSING", `${path}/${CLS_TAGS.name}`));
      name = localCode ?? serviceCode ?? "";
    }
    const timeText = text(CLS_TAGS.resultTime);
    const resultTime = timeText === null ? null : parseMoment(timeText, dates);
    if (timeText !== null && resultTime === null) sink.push(kskFinding("KSK-DATE-INVALID", `${path}/${CLS_TAGS.resultTime}`));
    out.push(
      observation({
        key: null,
        category: categoryHint(name),
        name,
        path,
        serviceCode,
        localCode,
        valueRaw: value,
        unitRaw: text(CLS_TAGS.unit),
        description,
        conclusion,
        resultTime,
        performer: text(CLS_TAGS.signature) ?? signed ?? READER_TAGS.map(text).find((v) => v !== null) ?? null,
      }),
    );
  }
  return out;
}

const IMAGING = /x[\s-]?quang|siêu âm|chụp|cắt lớp|cộng hưởng từ|\bmri\b|\bct\b|nội soi/i;
const ECG = /điện tim|điện tâm đồ|\becg\b|\bekg\b/i;

/** A first guess the normaliser may replace from the catalogue: imaging and ECG by name, else laboratory. */
function categoryHint(name: string): ObservationCategory {
  if (IMAGING.test(name)) return "imaging";
  if (ECG.test(name)) return "exam";
  return "laboratory";
}

const asList = (value: XmlValue | undefined): XmlValue[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
