/** What the review queue needs besides deps: the registry port and the matcher, built once at start. */
import type { Matcher } from "../matcher.ts";
import type { Registry, RegistryPerson } from "../registry.ts";
import { RegistryUnavailableError } from "../registry-http.ts";
import { refuse } from "./refusals.ts";

export interface IdentityPorts {
  registry: Registry;
  matcher: Matcher;
}

/** Registry look-up for a steward's screen: an unreachable remote registry is a refusal, not a 500. */
export async function lookupOrRefuse(ports: IdentityPorts, ids: readonly string[]): Promise<Map<string, RegistryPerson>> {
  try {
    return await ports.registry.lookup(ids);
  } catch (err) {
    if (err instanceof RegistryUnavailableError) return refuse.registryUnavailable();
    throw err;
  }
}

/** The matcher's index, built on first use when it was not built at start. */
export async function readyMatcher(ports: IdentityPorts): Promise<Matcher | null> {
  if (!ports.matcher.ready() && ports.matcher.indexable) await ports.matcher.refresh();
  return ports.matcher.ready() ? ports.matcher : null;
}
