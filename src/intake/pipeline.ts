/**
 * The intake pipeline: the pure parser, a checker whose catalogue and code-list indexes are built
 * once, the read threads that run both off the event loop (read-pool.ts), and the population
 * registry (the embedded table, or a remote registry when HOSO_REGISTRY_URL is set) — built here,
 * at start, never per record.
 */
import { parseKsk } from "../formats/ksk/parse.ts";
import { createChecker } from "../checkup/check.ts";
import type { Deps } from "../deps.ts";
import { embeddedRegistry } from "../identity/registry.ts";
import { httpRegistry } from "../identity/registry-http.ts";
import { createMatcher, withMatcherIndex } from "../identity/matcher.ts";
import type { Pipeline } from "./process.ts";
import { createReader } from "./read-pool.ts";
import { createFhirValidator, type FhirValidator } from "../formats/fhir/validate.ts";

/** Parse and check only: what `hoso check` runs offline. */
export function createChecks(): Omit<Pipeline, "registry" | "matcher" | "reader"> {
  const check = createChecker();
  // The R4 definitions take about a second to index: only when a FHIR Bundle first arrives.
  let validator: FhirValidator | undefined;
  return { parse: (xml) => parseKsk(xml), check, fhirValidator: () => (validator ??= createFhirValidator()) };
}

export function createPipeline(deps: Pick<Deps, "config" | "db" | "log">): Pipeline {
  const url = deps.config.HOSO_REGISTRY_URL;
  const registry = url ? httpRegistry({ baseUrl: url, timeoutMs: deps.config.HOSO_REGISTRY_TIMEOUT_MS }) : embeddedRegistry(deps.db);
  const matcher = createMatcher(deps);
  const checks = createChecks();
  return { ...checks, registry: withMatcherIndex(registry, matcher), matcher, reader: createReader(deps.config, checks) };
}
