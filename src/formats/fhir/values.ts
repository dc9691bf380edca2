/**
 * Small readers over validated R4 datatypes (CodeableConcept, Extension, HumanName, Quantity…)
 * shared by the resource mappers. Values are returned as sent, trimmed; blanks are null.
 */
import type { CodeableConcept, Coding, Extension, HumanName, Quantity, Reference } from "@medplum/fhirtypes";

export const text = (s: string | undefined | null): string | null => {
  const t = s?.trim();
  return t ? t : null;
};

export const codingIn = (cc: CodeableConcept | undefined, system: string): Coding | undefined =>
  cc?.coding?.find((c) => c.system === system && text(c.code) !== null);

export const codeIn = (cc: CodeableConcept | undefined, system: string): string | null => text(codingIn(cc, system)?.code);

export const codesIn = (ccs: readonly CodeableConcept[] | undefined, system: string): string[] =>
  (ccs ?? []).flatMap((cc) => cc.coding ?? []).flatMap((c) => (c.system === system && text(c.code) ? [text(c.code) ?? ""] : []));

/** `text`, else the first coding's display, else its code. */
export const conceptText = (cc: CodeableConcept | undefined): string | null =>
  text(cc?.text) ?? text(cc?.coding?.find((c) => text(c.display))?.display) ?? text(cc?.coding?.[0]?.code);

/** An extension's value as text: code, Coding.code, CodeableConcept code, string. */
function extensionValue(e: Extension): string | null {
  return (
    text(e.valueCode) ??
    text(e.valueCoding?.code) ??
    text(e.valueCodeableConcept?.coding?.[0]?.code) ??
    text(e.valueString) ??
    text(e.valueCodeableConcept?.text)
  );
}

export const extensionValues = (list: readonly Extension[] | undefined, url: string): string[] =>
  (list ?? []).filter((e) => e.url === url).flatMap((e) => extensionValue(e) ?? []);

export const extensionText = (list: readonly Extension[] | undefined, url: string): string | null =>
  extensionValues(list, url)[0] ?? null;

/** `text`, else family then given names: Vietnamese order (Trần Thị Minh Thư). */
export function nameText(names: readonly HumanName[] | undefined): string | null {
  const name = names?.find((n) => n.use === "official") ?? names?.[0];
  if (!name) return null;
  return text(name.text) ?? text([name.family, ...(name.given ?? [])].filter((p) => p !== undefined).join(" "));
}

/** A Quantity as typed: comparator and value, e.g. `<5`, `52.5`. */
export const quantityText = (q: Quantity): string | null =>
  q.value === undefined ? null : `${q.comparator ?? ""}${String(q.value)}`;

export const referenceDisplay = (r: Reference | undefined): string | null => text(r?.display);
