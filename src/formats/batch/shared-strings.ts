/**
 * An XLSX keeps every distinct text once, in a table the cells point into (`xl/sharedStrings.xml`),
 * so a reader must keep the whole table. exceljs keeps it as JS strings at about 430 bytes each
 * (277 MB heap for 634,000 strings, measured); here it is one UTF-8 buffer with offsets, about the
 * size of the text itself plus 4 bytes a string, so a million-row sheet stays in bounds.
 */

export interface SharedStrings {
  add(text: string): void;
  /** The string at a table index; null when the index is not in the table. */
  get(index: number): string | null;
  readonly size: number;
}

export function createSharedStrings(): SharedStrings {
  let bytes = Buffer.alloc(1 << 16);
  let used = 0;
  // ends[i] = byte offset just after string i; string i starts at ends[i - 1] (0 for the first).
  let ends = new Uint32Array(1 << 12);
  let count = 0;
  return {
    add(text) {
      const length = Buffer.byteLength(text);
      if (used + length > bytes.length) {
        const next = Buffer.alloc(Math.max(bytes.length * 2, used + length));
        bytes.copy(next, 0, 0, used);
        bytes = next;
      }
      used += bytes.write(text, used);
      if (count === ends.length) {
        const next = new Uint32Array(ends.length * 2);
        next.set(ends);
        ends = next;
      }
      ends[count++] = used;
    },
    get(index) {
      if (!Number.isInteger(index) || index < 0 || index >= count) return null;
      return bytes.toString("utf8", index === 0 ? 0 : (ends[index - 1] ?? 0), ends[index] ?? 0);
    },
    get size() {
      return count;
    },
  };
}
