/**
 * ICD-10 lists as facilities write them: `;`-separated (standards.md §1 item 9; QĐ 2062
 * KET_LUAN_BENH "nhiều mã phân cách bằng dấu ;"), often with the disease name beside the code
 * (`I10 - Tăng huyết áp`, `(E11) Đái tháo đường`, `Viêm dạ dày (K29.7)`) and sometimes one per line
 * (`- (I10) …`, as VSS CHAN_DOAN_VAO does). Items without a code are free text: they stay in the
 * field they came from and make no coded condition.
 */
export interface IcdItem {
  /** Upper-cased code as sent, e.g. `K29.7`. */
  code: string;
  text: string | null;
}

const CODE = String.raw`[A-Za-z]\d{2}(?:\.[0-9A-Za-z]{1,3})?`;
const LEADING = new RegExp(String.raw`^\(?(${CODE})\)?[*†+]?(?=$|[\s).:,\-–])[\s)]*(?:[-–:]\s*)?(.*)$`, "s");
const TRAILING = new RegExp(String.raw`^(.*?)[\s\-–:]*\((${CODE})\)[*†+]?$`, "s");

export function parseIcdList(text: string | null): IcdItem[] {
  if (text === null) return [];
  return text
    .split(/[;\n]/)
    .map((item) => item.trim().replace(/^[-•*+]\s*/, "").trim())
    .filter((item) => item !== "")
    .flatMap((item) => {
      const parsed = parseItem(item);
      return parsed ? [parsed] : [];
    });
}

function parseItem(item: string): IcdItem | null {
  const leading = LEADING.exec(item);
  if (leading?.[1] !== undefined) return { code: leading[1].toUpperCase(), text: clean(leading[2]) };
  const trailing = TRAILING.exec(item);
  if (trailing?.[2] !== undefined) return { code: trailing[2].toUpperCase(), text: clean(trailing[1]) };
  return null;
}

const clean = (text: string | undefined): string | null => {
  const t = (text ?? "").trim();
  return t === "" ? null : t;
};
