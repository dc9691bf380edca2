/**
 * The row key, stored as MA_LK: the check-up key the hub replaces on re-upload (standards.md §1
 * item 6: one check-up per facility and MA_LK). A team that has MA_LK from its software sends it;
 * otherwise the key is built from the programme and the team's STT, so the fixed file sent again
 * replaces its rows instead of adding them:
 *
 *     <round>-<team>-<organisation tag>-<STT>       e.g. 2026-D1-DOI-3-5C1F0A-12
 *
 * The organisation tag (6 hex digits of a hash of the folded name) keeps two schools screened by
 * the same team in the same round apart, where each list starts again at STT 1. Without MA_LK or
 * STT the sheet row number stands in, with a warning: re-ordering rows would then duplicate them.
 */
import { createHash } from "node:crypto";
import type { Finding } from "../../checkup/finding.ts";
import { foldedKey } from "../../checkup/text.ts";
import { batchFinding, rowPath } from "./findings.ts";
import type { RowCells } from "./row-cells.ts";
import type { Programme } from "./types.ts";

const PART_MAX = 20;

/** `Đội 3` → `DOI-3`: ASCII, upper case, runs of other characters as one `-`. */
export function keySlug(text: string): string {
  const slug = foldedKey(text).toUpperCase().replace(/[^A-Z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return slug.slice(0, PART_MAX).replace(/-+$/, "");
}

export function programmeKeyPrefix(p: Programme): string {
  const tag = createHash("sha256").update(foldedKey(p.organisation)).digest("hex").slice(0, 6).toUpperCase();
  return [keySlug(p.round), keySlug(p.team), tag].filter((s) => s !== "").join("-");
}

/** `012` and `12` are the same STT; anything else is slugged. */
const sttPart = (stt: string): string => (/^\d+$/.test(stt) ? String(Number(stt)) : keySlug(stt));

export function rowKey(cells: RowCells, prefix: string, sink: Finding[]): string {
  const maLk = cells.text("MA_LK");
  if (maLk !== null) return maLk;
  const stt = cells.text("STT");
  if (stt !== null && sttPart(stt) !== "") return `${prefix}-${sttPart(stt)}`;
  sink.push(batchFinding("BATCH-KEY-ROW", rowPath(cells.row, cells.has("STT") ? "STT" : "MA_LK")));
  return `${prefix}-R${cells.row}`;
}
