/**
 * FHIR R4 reader (issue 3): a transaction, batch, document or collection Bundle → one
 * CheckupRecord per check-up, each with the findings of every entry that fed it, and a result per
 * entry so the caller can answer with a response Bundle of one OperationOutcome per entry
 * (response.ts). Every resource is checked against the R4 definitions (validate.ts) before it is
 * read; a bad resource rejects only the check-ups it belongs to. Pure: JSON in, records out.
 */
import { finding, type Finding } from "../../checkup/finding.ts";
import type { ParseResult } from "../types.ts";
import { indexBundle, type BundleIndex, type EntryView } from "./bundle-index.ts";
import { entryPath, fhirFinding } from "./findings.ts";
import { checkFullUrls } from "./full-urls.ts";
import { CLINICAL_TYPES, followTargets, groupEntries } from "./group.ts";
import { identifiersOf, isObject, stringAt, type IdentifierValue, type JsonObject } from "./json.ts";
import { buildCodeIndex } from "./code-index.ts";
import type { MapContext } from "./map-context.ts";
import { buildRecord, sourceOf, type RecordSource } from "./map-record.ts";
import { resolveReferences } from "./references.ts";
import { READ_BUNDLE_TYPES, readRequest, type EntryRequest, type ReadBundleType } from "./request.ts";
import type { FhirValidator } from "./validate.ts";

export interface FhirEntryResult {
  index: number;
  fullUrl: string | null;
  resourceType: string | null;
  /** Indexes into `records` of the check-ups this entry fed. */
  records: number[];
  /** Findings about this entry only (validation, references, placement, reading). */
  findings: Finding[];
  /** `entry.request` of a transaction/batch: method, url, `ifNoneExist` for conditional create. */
  request: EntryRequest | null;
  /** The resource's business identifiers (system, value), for idempotent re-sends. */
  identifiers: IdentifierValue[];
}

export interface FhirParseResult extends ParseResult {
  bundleType: ReadBundleType | null;
  entries: FhirEntryResult[];
  /** Per record: the entries it came from (anchor, encounter, patient, organisation…). */
  sources: RecordSource[];
}

export interface ParseFhirOptions {
  /** Bundle types this endpoint takes: `POST /fhir` transaction/batch, `POST /fhir/Bundle` document/collection. */
  accept?: readonly ReadBundleType[];
}

/** Types hoso reads; other R4 resources are validated, then ignored with a warning. */
const READ_TYPES: ReadonlySet<string> = new Set([...CLINICAL_TYPES, "Encounter", "Patient", "Organization", "Practitioner"]);

export function parseFhirBundle(json: unknown, validator: FhirValidator, options: ParseFhirOptions = {}): FhirParseResult {
  const refuse = (f: Finding, bundleType: ReadBundleType | null = null): FhirParseResult => ({
    facilityId: null,
    declaredCount: null,
    records: [],
    findings: [f],
    bundleType,
    entries: [],
    sources: [],
  });
  if (!isObject(json) || json["resourceType"] !== "Bundle") return refuse(fhirFinding("FHIR-NOT-BUNDLE", "resourceType"));
  const type = (options.accept ?? READ_BUNDLE_TYPES).find((t) => t === stringAt(json, "type"));
  if (type === undefined) return refuse(fhirFinding("FHIR-BUNDLE-TYPE", "Bundle.type"));
  const rawEntries = json["entry"];
  if (!Array.isArray(rawEntries) || rawEntries.length === 0) return refuse(fhirFinding("FHIR-NO-ENTRIES", "Bundle.entry"), type);
  return readBundle(json, rawEntries, type, validator);
}

interface Checked {
  /** Per entry: findings about it alone. */
  own: Finding[][];
  envelope: Finding[];
  /** Per entry: its resource passed the R4 validator. */
  valid: boolean[];
  requests: (EntryRequest | null)[];
}

/** The validator on the Bundle and on each resource, and each entry's request. */
function checkEntries(
  json: JsonObject,
  rawEntries: readonly unknown[],
  index: BundleIndex,
  type: ReadBundleType,
  validator: FhirValidator,
): Checked {
  const own: Finding[][] = index.entries.map(() => []);
  const envelope: Finding[] = [];
  for (const f of [...validator.validateShell(json), ...checkFullUrls(rawEntries)]) (ownerOf(f.path, own) ?? envelope).push(f);
  const valid = index.entries.map(() => false);
  const requests = index.entries.map((e) => {
    const raw = rawEntries[e.index];
    if (!isObject(raw)) {
      own[e.index] = [notAnObject(e.index)]; // the shell's own issues on it say the same, less plainly
      return null;
    }
    const read = readRequest(raw, e, type);
    own[e.index]?.push(...read.findings);
    if ("resource" in raw) {
      const checked = validator.validate(raw["resource"], `${entryPath(e.index)}.resource`);
      valid[e.index] = !checked.some((f) => f.severity === "error");
      own[e.index]?.push(...checked);
    }
    return read.request;
  });
  return { own, envelope, valid, requests };
}

