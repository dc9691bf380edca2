/**
 * `Bundle.entry.request` (FHIR R4 §2.36.0 bdl-3: required in a transaction or batch, otherwise
 * absent). hoso takes POST and PUT of a resource, both read as "create unless the check-up key is
 * already stored": conditional create (`ifNoneExist`, R4 §3.1.0.8.1) is surfaced for the caller, and
 * checked against the resource's own identifiers so a re-send is recognisably the same.
 */
import type { Finding } from "../../checkup/finding.ts";
import type { EntryView } from "./bundle-index.ts";
import { entryPath, fhirFinding } from "./findings.ts";
import { identifiersOf, isObject, stringAt, type IdentifierValue, type JsonObject } from "./json.ts";

export type BatchBundleType = "transaction" | "batch";
export type ReadBundleType = BatchBundleType | "document" | "collection";
export const READ_BUNDLE_TYPES: readonly ReadBundleType[] = ["transaction", "batch", "document", "collection"];

export interface EntryRequest {
  method: string;
  url: string | null;
  /** `request.ifNoneExist` as sent, e.g. `identifier=https://hoso.vn/fhir/sid/ma-lk|KSK1`. */
  ifNoneExist: string | null;
}

export interface RequestRead {
  request: EntryRequest | null;
  findings: Finding[];
}

const ACCEPTED_METHODS = new Set(["POST", "PUT"]);

export function readRequest(rawEntry: unknown, view: EntryView, bundleType: ReadBundleType): RequestRead {
  const entry: JsonObject | null = isObject(rawEntry) ? rawEntry : null;
  const raw = entry?.["request"];
  const path = `${entryPath(view.index)}.request`;
  const batch = bundleType === "transaction" || bundleType === "batch";
  if (raw === undefined) return { request: null, findings: batch ? [fhirFinding("FHIR-REQUEST-MISSING", path)] : [] };
  if (!batch) return { request: null, findings: [fhirFinding("FHIR-REQUEST-IGNORED", path)] };
  const obj = isObject(raw) ? raw : null;
  const request: EntryRequest = {
    method: stringAt(obj, "method") ?? "",
    url: stringAt(obj, "url"),
    ifNoneExist: stringAt(obj, "ifNoneExist"),
  };
  const findings: Finding[] = [];
  // A malformed request (method missing or not a string) is reported by the R4 validator.
  if (request.method !== "" && (!ACCEPTED_METHODS.has(request.method) || view.resource === null)) {
    findings.push(fhirFinding("FHIR-METHOD-UNSUPPORTED", `${path}.method`));
  }
  if (request.ifNoneExist !== null && !matchesIdentifier(request.ifNoneExist, identifiersOf(view.resource))) {
    findings.push(fhirFinding("FHIR-IF-NONE-EXIST-MISMATCH", `${path}.ifNoneExist`));
  }
  return { request, findings };
}

/** `identifier=system|value` (or `identifier=value`) names one of the resource's identifiers. */
function matchesIdentifier(query: string, identifiers: readonly IdentifierValue[]): boolean {
  const wanted = new URLSearchParams(query).get("identifier");
  if (wanted === null) return true; // other search parameters: nothing hoso can compare
  const bar = wanted.indexOf("|");
  const system = bar < 0 ? null : wanted.slice(0, bar);
  const value = bar < 0 ? wanted : wanted.slice(bar + 1);
  return identifiers.some((i) => i.value === value && (system === null || system === "" || i.system === system));
}
