/**
 * `hoso registry import FILE`: loads population-registry rows from CSV (header row) or NDJSON into
 * the embedded registry. Each bad row is reported by its line number and skipped; the good rows
 * are imported in batches. Messages name the field, never its value (personal data).
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parse } from "csv-parse";
import { z } from "zod";
import type { Db } from "../db/port.ts";
import { upsertRegistryPersons, type RegistryImportRow } from "./registry-repo.ts";
import { adminUnits } from "../reference/data.ts";

const optional = z.string().trim().optional().transform((v) => (v ? v : null));

export const registryRowSchema = z.object({
  personal_id: z.string().trim().regex(/^\d{12}$/, "12 digits"),
  full_name: z.string().trim().min(1).max(255).transform((v) => v.normalize("NFC")),
  birth_date: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD").refine((v) => !Number.isNaN(Date.parse(v)), "a real date"),
  sex: z.enum(["1", "2", "3"]),
  province_code: optional,
  commune_code: optional,
  address: optional,
  ethnicity: optional,
  phone: optional,
  guardian_personal_id: optional.refine((v) => v === null || /^\d{12}$/.test(v), "12 digits"),
});

export interface RowProblem {
  line: number;
  field: string;
  message: string;
}

export interface ImportReport {
  imported: number;
  rejected: number;
  problems: RowProblem[];
}

const BATCH = 1000;

/** Validates one row; unknown province codes are refused (the 2025 list). */
export function readRegistryRow(row: Record<string, unknown>, provinces: ReadonlySet<string>): { row: RegistryImportRow } | { problems: Omit<RowProblem, "line">[] } {
  const parsed = registryRowSchema.safeParse(row);
  if (!parsed.success) return { problems: parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })) };
  const r = parsed.data;
  if (r.province_code && !provinces.has(r.province_code)) return { problems: [{ field: "province_code", message: "not a province code of the 2025 list" }] };
  return {
    row: {
      personalId: r.personal_id,
      fullName: r.full_name,
      birthDate: r.birth_date,
      sex: r.sex,
      provinceCode: r.province_code,
      communeCode: r.commune_code,
      address: r.address,
      ethnicity: r.ethnicity,
      phone: r.phone,
      guardianPersonalId: r.guardian_personal_id,
    },
  };
}

async function* rowsOf(file: string): AsyncGenerator<{ line: number; row: Record<string, unknown> | null }> {
  if (/\.(nd)?jsonl?$/i.test(file)) {
    let line = 0;
    for await (const text of createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity })) {
      line++;
      if (!text.trim()) continue;
      try {
        const v = JSON.parse(text) as unknown;
        yield { line, row: typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null };
      } catch {
        yield { line, row: null };
      }
    }
    return;
  }
  const parser = createReadStream(file).pipe(parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true }));
  for await (const rec of parser as AsyncIterable<{ record: Record<string, unknown>; info: { lines: number } }>) {
    yield { line: rec.info.lines, row: rec.record };
  }
}

export async function importRegistryFile(db: Db, file: string): Promise<ImportReport> {
  const provinces = new Set(adminUnits().provinces.map((p) => p.code));
  const report: ImportReport = { imported: 0, rejected: 0, problems: [] };
  let batch: RegistryImportRow[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await db.transaction((tx) => upsertRegistryPersons(tx, rows));
    report.imported += rows.length;
  };
  for await (const { line, row } of rowsOf(file)) {
    const read = row ? readRegistryRow(row, provinces) : { problems: [{ field: "", message: "not a JSON object" }] };
    if ("problems" in read) {
      report.rejected++;
      report.problems.push(...read.problems.map((p) => ({ line, ...p })));
      continue;
    }
    batch.push(read.row);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return report;
}