function readBundle(json: JsonObject, rawEntries: readonly unknown[], type: ReadBundleType, validator: FhirValidator): FhirParseResult {
  const index = indexBundle(json);
  const { own, envelope, valid, requests } = checkEntries(json, rawEntries, index, type, validator);
  const resolved = index.entries.map((e) => resolveReferences(index, e));
  const refs = resolved.map((r) => r.refs);
  const followed = followTargets(index, refs);
  const grouping = groupEntries(index, refs, followed.targets, type);
  index.entries.forEach((_, i) => own[i]?.push(...(resolved[i]?.findings ?? []), ...(followed.findings[i] ?? []), ...(grouping.findings[i] ?? [])));
  envelope.push(...grouping.envelope);
  noteIgnored(index, grouping.records, validator, own);

  const ctx: MapContext = { index, valid, refs, targets: followed.targets, codes: buildCodeIndex() };
  const fed: number[][] = grouping.anchors.map(() => []);
  grouping.records.forEach((set, i) => set.forEach((r) => fed[r]?.push(i)));
  const sources = grouping.anchors.map((anchor, r) => sourceOf(ctx, anchor, fed[r] ?? [], type === "document"));
  const built = sources.map((source, r) => {
    const sink: Finding[] = [];
    const record = buildRecord(ctx, r, source, sink);
    for (const f of sink) ownerOf(f.path, own)?.push(f);
    return { record, sink };
  });
  const entryFindings = own.map(dedupe);
  // A check-up carries the findings of every entry that fed it: an error in any rejects it.
  const records = built.map(({ record, sink }, r) => ({
    record,
    findings: dedupe([...(sources[r]?.entries ?? []).flatMap((i) => entryFindings[i] ?? []), ...sink]),
  }));
  return {
    facilityId: null,
    declaredCount: null,
    records,
    findings: envelope,
    bundleType: type,
    sources,
    entries: index.entries.map((e) => entryResult(e, grouping.records[e.index], entryFindings[e.index], requests[e.index] ?? null)),
  };
}

function entryResult(
  e: EntryView,
  records: Set<number> | undefined,
  findings: Finding[] | undefined,
  request: EntryRequest | null,
): FhirEntryResult {
  return {
    index: e.index,
    fullUrl: e.fullUrl,
    resourceType: e.type,
    records: [...(records ?? [])].sort((a, b) => a - b),
    findings: findings ?? [],
    request,
    identifiers: identifiersOf(e.resource),
  };
}

/** Valid R4 resources hoso does not read, and supporting resources no check-up refers to. */
function noteIgnored(index: BundleIndex, records: readonly Set<number>[], validator: FhirValidator, own: Finding[][]): void {
  for (const e of index.entries) {
    if (e.type === null || !validator.isResourceType(e.type)) continue;
    const path = `${entryPath(e.index)}.resource`;
    if (!READ_TYPES.has(e.type)) own[e.index]?.push(fhirFinding("FHIR-TYPE-IGNORED", path));
    else if (records[e.index]?.size === 0 && !CLINICAL_TYPES.has(e.type)) own[e.index]?.push(fhirFinding("FHIR-UNUSED", path));
  }
}

/** The entry list a finding belongs to, by its `Bundle.entry[N]` path; null for the Bundle itself. */
function ownerOf(path: string, own: Finding[][]): Finding[] | null {
  const m = /^Bundle\.entry\[(\d+)\]/.exec(path);
  return m ? (own[Number(m[1])] ?? null) : null;
}

const notAnObject = (i: number): Finding =>
  finding(
    "FHIR-INVALID",
    "error",
    entryPath(i),
    "Không đúng FHIR R4: entry không phải đối tượng JSON",
    "Not valid FHIR R4: the entry is not a JSON object",
  );

function dedupe(list: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return list.filter((f) => {
    const key = `${f.code} ${f.path} ${f.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
