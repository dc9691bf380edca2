/**
 * `hoso check FILE…`: the hub's own parsers and rules, offline, on KHAMSUCKHOE, GIAMDINHHS, FHIR
 * Bundle files and the mobile teams' CSV/XLSX batch sheets (the format is read from the file
 * itself) — what the hub would answer for each record or sheet row, before anything is sent.
 * A sheet needs the programme details an upload gives in its query (`POST /api/batches?…`): they
 * are options here, with defaults good enough for checking. Exit code 1 when anything would be
 * rejected.
 */
import { open, readFile } from "node:fs/promises";
import { Option, type Command } from "commander";
import { hasErrors, type Finding } from "../checkup/finding.ts";
import { PROGRAMME_KINDS, type BatchContext, type Programme, type ProgrammeKind } from "../formats/batch/types.ts";
import { parseFhirBundle } from "../formats/fhir/parse.ts";
import type { ParseResult, ParsedRecord } from "../formats/types.ts";
import { parseVss } from "../formats/vss/parse.ts";
import { batchItemsOfFile, isXlsx } from "../intake/channels/batch.ts";
import { createChecks } from "../intake/pipeline.ts";

type Pipeline = ReturnType<typeof createChecks>;

type Verdict = "ok" | "warnings" | "rejected";

export interface FileReport {
  file: string;
  format: "ksk" | "vss" | "fhir" | "batch";
  envelopeFindings: Finding[];
  /** `row`: the sheet row (header = row 1 in the template), for batch files only. */
  records: { index: number; row?: number; maLk: string | null; verdict: Verdict; findings: Finding[] }[];
}

export interface CheckOptions {
  now: Date;
  /** For batch sheets: the programme and the team's facility the upload would give. */
  batch: BatchContext;
}

/** Which reader a file needs, from its first bytes: XLSX (zip), XML, FHIR JSON, else CSV text. */
export function formatOf(head: Buffer): FileReport["format"] {
  if (isXlsx(head)) return "batch";
  const text = head.toString("utf8").replace(/^\uFEFF/, "").trimStart();
  if (text.startsWith("{")) return "fhir";
  if (text.startsWith("<")) return /<GIAMDINHHS[\s>]/.test(text) ? "vss" : "ksk";
  return "batch";
}

export async function checkFiles(files: readonly string[], options: CheckOptions): Promise<FileReport[]> {
  const pipeline = createChecks();
  const reports: FileReport[] = [];
  for (const file of files) reports.push(await checkFile(file, pipeline, options));
  return reports;
}

async function checkFile(file: string, pipeline: Pipeline, options: CheckOptions): Promise<FileReport> {
  const format = formatOf(await readHead(file));
  const verdictOf = (r: ParsedRecord) => judge(r, pipeline, options.now);
  if (format === "batch") {
    // Streamed as the hub streams a large upload: a sheet of a million rows is never read whole.
    const report: FileReport = { file, format, envelopeFindings: [], records: [] };
    for await (const item of batchItemsOfFile(file, options.batch)) {
      if (item.kind === "file") report.envelopeFindings.push(item.finding);
      else report.records.push({ ...verdictOf(item), index: item.record.index, row: item.row });
    }
    return report;
  }
  const bytes = await readFile(file);
  const parsed: ParseResult =
    format === "fhir"
      ? parseFhirBundle(JSON.parse(bytes.toString("utf8")) as unknown, pipeline.fhirValidator())
      : format === "vss"
        ? parseVss(bytes)
        : pipeline.parse(bytes);
  return { file, format, envelopeFindings: parsed.findings, records: parsed.records.map((r) => ({ ...verdictOf(r), index: r.record.index })) };
}

