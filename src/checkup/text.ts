/**
 * Text keys for matching what facilities type against the catalogue (checkup-catalogue.md "How to
 * use it", step 1): NFC, lower case, trimmed, single spaces; a second, folded key drops the
 * diacritics (đ → d) for names typed without them.
 */

/** NFC, lower case, trim, collapse spaces. */
export function labelKey(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** `labelKey` with diacritics removed: NFD, combining marks dropped, đ → d. */
export function foldedKey(text: string): string {
  return labelKey(text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d"));
}

/**
 * Unit key: lower case (so `l`/`L` agree), spaces removed, micro sign and Greek mu → `u`,
 * superscript 2/3 → digits (checkup-catalogue.md "How to use it", step 2).
 */
export function unitKey(unit: string): string {
  return unit
    .normalize("NFC")
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/[\u00b5\u03bc]/g, "u")
    .replace(/\u00b2/g, "2")
    .replace(/\u00b3/g, "3");
}
