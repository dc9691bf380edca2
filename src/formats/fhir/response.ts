/**
 * The answer to a FHIR submission: a `transaction-response` or `batch-response` Bundle with one
 * entry per request entry, in the same order (FHIR R4 §3.1.0.11.3 "Batch/Transaction Response"),
 * each with `response.status` and an OperationOutcome in `response.outcome`.
 *
 * hoso's unit of atomicity is the check-up, not the Bundle: a transaction whose check-ups partly
 * fail is answered entry by entry instead of failing whole (R4 §3.1.0.11.2 asks all-or-nothing),
 * because issue 3 wants no good check-up lost. An entry is `201 Created` when a check-up it feeds
 * was stored new, `200 OK` when it was a correction or an unchanged re-send (a conditional create
 * that matched, R4 §3.1.0.8.1), `400 Bad Request` when it or every check-up it feeds was rejected.
 */
import type { Finding } from "../../checkup/finding.ts";
import { fhirFinding, entryPath } from "./findings.ts";
import { fhirOutcome, type FhirOperationOutcome } from "./fhir-outcome.ts";
import type { FhirParseResult } from "./parse.ts";
import type { ReadBundleType } from "./request.ts";
import { locate } from "./response-paths.ts";

export interface RecordVerdict {
  /** created: stored new; updated: a correction; unchanged: the same content re-sent; rejected. */
  status: "created" | "updated" | "unchanged" | "rejected";
  /** Every finding on the record: the parser's and the checks'. */
  findings: readonly Finding[];
  /** Where the stored check-up can be read (`Encounter/…`), if the route exposes one. */
  location?: string;
}

export type EntryStatus = "201 Created" | "200 OK" | "400 Bad Request";

export interface EntryOutcome {
  status: EntryStatus;
  /** Findings about this entry, with FHIRPath paths. */
  findings: Finding[];
  location?: string;
}

export interface ResponseBundle {
  resourceType: "Bundle";
  type: "transaction-response" | "batch-response";
  timestamp?: string;
  entry: { response: { status: EntryStatus; location?: string; outcome: FhirOperationOutcome } }[];
}

const STATUS: Readonly<Record<RecordVerdict["status"], EntryStatus>> = {
  created: "201 Created",
  updated: "200 OK",
  unchanged: "200 OK",
  rejected: "400 Bad Request",
};

/** One outcome per entry of the parsed Bundle, given the fate of each record (`verdicts[r]` ↔ `records[r]`). */
export function entryOutcomes(parsed: FhirParseResult, verdicts: readonly RecordVerdict[]): EntryOutcome[] {
  const located = parsed.sources.map((source, r) =>
    (verdicts[r]?.findings ?? []).map((f) => {
      const at = locate(f.path, source);
      return { entry: at.entry, finding: { ...f, path: at.expression } };
    }),
  );
  return parsed.entries.map((e) => {
    const fromRecords = e.records.flatMap((r) => (located[r] ?? []).filter((l) => l.entry === e.index).map((l) => l.finding));
    const findings = dedupe([...e.findings, ...fromRecords]);
    const fates = e.records.map((r) => verdicts[r]?.status ?? "rejected");
    const kept = fates.filter((s) => s !== "rejected");
    if (findings.some((f) => f.severity === "error") || (fates.length > 0 && kept.length === 0)) {
      const why = findings.some((f) => f.severity === "error") ? [] : [fhirFinding("FHIR-RECORD-REJECTED", entryPath(e.index))];
      return { status: "400 Bad Request", findings: [...findings, ...why] };
    }
    const status = kept.includes("created") ? STATUS.created : "200 OK";
    const anchorOf = e.records.find((r) => parsed.sources[r]?.anchor === e.index && verdicts[r]?.status !== "rejected");
    const location = anchorOf === undefined ? undefined : verdicts[anchorOf]?.location;
    return { status, findings, ...(location ? { location } : {}) };
  });
}

export function responseType(requestType: ReadBundleType): ResponseBundle["type"] {
  return requestType === "transaction" ? "transaction-response" : "batch-response";
}

export function responseBundle(type: ResponseBundle["type"], outcomes: readonly EntryOutcome[], timestamp?: string): ResponseBundle {
  return {
    resourceType: "Bundle",
    type,
    ...(timestamp ? { timestamp } : {}),
    entry: outcomes.map((o) => ({
      response: { status: o.status, ...(o.location ? { location: o.location } : {}), outcome: fhirOutcome(o.findings) },
    })),
  };
}

function dedupe(list: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return list.filter((f) => {
    const key = `${f.code} ${f.path} ${f.message.en}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
}
