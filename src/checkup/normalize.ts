/**
 * Maps every observation of a record onto the catalogue: key, LOINC, category, the value in the
 * canonical UCUM unit, or the qualitative/narrative result in `valueText`
 * (checkup-catalogue.md "How to use it", steps 1–3). Pure, and idempotent: everything is derived
 * from `valueRaw` / `unitRaw`, so normalising twice gives the same record. Indexes are built once
 * per `createNormalizer()`, never per observation: this runs on the intake hot path.
 */
import { catalogue, type CatalogueEntry } from "../reference/data.ts";
import type { CheckupRecord, Observation } from "./model.ts";
import { buildCatalogueIndex, type CatalogueIndex } from "./catalogue-index.ts";
import { matchObservation, mentionsUrine, type MatchContext } from "./match.ts";
import { EMPTY_NOTE, normalizeValue, type ObservationNote } from "./normalize-value.ts";
import { foldedKey, labelKey } from "./text.ts";
import { parseQualitative } from "./values.ts";

export type { ObservationNote } from "./normalize-value.ts";

export interface NormalizedRecord {
  record: CheckupRecord;
  /** `notes[i]` says how `record.observations[i]` was read (for the checks' findings). */
  notes: ObservationNote[];
}

export interface Normalizer {
  readonly index: CatalogueIndex;
  normalizeObservations(record: CheckupRecord): CheckupRecord;
  normalizeDetailed(record: CheckupRecord): NormalizedRecord;
}

export function createNormalizer(entries: readonly CatalogueEntry[] = catalogue()): Normalizer {
  const index = buildCatalogueIndex(entries);

  /**
   * Service codes (`MA_DICH_VU`) that are urinalysis: the code or one of its rows names urine, or
   * two or more rows carry urine-only aliases (`nit`, `sg`, `ubg`…) — one stray `pro` in a
   * chemistry panel is not enough.
   */
  function urineServices(observations: readonly Observation[]): Set<string> {
    const hits = new Map<string, number>();
    const urine = new Set<string>();
    for (const o of observations) {
      const svc = o.serviceCode?.trim();
      if (!svc) continue;
      if (mentionsUrine(svc) || mentionsUrine(o.name) || mentionsUrine(o.localCode)) urine.add(svc);
      else if (index.urineOnly.has(labelKey(o.name)) || index.urineOnly.has(foldedKey(o.name))) {
        const n = (hits.get(svc) ?? 0) + 1;
        hits.set(svc, n);
        if (n >= 2) urine.add(svc);
      }
    }
    return urine;
  }

  function normalizeDetailed(record: CheckupRecord): NormalizedRecord {
    const urine = urineServices(record.observations);
    const notes: ObservationNote[] = [];
    const observations = record.observations.map((o) => {
      const ctx: MatchContext = {
        urine: mentionsUrine(o.name) || (o.serviceCode != null && urine.has(o.serviceCode.trim())),
        qualitative: o.valueRaw != null && parseQualitative(o.valueRaw) !== null,
      };
      const match = matchObservation(index, o, ctx);
      if (!match) {
        notes.push({ entry: null, ...EMPTY_NOTE });
        return o;
      }
      const { observation, note } = normalizeValue(index, o, match);
      notes.push(note);
      return observation;
    });
    return { record: { ...record, observations }, notes };
  }

  return {
    index,
    normalizeDetailed,
    normalizeObservations: (record) => normalizeDetailed(record).record,
  };
}

// Memo of a normalizer built from immutable reference data, for callers without a factory of
// their own; never changed once set.
let memo: Normalizer | undefined;

/** Convenience over a shared normalizer; hot paths hold their own from `createNormalizer()`. */
export function normalizeObservations(record: CheckupRecord): CheckupRecord {
  return (memo ??= createNormalizer()).normalizeObservations(record);
}
