/**
 * Household rules that override the score: people sharing a home share most of what the score
 * looks at (family name, address, phone, guardian, even the birth date for twins), so independence
 * — the assumption behind adding weights — fails exactly there.
 *
 * - `guardian-is-candidate`: the record names this person as the patient's guardian, so the
 *   patient is someone else (a child's record carrying the parent's ID).
 * - `parent-child`: same household, birth years two or more apart → not a match (issue 4), unless
 *   given name and day-month agree, which points to a mistyped year rather than another person.
 * - `twin-pair`: same household and birth date but another given name → never linked automatically.
 *   A given name one typo away still links when the record's ID names this very person.
 * - `has-twin`: the person has a registered twin → linked automatically only when the record's ID
 *   names this person and its given name tells the twins apart (twins Anh and Ánh differ by one
 *   tone; a record typed without tones, or carrying the sibling's ID, must not pick one).
 */
import { findTwins } from "./blocking.ts";
import type { FieldLevels, RecordContext } from "./compare.ts";
import { birthFromNumber } from "./fields.ts";

export type ExclusionRule = "guardian-is-candidate" | "parent-child";
export type HoldRule = "twin-pair" | "has-twin";

function sameHousehold(ctx: RecordContext, row: number): boolean {
  const t = ctx.index.table;
  const address = t.address[row] as number;
  const guardian = t.guardian[row] as number;
  return (
    (ctx.x.addressHash !== 0 && ctx.x.addressHash === address) ||
    (guardian !== 0 && (ctx.guardianHash === guardian || ctx.sentHash === guardian))
  );
}

const NAME_AGREES = new Set(["exact", "exact-untoned"]);

export function exclusionRule(ctx: RecordContext, row: number, levels: FieldLevels): ExclusionRule | null {
  const t = ctx.index.table;
  if (ctx.x.guardianId !== null && ctx.x.guardianId === t.personalIds[row]) return "guardian-is-candidate";
  const sent = ctx.x.birth;
  const held = birthFromNumber(t.birth[row] as number);
  if (!sent || held.year === 0 || Math.abs(sent.year - held.year) < 2 || !sameHousehold(ctx, row)) return null;
  const yearTypo = NAME_AGREES.has(levels.given) && sent.month === held.month && sent.day === held.day;
  return yearTypo ? null : "parent-child";
}

/** The record's given name is this person's and no twin's: exact with tones, or folded and unique. */
function givenSetsApart(ctx: RecordContext, levels: FieldLevels, twins: readonly number[]): boolean {
  const t = ctx.index.table;
  const folded = ctx.x.folded?.given;
  if (levels.given === "exact") return true;
  return levels.given === "exact-untoned" && twins.every((twin) => t.names.given.values[t.given[twin] as number]?.folded !== folded);
}

export function holdRules(ctx: RecordContext, row: number, levels: FieldLevels): HoldRule[] {
  const rules: HoldRule[] = [];
  const idNamesThisPerson = levels.personalId === "exact" || levels.personalId === "former-id";
  const otherGiven = levels.given === "disagree" || (!NAME_AGREES.has(levels.given) && !idNamesThisPerson);
  if (levels.birthDate === "exact" && otherGiven && sameHousehold(ctx, row)) rules.push("twin-pair");
  const twins = findTwins(ctx.index, row);
  if (twins.length > 0 && !(idNamesThisPerson && givenSetsApart(ctx, levels, twins))) rules.push("has-twin");
  return rules;
}
