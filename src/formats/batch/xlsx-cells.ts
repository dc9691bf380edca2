/**
 * exceljs cell values → plain cell values and notes. Formulas give their cached result (what the
 * team saw on screen) with a note; a formula never calculated (files written by some tools) and an
 * Excel error (#N/A, #DIV/0!) read as empty, with a note. Rich text and hyperlinks give their text.
 */
import type ExcelJS from "exceljs";
import type { SharedStrings } from "./shared-strings.ts";
import type { CellNote, CellValue } from "./types.ts";

export interface ReadCell {
  value: CellValue;
  note: CellNote | null;
}

const plain = (value: CellValue): ReadCell => ({ value, note: null });

/** `strings` resolves `{ sharedString: n }`, what exceljs gives when it does not keep the table itself. */
export function readCell(v: ExcelJS.CellValue, strings: SharedStrings): ReadCell {
  if (v === null || v === undefined) return plain(null);
  const shared: unknown = typeof v === "object" && !(v instanceof Date) ? Reflect.get(v, "sharedString") : undefined;
  if (typeof shared === "number") return plain(strings.get(shared));
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date) {
    return typeof v === "number" && !Number.isFinite(v) ? { value: null, note: "cell-error" } : plain(v);
  }
  if ("formula" in v || "sharedFormula" in v) return formulaResult(v.result);
  if ("error" in v) return { value: null, note: "cell-error" };
  if ("richText" in v) return plain(v.richText.map((r) => r.text).join(""));
  if ("hyperlink" in v) return plain(textOf(v.text));
  return plain(null);
}

/** A shared-strings table entry as exceljs emits it: text, rich text, or null for `<si/>`. */
export const sharedText = (text: unknown): string => (text === null || text === undefined ? "" : textOf(text));

function formulaResult(result: ExcelJS.CellFormulaValue["result"]): ReadCell {
  if (result === undefined || (typeof result === "number" && Number.isNaN(result))) return { value: null, note: "formula-no-result" };
  if (typeof result === "object" && !(result instanceof Date)) return { value: null, note: "cell-error" };
  return { value: result, note: "formula" };
}

/** A hyperlink's or shared string's text may itself be rich text. */
function textOf(text: unknown): string {
  if (typeof text === "string") return text;
  if (typeof text === "object" && text !== null && "richText" in text && Array.isArray(text.richText)) {
    return text.richText.map((r: unknown) => (typeof r === "object" && r !== null && "text" in r ? String(r.text) : "")).join("");
  }
  return "";
}
