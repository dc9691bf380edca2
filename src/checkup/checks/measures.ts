/**
 * Each mapped measure on its own ("đúng", "sạch"): inside the catalogue's `plausibleRange`
 * (outside is a data-entry error, not a clinical finding: checkup-catalogue.md step 4), with the
 * unit mix-up named when another accepted unit explains it; units the entry does not accept;
 * `,` used as the decimal separator (standards.md §1 item 8: `.`); values that are not numbers.
 * Messages give ranges and catalogue units, never the person's value or text the facility typed.
 */
import { finding, type Finding } from "../finding.ts";
import type { CatalogueEntry } from "../../reference/data.ts";
import type { IndexedEntry } from "../catalogue-index.ts";
import { itemPath, type Check } from "./context.ts";
import { explainMixup } from "./unit-mixup.ts";

const rangeText = (e: CatalogueEntry): string =>
  e.plausibleRange ? `${e.plausibleRange.min}–${e.plausibleRange.max} ${e.plausibleRange.unit}` : "";

export const plausible = (ie: IndexedEntry, v: number): boolean => {
  const r = ie.entry.plausibleRange;
  return !r || (v >= r.min && v <= r.max);
};

function implausible(path: string, e: CatalogueEntry, label = e.nameVi, labelEn = e.nameEn): Finding {
  return finding("KSK-VALUE-IMPLAUSIBLE", "error", path,
    `${label}: giá trị nằm ngoài khoảng hợp lý ${rangeText(e)}; có thể nhập sai.`,
    `${labelEn}: the value is outside the plausible range ${rangeText(e)}; probably a data-entry error.`);
}

export const checkMeasures: Check = ({ record, notes, idx }, out) => {
  record.observations.forEach((o, i) => {
    const note = notes[i];
    const ie = note?.entry;
    if (!note || !ie) return;
    const e = ie.entry;
    const path = itemPath(record, o);
    if (note.decimalComma) {
      out.push(finding("KSK-DECIMAL-COMMA", "warning", path,
        `${e.nameVi}: dùng dấu phẩy làm dấu thập phân; đã đọc như dấu chấm, hãy gửi dấu chấm (".").`,
        `${e.nameEn}: a comma was used as decimal separator; it was read as a point, please send ".".`));
    }
    if (note.unitStatus === "unknown") {
      out.push(finding("KSK-UNIT-UNKNOWN", "warning", path,
        `${e.nameVi}: đơn vị (DON_VI_DO) không thuộc các đơn vị được chấp nhận; đơn vị chuẩn là ${ie.units.canonical ?? "không đơn vị"}. Giá trị được giữ dạng văn bản.`,
        `${e.nameEn}: the unit (DON_VI_DO) is not an accepted one; the canonical unit is ${ie.units.canonical ?? "none"}. The value is kept as text.`));
    } else if (note.unitStatus === "unconvertible") {
      out.push(finding("KSK-UNIT-UNCONVERTED", "warning", path,
        `${e.nameVi}: đơn vị ${note.unitUsed?.label ?? ""} không quy đổi được sang ${ie.units.canonical ?? ""}; giá trị được giữ dạng văn bản.`,
        `${e.nameEn}: unit ${note.unitUsed?.label ?? ""} does not convert to ${ie.units.canonical ?? ""}; the value is kept as text.`));
    }
    if (note.notNumeric) {
      out.push(finding("KSK-VALUE-FORMAT", "warning", path,
        `${e.nameVi}: giá trị không phải là số hay kết quả định tính đọc được.`,
        `${e.nameEn}: the value is neither a number nor a readable qualitative result.`));
    }
    if (o.value !== null && note.rawNumber !== null && !plausible(ie, o.value)) {
      const other = explainMixup(ie, idx.hints.get(e.key) ?? [], note.rawNumber, note.unitUsed);
      out.push(other
        ? finding("KSK-UNIT-MIXUP", "error", path,
            `${e.nameVi}: giá trị nằm ngoài khoảng hợp lý ${rangeText(e)} nhưng hợp lý nếu tính theo đơn vị ${other.label}; có vẻ đã nhập nhầm đơn vị.`,
            `${e.nameEn}: the value is outside the plausible range ${rangeText(e)} but fits if read in ${other.label}; the unit looks mixed up.`)
        : implausible(path, e));
    }
    if (note.bp) {
      // parseNote of bp_panel: validate each component against its own entry.
      const sys = idx.catalogue.byKey.get("bp_systolic");
      const dia = idx.catalogue.byKey.get("bp_diastolic");
      if (sys && !plausible(sys, note.bp.sbp)) out.push(implausible(path, sys.entry));
      if (dia && !plausible(dia, note.bp.dbp)) out.push(implausible(path, dia.entry));
    }
  });
};
