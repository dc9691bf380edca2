/**
 * A check-up record as stored (its JSON text) and its content hash, from one `JSON.stringify`.
 *
 * The hash covers what the record says, not where it sat: every `path` (`HOSO[2]/…`,
 * `Bundle.entry[7]…`) and `index` member is left out, so a re-send in another order is unchanged
 * (invariant 2). It was computed with a `JSON.stringify` replacer, which calls back into
 * JavaScript for every key of a ~25 KB record; the same text is now cut out of the stored JSON:
 * in JSON text an unescaped `"` only opens or closes a string, so `{"path":` or `,"path":` can
 * only be a member, never part of a value. The hashes are byte for byte those of the replacer
 * (record-text.test.ts), so check-ups stored before stay "unchanged" when re-sent. Anything the
 * cut cannot take (a position member whose value is an object or array) falls back to the replacer.
 */
import { createHash } from "node:crypto";

export interface RecordText {
  json: string;
  sha256: string;
}

const VALUE = String.raw`(?:"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|null|true|false)`;
/** A position member after another member: `,"path":"…"`. */
const LATER = new RegExp(String.raw`,"(?:path|index)":${VALUE}(?=[,}])`, "g");
/** A position member first in its object: `{"path":"…",` (or alone: `{"path":"…"}`). */
const FIRST = new RegExp(String.raw`\{"(?:path|index)":${VALUE}(?:,|(?=\}))`, "g");
const LEFT = /[{,]"(?:path|index)":/;

export function recordText(record: unknown): RecordText {
  const json = JSON.stringify(record);
  const hashed = cutPositions(json) ?? positionFreeByReplacer(record);
  return { json, sha256: createHash("sha256").update(hashed).digest("hex") };
}

/** The JSON text without its position members; null when one is left that the cut cannot take. */
export function cutPositions(json: string): string | null {
  const cut = json.replace(LATER, "").replace(FIRST, "{");
  return LEFT.test(cut) ? null : cut;
}

/** The reference definition of the hashed text (and the fallback). */
export function positionFreeByReplacer(record: unknown): string {
  return JSON.stringify(record, (key, value: unknown) => (key === "path" || key === "index" ? undefined : value));
}
