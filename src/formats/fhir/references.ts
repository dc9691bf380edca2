/**
 * Every literal reference a resource makes (each `Reference.reference`, FHIR R4 §2.3.0.1), found by
 * walking its JSON, resolved inside the Bundle. A reference that resolves to nothing is an error on
 * the entry that holds it (`FHIR-REF-UNRESOLVED`): hoso keeps no FHIR store a transaction could
 * point into, so what is not in the Bundle cannot be honoured. `#id` references to contained
 * resources stay inside their resource and are skipped.
 */
import type { Finding } from "../../checkup/finding.ts";
import type { BundleIndex, EntryView } from "./bundle-index.ts";
import { fhirFinding, resourcePath } from "./findings.ts";
import { isObject } from "./json.ts";

export interface ResolvedReference {
  /** Element path inside the resource: `subject`, `performer[0]`, `section[1].entry[0]`. */
  element: string;
  reference: string;
  /** Entry index it points to, or null when unresolved. */
  target: number | null;
}

export interface EntryReferences {
  refs: ResolvedReference[];
  findings: Finding[];
}

/** Iterative walk (no recursion: nesting depth is the sender's to choose). */
function collect(resource: Record<string, unknown>): { element: string; reference: string }[] {
  const out: { element: string; reference: string }[] = [];
  const stack: [unknown, string][] = [[resource, ""]];
  while (stack.length > 0) {
    const [node, path] = stack.pop() ?? [null, ""];
    // Children are pushed in reverse so that references come out in document order.
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], `${path}[${i}]`]);
      continue;
    }
    if (!isObject(node)) continue;
    const ref = node["reference"];
    if (typeof ref === "string" && path !== "" && !ref.startsWith("#")) out.push({ element: path, reference: ref });
    for (const [key, value] of Object.entries(node).reverse()) {
      if (typeof value === "object" && value !== null) stack.push([value, path === "" ? key : `${path}.${key}`]);
    }
  }
  return out;
}

export function resolveReferences(index: BundleIndex, entry: EntryView): EntryReferences {
  if (entry.resource === null) return { refs: [], findings: [] };
  const refs = collect(entry.resource).map(({ element, reference }) => ({
    element,
    reference,
    target: index.resolve(reference, entry),
  }));
  const findings = refs
    .filter((r) => r.target === null)
    .map((r) => fhirFinding("FHIR-REF-UNRESOLVED", `${resourcePath(entry.index)}.${r.element}`));
  return { refs, findings };
}

/** The first reference at `element` (exact path, or its first repetition `element[0]`). */
export function refAt(refs: readonly ResolvedReference[], element: string): ResolvedReference | undefined {
  return refs.find((r) => r.element === element || r.element === `${element}[0]`);
}
