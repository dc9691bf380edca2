/**
 * What the resource mappers share: the Bundle, the validator's verdict per entry and where the
 * followed references point. Mappers read an entry's resource with its R4 type only when the
 * validator found no error in it (`resourceOf`), so a typed read never meets a wrong shape.
 */
import type { Resource } from "@medplum/fhirtypes";
import type { Finding } from "../../checkup/finding.ts";
import type { BundleIndex } from "./bundle-index.ts";
import type { Targets } from "./group.ts";
import type { CodeIndex } from "./code-index.ts";
import type { ResolvedReference } from "./references.ts";

export interface MapContext {
  index: BundleIndex;
  /** Per entry: the R4 validator found no error in its resource. */
  valid: readonly boolean[];
  refs: readonly ResolvedReference[][];
  targets: readonly Targets[];
  codes: CodeIndex;
}

type TypeName = Resource["resourceType"];
type Of<T extends TypeName> = Extract<Resource, { resourceType: T }>;

/** The resource of entry `i` as an R4 `type`, when it is one and passed validation. */
export function resourceOf<T extends TypeName>(ctx: MapContext, i: number | undefined, type: T): Of<T> | null {
  if (i === undefined || !ctx.valid[i]) return null;
  const e = ctx.index.entries[i];
  if (!e || e.type !== type || e.resource === null) return null;
  // Validated against the R4 StructureDefinition of `type` (validate.ts): the shape holds.
  return e.resource as unknown as Of<T>;
}

/** Where element `element` of entry `i` points, when it is a reference hoso follows. */
export const targetOf = (ctx: MapContext, i: number, element: string): number | undefined => ctx.targets[i]?.get(element);

/** The entry a reference at `element` (exact or first repetition) resolves to. */
export function refTarget(ctx: MapContext, i: number, element: string): number | undefined {
  const ref = ctx.refs[i]?.find((r) => r.element === element || r.element === `${element}[0]`);
  return ref?.target ?? undefined;
}

export type Sink = Finding[];
