/**
 * XML5 CHI_TIET_DIEN_BIEN_BENH (QĐ 3176 Bảng 5; standards.md §4.5): clinical progress notes, their
 * free text kept whole (long, multi-line, often repeating the orders and ICD list), and the vital
 * signs of every `CSST<…>` token as observations (xml5-vitals.ts).
 */
import type { Finding } from "../../checkup/finding.ts";
import type { Observation } from "../../checkup/model.ts";
import { splitList } from "../ksk/fields.ts";
import { rowReader, type Row } from "./fields.ts";
import type { VssClinicalNote } from "./types.ts";
import { readVitals } from "./xml5-vitals.ts";

export const XML5_ORDER = [
  "MA_LK", "STT", "DIEN_BIEN_LS", "GIAI_DOAN_BENH", "HOI_CHAN", "PHAU_THUAT", "THOI_DIEM_DBLS", "NGUOI_THUC_HIEN", "DU_PHONG",
] as const;

export interface NotesRead {
  notes: VssClinicalNote[];
  observations: Observation[];
}

export function readNotes(rows: readonly Row[], sink: Finding[]): NotesRead {
  const out: NotesRead = { notes: [], observations: [] };
  for (const row of rows) {
    const r = rowReader(row, sink);
    const text = r.text("DIEN_BIEN_LS");
    const time = r.moment("THOI_DIEM_DBLS");
    const performers = splitList(r.text("NGUOI_THUC_HIEN"));
    const vitals = readVitals(text, { path: r.path("DIEN_BIEN_LS"), resultTime: time, performer: performers[0] ?? null }, sink);
    out.observations.push(...vitals.observations);
    out.notes.push({
      path: row.path,
      time,
      text,
      stage: r.text("GIAI_DOAN_BENH"),
      consultation: r.text("HOI_CHAN"),
      surgery: r.text("PHAU_THUAT"),
      performers,
      vitals: vitals.parts,
    });
  }
  return out;
}
