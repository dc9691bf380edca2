/**
 * Request bodies for the per-format throughput bench: the same kind of clean demo adult check-ups
 * (bench/workload.ts) written in each way in: a signed KHAMSUCKHOE push, a GIAMDINHHS file for the
 * Social Security gateway (visit type 15, periodic check-up), a FHIR transaction Bundle, and the
 * mobile teams' CSV sheet (the template's columns; a sheet carries fewer measures than a full
 * check-up: the template has no column for most laboratory rows). Built before any timing.
 */
import { stringify } from "csv-stringify/sync";
import type { DemoCheckup } from "../../src/demo/index.ts";
import { INPUT_COLUMNS } from "../../src/formats/batch/columns.ts";
import { MEASURE_COLUMNS } from "../../src/formats/batch/measure-columns.ts";
import { writeFhirBundle } from "../../src/formats/fhir/write.ts";
import { writeVss } from "../../src/formats/vss/write.ts";
import { createChecks } from "../../src/intake/pipeline.ts";
import { facilityCheckups, signedBody, type BenchFacility, type Workload } from "../workload.ts";

export const FORMATS = ["KHAMSUCKHOE", "GIAMDINHHS", "FHIR", "CSV"] as const;
export type Format = (typeof FORMATS)[number];

export interface Body {
  bytes: Buffer;
  records: number;
}

/** Check-ups of one facility for one format: a stream of its own, so no two formats send the same MA_LK. */
export function formatCheckups(w: Workload, f: BenchFacility, format: Format, count: number): DemoCheckup[] {
  return Array.from(facilityCheckups(w, f, count, `formats:${format}`));
}

/** `perBody` check-ups per request (CSV: rows per sheet; the others: records per request). */
export function bodiesFor(format: Format, f: BenchFacility, checkups: readonly DemoCheckup[], perBody: number, now: Date): Body[] {
  const out: Body[] = [];
  for (let i = 0; i < checkups.length; i += perBody) {
    const group = checkups.slice(i, i + perBody);
    out.push({ bytes: bodyOf(format, f, group, now), records: group.length });
  }
  return out;
}

function bodyOf(format: Format, f: BenchFacility, group: readonly DemoCheckup[], now: Date): Buffer {
  switch (format) {
    case "KHAMSUCKHOE":
      if (group.length !== 1) throw new Error("one check-up per KHAMSUCKHOE push in this bench");
      return signedBody(f, group[0]!);
    case "GIAMDINHHS": {
      const xml = writeVss(group.map((c) => ({ record: { ...c.record, format: "vss" as const, visitType: "15" } })), { facilityId: f.code });
      return Buffer.from(JSON.stringify({ username: f.username, loaiHoSo: "130", maTinh: f.provinceCode, maCSKCB: f.code, fileHSBase64: Buffer.from(xml).toString("base64") }));
    }
    case "FHIR":
      return Buffer.from(JSON.stringify(writeFhirBundle(group.map((c) => c.record), { type: "transaction" })));
    case "CSV":
      return csvSheet(group, now);
  }
}

/** The template's header and one row per check-up, the measures taken from the normalised record. */
function csvSheet(group: readonly DemoCheckup[], now: Date): Buffer {
  const check = createChecks().check;
  const rows = group.map((c, n) => {
    const r = check(c.record, { now, receivedAt: now }).record;
    const p = r.patient;
    const byKey = new Map(r.observations.map((o) => [o.key, o]));
    const cells: Record<string, string | null> = {
      STT: String(n + 1),
      MA_LK: r.maLk,
      HO_TEN: p.fullName,
      NGAY_SINH: dmy(p.birthDate?.iso),
      GIOI_TINH: p.sex,
      SO_CCCD: p.personalId,
      MA_DAN_TOC: p.ethnicity,
      DIA_CHI: p.address,
      MATINH_CU_TRU: p.provinceCode,
      MAXA_CU_TRU: p.communeCode,
      DIEN_THOAI: p.phone,
      NGAY_KHAM: dmy(r.examTime?.iso),
      DOI_TUONG: r.targetGroups.join(";") || null,
      NGUON_CHI_TRA: r.fundingSource,
      LY_DO_KHAM: r.reason,
      PHAN_LOAI_SK: r.conclusion.healthClass,
      KET_LUAN_BENH: r.conditions.map((d) => [d.icd10, d.text].filter(Boolean).join(" - ")).join("; ") || null,
      TU_VAN: r.conclusion.advice,
      BAC_SI_KET_LUAN: r.conclusion.concludingDoctor,
    };
    for (const m of MEASURE_COLUMNS) {
      const o = byKey.get(m.key);
      if (!o?.valueRaw) continue;
      cells[m.column] = m.diastolicKey ? `${o.valueRaw}/${byKey.get(m.diastolicKey)?.valueRaw ?? ""}` : o.valueRaw;
      // Laboratories differ in units (g/dL or g/L): the unit column says which, as a team would.
      if (m.unitColumn) cells[m.unitColumn] = o.unitRaw;
    }
    return INPUT_COLUMNS.map((col) => cells[col.key] ?? "");
  });
  return Buffer.from(stringify([INPUT_COLUMNS.map((c) => c.header), ...rows], { bom: true, record_delimiter: "windows" }));
}

/** `YYYY-MM-DD[THH:MM]` → `dd/mm/yyyy`, as teams type dates. */
function dmy(iso: string | undefined): string | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : null;
}
