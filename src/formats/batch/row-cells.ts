/**
 * One data row seen through the header: cells by column key. Built per row from the positions the
 * header gave; the record builders read only through it, so they never deal with column order.
 */
import { cellText } from "./cells.ts";
import type { HeaderMap } from "./header.ts";
import type { CellValue, SheetRow } from "./types.ts";

export interface RowCells {
  row: number;
  /** The file has this column. */
  has(key: string): boolean;
  /** The cell under a column; undefined when the file has no such column. */
  value(key: string): CellValue | undefined;
  /** Trimmed text of the cell; null when blank or absent. */
  text(key: string): string | null;
}

export function rowCells(header: HeaderMap, row: SheetRow): RowCells {
  const value = (key: string): CellValue | undefined => {
    const i = header.positions.get(key);
    return i === undefined ? undefined : (row.values[i] ?? null);
  };
  return {
    row: row.row,
    has: (key) => header.positions.has(key),
    value,
    text: (key) => cellText(value(key)),
  };
}
