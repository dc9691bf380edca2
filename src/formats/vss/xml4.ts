/**
 * XML4 CHI_TIET_CLS (QĐ 3176 Bảng 4; standards.md §4.4): one observation per result row, key null
 * (the normaliser maps TEN_CHI_SO / MA_CHI_SO onto the catalogue). Panel header rows — a name with
 * no GIA_TRI, MO_TA or KET_LUAN, e.g. `TPT TẾ BÀO MÁU 22 (Máu)` — are headings, not results, and
 * are skipped (they stay in `blocks`). Imaging, function tests and pathology have no GIA_TRI: their
 * text is kept in `description` (MO_TA) and `conclusion` (KET_LUAN).
 */
import type { Finding } from "../../checkup/finding.ts";
import type { Observation, ObservationCategory } from "../../checkup/model.ts";
import { observation } from "../ksk/observations.ts";
import { rowReader, type Row } from "./fields.ts";
import { vssFinding } from "./findings.ts";

export const XML4_ORDER = [
  "MA_LK", "STT", "MA_DICH_VU", "MA_CHI_SO", "TEN_CHI_SO", "GIA_TRI", "DON_VI_DO", "MO_TA", "KET_LUAN", "NGAY_KQ",
  "MA_BS_DOC_KQ", "DU_PHONG",
] as const;

export function readResults(rows: readonly Row[], sink: Finding[]): Observation[] {
  const out: Observation[] = [];
  for (const row of rows) {
    const r = rowReader(row, sink);
    const value = r.text("GIA_TRI");
    const description = r.text("MO_TA");
    const conclusion = r.text("KET_LUAN");
    if (value === null && description === null && conclusion === null) continue;
    const localCode = r.text("MA_CHI_SO");
    const serviceCode = r.text("MA_DICH_VU");
    let name = r.text("TEN_CHI_SO");
    if (name === null) {
      sink.push(vssFinding("VSS-CLS-NAME-MISSING", r.path("TEN_CHI_SO")));
      name = localCode ?? serviceCode ?? "";
    }
    out.push(
      observation({
        key: null,
        category: categoryHint(name),
        name,
        path: row.path,
        serviceCode,
        localCode,
        valueRaw: value,
        unitRaw: r.text("DON_VI_DO"),
        description,
        conclusion,
        resultTime: r.moment("NGAY_KQ"),
        performer: r.text("MA_BS_DOC_KQ"),
      }),
    );
  }
  return out;
}

// Same first guess as formats/ksk/cls.ts (not exported there); the normaliser replaces it from the catalogue.
const IMAGING = /x[\s-]?quang|siêu âm|chụp|cắt lớp|cộng hưởng từ|\bmri\b|\bct\b|nội soi/i;
const ECG = /điện tim|điện tâm đồ|\becg\b|\bekg\b/i;

function categoryHint(name: string): ObservationCategory {
  if (IMAGING.test(name)) return "imaging";
  if (ECG.test(name)) return "exam";
  return "laboratory";
}
