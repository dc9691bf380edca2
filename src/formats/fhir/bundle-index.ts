/**
 * The entries of a Bundle and how references between them resolve, after FHIR R4 §2.36.4.1
 * "Resolving references in Bundles": an absolute reference (`urn:uuid:…`, `http…/Patient/1`)
 * matches an entry's `fullUrl`; a relative one (`Patient/1`) is read against the base of the
 * referring entry's RESTful fullUrl, else matches an entry by type and id; a conditional reference
 * in a transaction (`Patient?identifier=system|value`, §3.1.0.11.2) matches by identifier.
 */
import { arrayAt, identifiersOf, isObject, stringAt, type JsonObject } from "./json.ts";

export interface EntryView {
  index: number;
  fullUrl: string | null;
  /** The entry's resource when it is a JSON object. */
  resource: JsonObject | null;
  /** `resource.resourceType` when it is a string. */
  type: string | null;
  id: string | null;
}

export interface BundleIndex {
  entries: readonly EntryView[];
  /** Entry index the reference resolves to; null when it resolves to nothing in the Bundle. */
  resolve(reference: string, from: EntryView): number | null;
}

const RESTFUL = /^(.*\/)?([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

export function indexBundle(bundle: JsonObject): BundleIndex {
  const entries = arrayAt(bundle, "entry").map((raw, index): EntryView => {
    const entry = isObject(raw) ? raw : null;
    const resource = entry && isObject(entry["resource"]) ? entry["resource"] : null;
    return {
      index,
      fullUrl: stringAt(entry, "fullUrl"),
      resource,
      type: stringAt(resource, "resourceType"),
      id: stringAt(resource, "id"),
    };
  });
  const byFullUrl = new Map<string, number>();
  const byTypeId = new Map<string, number>();
  for (const e of entries) {
    if (e.fullUrl !== null && !byFullUrl.has(e.fullUrl)) byFullUrl.set(e.fullUrl, e.index);
    const key = e.type !== null && e.id !== null ? `${e.type}/${e.id}` : null;
    if (key !== null && !byTypeId.has(key)) byTypeId.set(key, e.index);
  }

  function byIdentifier(type: string, query: string): number | null {
    const params = new URLSearchParams(query);
    const wanted = params.get("identifier");
    if (wanted === null || [...params.keys()].length !== 1) return null;
    const bar = wanted.indexOf("|");
    const system = bar < 0 ? null : wanted.slice(0, bar);
    const value = bar < 0 ? wanted : wanted.slice(bar + 1);
    const hits = entries.filter(
      (e) => e.type === type && identifiersOf(e.resource).some((i) => i.value === value && (system === null || i.system === system)),
    );
    return hits.length === 1 ? (hits[0]?.index ?? null) : null;
  }

  function resolve(reference: string, from: EntryView): number | null {
    const direct = byFullUrl.get(reference);
    if (direct !== undefined) return direct;
    const q = reference.indexOf("?");
    if (q > 0) return byIdentifier(reference.slice(0, q), reference.slice(q + 1));
    const m = RESTFUL.exec(reference);
    if (!m) return null;
    const [, base, type = "", id = ""] = m;
    if (base !== undefined) return byFullUrl.get(`${base}${type}/${id}`) ?? null; // absolute, versioned or not
    const fromBase = from.fullUrl === null ? null : RESTFUL.exec(from.fullUrl)?.[1];
    const absolute = fromBase ? byFullUrl.get(`${fromBase}${type}/${id}`) : undefined;
    return absolute ?? byTypeId.get(`${type}/${id}`) ?? null;
  }

  return { entries, resolve };
}
