/**
 * Canonical values → R4 datatypes for the writer: dates (Moment is Vietnam local time, UTC+7),
 * Quantity from a value as typed, hoso's coded extensions, and the entry list the writer fills.
 */
import type { BundleEntry, Extension, Quantity, Reference, Resource } from "@medplum/fhirtypes";
import type { Moment } from "../../checkup/model.ts";
import { formatMomentIso } from "../moment.ts";

/** FHIR `date` (R4 §2.24.0.1): `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const fhirDate = (m: Moment | null): string | undefined => (m === null ? undefined : formatMomentIso(m).slice(0, 10));

/** FHIR `dateTime`: a time needs its offset, here always +07:00. */
export const fhirDateTime = (m: Moment | null): string | undefined =>
  m === null ? undefined : m.precision === "minute" ? `${m.iso}:00+07:00` : formatMomentIso(m);

const NUMBER = /^(<=|>=|<|>)?(-?(?:0|[1-9]\d*)(?:\.\d+)?)$/;

/** A value typed as a plain decimal (`52.5`, `<5`) as a Quantity; anything else stays text. */
export function quantityOf(valueRaw: string | null, unitRaw: string | null, ucum: string | null): Quantity | null {
  const m = valueRaw === null ? null : NUMBER.exec(valueRaw.trim());
  if (!m?.[2]) return null;
  const comparator = m[1] as Quantity["comparator"];
  const unit = unitRaw?.trim() || undefined;
  return {
    value: Number(m[2]),
    ...(comparator ? { comparator } : {}),
    ...(unit ? { unit } : {}),
    ...(unit !== undefined && unit === ucum ? { system: "http://unitsofmeasure.org", code: unit } : {}),
  };
}

export const codingExtension = (url: string, system: string, code: string | null): Extension[] =>
  code === null || code.trim() === "" ? [] : [{ url, valueCoding: { system, code: code.trim() } }];

export const stringExtension = (url: string, value: string | null): Extension[] =>
  value === null || value.trim() === "" ? [] : [{ url, valueString: value.trim() }];

export const codeExtension = (url: string, value: string | null): Extension[] =>
  value === null || value.trim() === "" ? [] : [{ url, valueCode: value.trim() }];

/** Drops empty arrays and undefined members so the resource has no empty elements (R4 ele-1). */
export function compact<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as T;
}

export interface Entries {
  list: BundleEntry[];
  uuid: () => string;
  /** transaction/batch: each entry gets a POST request. */
  requests: boolean;
}

/** Adds a resource; returns its fullUrl as a Reference. `ifNoneExist` makes a re-send a no-op. */
export function addEntry<T extends Resource>(out: Entries, resource: T, ifNoneExist?: string): Reference<T> {
  const fullUrl = `urn:uuid:${out.uuid()}`;
  out.list.push({
    fullUrl,
    resource,
    ...(out.requests ? { request: { method: "POST", url: resource.resourceType, ...(ifNoneExist ? { ifNoneExist } : {}) } } : {}),
  });
  return { reference: fullUrl };
}
