/**
 * Text keys for matching what facilities type against the catalogue (checkup-catalogue.md "How to
 * use it", step 1): NFC, lower case, trimmed, single spaces; a second, folded key drops the
 * diacritics (đ → d) for names typed without them.
 */

/**
 * Remembers a pure text function's answers: facilities send the same few hundred labels and
 * units in every record, and Unicode normalisation is dear. Bounded: cleared when full.
 */
function memo(f: (text: string) => string, max = 20_000): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    let key = known.get(text);
    if (key === undefined) {
      if (known.size >= max) known.clear();
      key = f(text);
      known.set(text, key);
    }
    return key;
  };
}

/** NFC, lower case, trim, collapse spaces. */
export const labelKey = memo((text) => text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim());

/** `labelKey` with diacritics removed: NFD, combining marks dropped, đ → d. */
export const foldedKey = memo((text) => labelKey(text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d")));

/**
 * Unit key: lower case (so `l`/`L` agree), spaces removed, micro sign and Greek mu → `u`,
 * superscript 2/3 → digits (checkup-catalogue.md "How to use it", step 2).
 */
export const unitKey = memo((unit) =>
  unit
    .normalize("NFC")
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/[\u00b5\u03bc]/g, "u")
    .replace(/\u00b2/g, "2")
    .replace(/\u00b3/g, "3"),
);
