/**
 * FHIR R4 Bundles (issue 3): `POST /fhir` takes `transaction` and `batch`, `POST /fhir/Bundle`
 * takes `document` and `collection`. Resources are validated against the R4 definitions, mapped
 * to the canonical record, then go through the same checks and storage. The answer is the FHIR
 * response Bundle with an OperationOutcome per entry (each check-up stands or falls alone).
 */
import { parseFhirBundle, type FhirParseResult } from "../../formats/fhir/parse.ts";
import { entryOutcomes, responseBundle, responseType, type RecordVerdict } from "../../formats/fhir/response.ts";
import { fhirOutcome } from "../../formats/fhir/fhir-outcome.ts";
import { finding } from "../../checkup/finding.ts";
import type { RecordResult } from "../receipt.ts";
import type { Channel, ChannelRead } from "./channel.ts";
import { statusUrl } from "./ksk-push.ts";

type Accept = "transaction" | "batch" | "document" | "collection";

function fhirChannel(name: string, accept: readonly Accept[]): Channel {
  return {
    name,
    read(body, _deps, tools): ChannelRead {
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(body).toString("utf8"));
      } catch {
        return { facilityId: null, records: [], findings: [finding("FHIR-JSON-MALFORMED", "error", "Bundle", "Nội dung không phải JSON hợp lệ.", "Body is not valid JSON.")] };
      }
      const parsed = parseFhirBundle(json, tools.fhirValidator(), { accept: [...accept] });
      return { facilityId: parsed.facilityId, records: parsed.records, findings: parsed.findings, extra: parsed };
    },
    answer(_deps, ctx, outcome) {
      switch (outcome.kind) {
        case "received":
          return { httpStatus: 202, body: { ...fhirOutcome([finding("FHIR-ACCEPTED-ASYNC", "warning", "Bundle", "Đã nhận; đang xử lý.", "Received; processing.")]), status_url: statusUrl(ctx.submissionId) } };
        case "gave-up":
          return { httpStatus: 500, body: fhirOutcome([finding("FHIR-GAVE-UP", "error", "Bundle", "Không xử lý được sau nhiều lần thử.", "Failed after several attempts.")]) };
        case "invalid":
          return { httpStatus: 400, body: fhirOutcome(outcome.findings) };
        case "done": {
          const parsed = outcome.read.extra as FhirParseResult;
          const outcomes = entryOutcomes(parsed, outcome.results.map(verdictOf));
          return { httpStatus: 200, body: responseBundle(responseType(parsed.bundleType ?? "batch"), outcomes, new Date().toISOString()) };
        }
      }
    },
  };
}

function verdictOf(r: RecordResult): RecordVerdict {
  const status = r.outcome === "rejected" ? "rejected" : r.outcome === "unchanged" ? "unchanged" : (r.version ?? 1) > 1 ? "updated" : "created";
  return { status, findings: r.findings, ...(r.ma_lk ? { location: `Encounter?identifier=https://hoso.vn/fhir/sid/ma-lk|${r.ma_lk}` } : {}) };
}

export const fhirTransaction = fhirChannel("fhir-transaction", ["transaction", "batch"]);
export const fhirDocument = fhirChannel("fhir-document", ["document", "collection"]);