/** Parse errors stop a record, as in the hub; otherwise the hub's checks run on it. */
function judge({ record, findings: parseFindings }: ParsedRecord, pipeline: Pipeline, now: Date): { maLk: string | null; verdict: Verdict; findings: Finding[] } {
  const findings = hasErrors(parseFindings) ? parseFindings : [...parseFindings, ...pipeline.check(record, { now, receivedAt: now }).findings];
  const verdict = hasErrors(findings) ? "rejected" : findings.length > 0 ? "warnings" : "ok";
  return { maLk: record.maLk, verdict, findings };
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export function formatReport(r: FileReport, lang: "vi" | "en"): string {
  const line = (f: Finding) => `    [${f.severity}] ${f.code} ${f.path} — ${f.message[lang]}`;
  const unit = r.format === "batch" ? "row(s)" : "record(s)";
  const out = [`${r.file}: ${r.records.length} ${unit}`];
  out.push(...r.envelopeFindings.map(line));
  for (const rec of r.records) {
    const label = rec.row !== undefined ? `row ${rec.row}${rec.maLk ? ` MA_LK=${rec.maLk}` : ""}` : `#${rec.index} MA_LK=${rec.maLk ?? "?"}`;
    out.push(`  ${label}: ${rec.verdict}`);
    out.push(...rec.findings.map(line));
  }
  return out.join("\n");
}

interface CheckFlags {
  json?: boolean;
  lang: string;
  facility: string;
  organisation: string;
  kind: ProgrammeKind;
  round: string;
  team: string;
  place: string;
  date?: string;
  doiTuong?: string;
  nguonChiTra?: string;
  lyDo?: string;
}

/** The upload's query (batch-routes.ts), from the flags; the exam date defaults to today in Vietnam. */
export function batchContext(o: CheckFlags, now: Date): BatchContext {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(now);
  const programme: Programme = {
    organisation: o.organisation,
    kind: o.kind,
    round: o.round,
    team: o.team,
    place: o.place,
    date: o.date ?? today,
    ...(o.doiTuong ? { targetGroups: o.doiTuong.split(";").map((s) => s.trim()).filter(Boolean) } : {}),
    ...(o.nguonChiTra ? { fundingSource: o.nguonChiTra } : {}),
    ...(o.lyDo ? { reason: o.lyDo } : {}),
  };
  return { programme, facilityCode: o.facility };
}

export function checkCommand(program: Command): void {
  program
    .command("check")
    .description("run the hub's checks offline and print the findings (KHAMSUCKHOE, GIAMDINHHS, FHIR Bundle JSON, batch CSV/XLSX)")
    .argument("<files...>", "KHAMSUCKHOE or GIAMDINHHS XML files, FHIR Bundles (.json), or mobile-team sheets (.csv, .xlsx)")
    .option("--json", "print JSON instead of text")
    .option("--lang <lang>", "message language: vi or en", "vi")
    .optionsGroup("Batch sheets (CSV/XLSX) — the programme details an upload gives in its query:")
    .option("--facility <code>", "the team's facility code (MA_CSKCB), owner of every row", "00000")
    .option("--organisation <name>", "organisation screened (school, company, office)", "(kiểm tra ngoại tuyến)")
    .addOption(new Option("--kind <kind>", "kind of programme").choices(PROGRAMME_KINDS).default("other"))
    .option("--round <round>", "campaign round, e.g. 2026-D1", "check")
    .option("--team <team>", "screening team", "check")
    .option("--place <place>", "where the screening took place", "check")
    .option("--date <date>", "exam date for rows without NGAY_KHAM (dd/mm/yyyy or YYYY-MM-DD; default: today)")
    .option("--doi-tuong <codes>", "DOI_TUONG codes for rows without them, separated by ';'")
    .option("--nguon-chi-tra <code>", "NGUON_CHI_TRA for rows without it")
    .option("--ly-do <text>", "LY_DO_KHAM for rows without it")
    .action(async (files: string[], o: CheckFlags) => {
      const now = new Date();
      const reports = await checkFiles(files, { now, batch: batchContext(o, now) });
      const text = o.json
        ? JSON.stringify(reports, null, 2)
        : reports.map((r) => formatReport(r, o.lang === "en" ? "en" : "vi")).join("\n\n");
      process.stdout.write(`${text}\n`);
      const bad = reports.some((r) => hasErrors(r.envelopeFindings) || r.records.some((x) => x.verdict === "rejected"));
      process.exitCode = bad ? 1 : 0;
    });
}
