/**
 * `hoso check FILE…`: the hub's own parsers and rules, offline, on KHAMSUCKHOE, GIAMDINHHS or FHIR
 * Bundle files (the format is read from the file itself) — what the
 * hub would answer for each record, before anything is sent. Exit code 1 when anything would be
 * rejected.
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { hasErrors, type Finding } from "../checkup/finding.ts";
import { createChecks } from "../intake/pipeline.ts";
import { parseVss } from "../formats/vss/parse.ts";
import { parseFhirBundle } from "../formats/fhir/parse.ts";
import type { ParseResult } from "../formats/types.ts";

export interface FileReport {
  file: string;
  envelopeFindings: Finding[];
  records: { index: number; maLk: string | null; verdict: "ok" | "warnings" | "rejected"; findings: Finding[] }[];
}

/** Which reader a file needs, from its first bytes: KHAMSUCKHOE or GIAMDINHHS XML, or a FHIR Bundle. */
function readerFor(bytes: Buffer, checks: ReturnType<typeof createChecks>): (b: Buffer) => ParseResult {
  const head = bytes.subarray(0, 4096).toString("utf8").replace(/^\uFEFF/, "").trimStart();
  if (head.startsWith("{")) {
    return (b) => parseFhirBundle(JSON.parse(b.toString("utf8")) as unknown, checks.fhirValidator());
  }
  if (/<GIAMDINHHS[\s>]/.test(head)) return (b) => parseVss(b);
  return (b) => checks.parse(b);
}

export function checkFiles(files: readonly string[], now: Date): FileReport[] {
  const pipeline = createChecks();
  return files.map((file) => {
    const bytes = readFileSync(file);
    const parsed = readerFor(bytes, pipeline)(bytes);
    const records = parsed.records.map(({ record, findings: parseFindings }) => {
      const findings = hasErrors(parseFindings)
        ? parseFindings
        : [...parseFindings, ...pipeline.check(record, { now, receivedAt: now }).findings];
      const verdict = hasErrors(findings) ? "rejected" : findings.length > 0 ? "warnings" : "ok";
      return { index: record.index, maLk: record.maLk, verdict, findings } as const;
    });
    return { file, envelopeFindings: parsed.findings, records };
  });
}

export function formatReport(r: FileReport, lang: "vi" | "en"): string {
  const line = (f: Finding) => `    [${f.severity}] ${f.code} ${f.path} — ${f.message[lang]}`;
  const out = [`${r.file}: ${r.records.length} record(s)`];
  out.push(...r.envelopeFindings.map(line));
  for (const rec of r.records) {
    out.push(`  #${rec.index} MA_LK=${rec.maLk ?? "?"}: ${rec.verdict}`);
    out.push(...rec.findings.map(line));
  }
  return out.join("\n");
}

export function checkCommand(program: Command): void {
  program
    .command("check")
    .description("run the hub's checks offline and print the findings (KHAMSUCKHOE, GIAMDINHHS, FHIR Bundle JSON)")
    .argument("<files...>", "KHAMSUCKHOE or GIAMDINHHS XML files, or FHIR Bundles (.json)")
    .option("--json", "print JSON instead of text")
    .option("--lang <lang>", "message language: vi or en", "vi")
    .action((files: string[], o: { json?: boolean; lang: string }) => {
      const reports = checkFiles(files, new Date());
      const text = o.json
        ? JSON.stringify(reports, null, 2)
        : reports.map((r) => formatReport(r, o.lang === "en" ? "en" : "vi")).join("\n\n");
      process.stdout.write(`${text}\n`);
      const bad = reports.some((r) => hasErrors(r.envelopeFindings) || r.records.some((x) => x.verdict === "rejected"));
      process.exitCode = bad ? 1 : 0;
    });
}
