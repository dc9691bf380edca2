/**
 * Reading untrusted JSON without casts: the few accessors the bundle index, the reference walk and
 * the request reader need before (or without) the R4 validator's verdict.
 */

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export const objectAt = (o: JsonObject, key: string): JsonObject | null => {
  const v = o[key];
  return isObject(v) ? v : null;
};

export const stringAt = (o: JsonObject | null, key: string): string | null => {
  const v = o?.[key];
  return typeof v === "string" ? v : null;
};

export const arrayAt = (o: JsonObject | null, key: string): unknown[] => {
  const v = o?.[key];
  return Array.isArray(v) ? v : [];
};

export interface IdentifierValue {
  system: string | null;
  value: string;
}

/** `identifier` as a list of (system, value), whether the element is 0..1 or 0..*. */
export function identifiersOf(resource: JsonObject | null): IdentifierValue[] {
  const raw = resource?.["identifier"];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.flatMap((i) => {
    if (!isObject(i)) return [];
    const value = stringAt(i, "value");
    return value === null ? [] : [{ system: stringAt(i, "system"), value }];
  });
}
