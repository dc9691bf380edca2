/**
 * Explaining an impossible value by another unit (checkup-catalogue.md "How to use it", steps 2
 * and 4): glucose 95 "mmol/L" is mg/dL, height 1.7 "cm" is metres, weight 65000 "kg" is grams,
 * temperature 98.6 "°C" is °F. Each entry's `plausibleRange.note` says which magnitudes betray
 * which unit ("values 20-900 are probably mg/dL", "a value <3 is probably metres", "larger values
 * are probably cm"); those hints are read first. Otherwise the entry's other accepted units are
 * tried in catalogue order (most common first) and the first that lands inside the plausible
 * range explains the value.
 */
import type { CatalogueIndex, IndexedEntry } from "../catalogue-index.ts";
import { findUnit, type UnitOption } from "../units.ts";

export interface MixupHint {
  min: number;
  max: number;
  option: UnitOption;
}
export type MixupHints = ReadonlyMap<string, readonly MixupHint[]>;

const WORDS: Readonly<Record<string, string>> = { metres: "m", meters: "m" };
const RANGE = /values? ([\d.]+)\s*-\s*([\d.]+) (?:are|is) probably ([^\s;,]+)/g;
const BELOW = /a value <\s*([\d.]+) is probably ([^\s;,]+)/g;
const ABOVE = /larger values are probably ([^\s;,]+)/g;

/** Hints read from one note; `max` is the plausible maximum for "larger values". */
export function parseHints(ie: IndexedEntry): MixupHint[] {
  const range = ie.entry.plausibleRange;
  const note = range?.note;
  if (!range || !note) return [];
  const hints: MixupHint[] = [];
  const push = (min: number, max: number, word: string) => {
    const option = findUnit(ie.units, WORDS[word] ?? word);
    if (option?.convert) hints.push({ min, max, option });
  };
  for (const m of note.matchAll(RANGE)) push(Number(m[1]), Number(m[2]), m[3]!);
  for (const m of note.matchAll(BELOW)) push(-Infinity, Number(m[1]), m[2]!);
  for (const m of note.matchAll(ABOVE)) push(range.max, Infinity, m[1]!);
  return hints;
}

export function buildMixupHints(index: CatalogueIndex): MixupHints {
  const hints = new Map<string, MixupHint[]>();
  for (const [key, ie] of index.byKey) {
    const list = parseHints(ie);
    if (list.length > 0) hints.set(key, list);
  }
  return hints;
}

const inside = (v: number, r: { min: number; max: number }): boolean => v >= r.min && v <= r.max;

/** The unit the typed number was probably in, when `used` makes it implausible; null if none fits. */
export function explainMixup(ie: IndexedEntry, hints: readonly MixupHint[], raw: number, used: UnitOption | null): UnitOption | null {
  const range = ie.entry.plausibleRange;
  if (!range) return null;
  const usedValue = used?.convert?.(raw);
  const fits = (o: UnitOption): boolean => {
    const v = o.convert?.(raw);
    return v !== undefined && Number.isFinite(v) && v !== usedValue && inside(v, range);
  };
  for (const h of hints) if (inside(raw, h) && fits(h.option)) return h.option;
  return ie.units.options.find(fits) ?? null;
}
