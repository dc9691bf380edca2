/**
 * Field-by-field comparison of a record with one registry person: the agreement level of each
 * field, before any weight. Names are compared with tones (normalizeName) and, failing that,
 * folded; birth dates at the precision the record has (`0000` parts, standards.md §4.1) and with
 * the usual slips (day/month swapped, one year digit); a province only when the commune does not
 * already agree, so one move is not counted twice.
 */
import type { BlockingIndex } from "./blocking.ts";
import { birthFromNumber, type BirthParts } from "./fields.ts";
import { hash32 } from "./hash.ts";
import { idRelation } from "./id-neighbours.ts";
import type { NamePart, NameValue } from "./person-table.ts";
import type { PreparedInput } from "./prepare.ts";
import { fixedWeights, nameWeight, type Contribution, type FixedWeights } from "./score.ts";
import type { BirthLevel, IdLevel, MatchSettings, NameLevel, ProvinceLevel, SimpleLevel } from "./settings.ts";
import { syllableSimilarity } from "./similarity.ts";

export interface FieldLevels {
  personalId: IdLevel;
  insurance: SimpleLevel;
  family: NameLevel;
  middle: NameLevel;
  given: NameLevel;
  /** The name terms with their weights, shared by every candidate holding the same value. */
  names: Record<NamePart, Contribution>;
  birthDate: BirthLevel;
  sex: SimpleLevel;
  commune: SimpleLevel;
  province: ProvinceLevel;
  phone: SimpleLevel;
  guardian: SimpleLevel;
}

/** One record against many persons: what is derived from the record once, and a name-level memo. */
export interface RecordContext {
  x: PreparedInput;
  index: BlockingIndex;
  settings: MatchSettings;
  weights: FixedWeights;
  sentHash: number;
  guardianHash: number;
  communeId: number;
  provinceId: number;
  /** Per name part: registry value id → term. Persons share few names, so this is mostly hits. */
  nameTerms: Record<NamePart, Map<number, Contribution>>;
}

export function recordContext(x: PreparedInput, index: BlockingIndex, settings: MatchSettings): RecordContext {
  const placeId = (code: string | null): number => (code === null ? 0 : (index.table.placeIds.get(code) ?? -1));
  return {
    x,
    index,
    settings,
    weights: fixedWeights(settings),
    sentHash: x.id.kind === "personal-id" ? hash32(x.id.sent) : 0,
    guardianHash: x.guardianId ? hash32(x.guardianId) : 0,
    communeId: placeId(x.communeCode),
    provinceId: placeId(x.provinceCode),
    nameTerms: { family: new Map(), middle: new Map(), given: new Map() },
  };
}

function idLevel(ctx: RecordContext, row: number): IdLevel {
  const { id } = ctx.x;
  const held = ctx.index.table.personalIds[row] as string;
  if (id.kind === "none") return "missing";
  if (id.resolved === held) return "former-id";
  if (id.kind === "old-id-card") return "missing";
  const relation = idRelation(id.sent, held);
  if (relation === "exact") return "exact";
  if (ctx.index.table.guardian[row] === ctx.sentHash) return "guardian-id";
  return relation === "other" ? "disagree" : relation;
}

function nameTerm(ctx: RecordContext, part: NamePart, valueId: number): Contribution {
  const memo = ctx.nameTerms[part];
  let term = memo.get(valueId);
  if (term === undefined) {
    const level = compareName(ctx, part, valueId);
    const held = ctx.index.table.names[part].values[valueId] as NameValue;
    const sent = { text: ctx.x.name?.[part] ?? "", folded: ctx.x.folded?.[part] ?? "" };
    term = { field: part, level, weight: nameWeight(ctx.index, ctx.settings, part, level, held, sent) };
    memo.set(valueId, term);
  }
  return term;
}

function compareName(ctx: RecordContext, part: NamePart, valueId: number): NameLevel {
  const { name, folded, toned } = ctx.x;
  const held = ctx.index.table.names[part].values[valueId];
  if (!name || !folded || !held) return "missing";
  const sent = name[part];
  if (sent === "" || held.text === "") {
    if (part !== "middle") return "missing";
    return sent === held.text ? "exact" : "one-missing";
  }
  if (sent === held.text) return "exact";
  if (folded[part] === held.folded) return toned ? "tone-differs" : "exact-untoned";
  if (part === "family" && ctx.index.familyVariants.has(`${sent}|${held.text}`)) return "variant";
  return syllableSimilarity(folded[part], held.folded) >= ctx.settings.similarity ? "similar" : "disagree";
}

/** The 4-digit years differ in one digit or by two adjacent digits swapped (1985 ↔ 1958). */
function yearSlip(a: number, b: number): boolean {
  const relation = idRelation(String(a), String(b));
  return relation === "one-digit" || relation === "transposition";
}

export function birthLevel(sent: BirthParts | null, held: BirthParts): BirthLevel {
  if (!sent || held.year === 0) return "missing";
  // Compare at the coarser of the two precisions.
  if (sent.precision === "year" || held.precision === "year") return sent.year === held.year ? "year-only" : "disagree";
  if (sent.precision === "month" || held.precision === "month") {
    return sent.year === held.year && sent.month === held.month ? "month-only" : "disagree";
  }
  if (sent.year === held.year && sent.month === held.month && sent.day === held.day) return "exact";
  if (sent.year === held.year && sent.month === held.day && sent.day === held.month) return "swapped";
  if (sent.month === held.month && sent.day === held.day && yearSlip(sent.year, held.year)) return "year-typo";
  if (sent.year === held.year && sent.month === held.month) return "year-month";
  if (sent.year === held.year && sent.month === 1 && sent.day === 1) return "jan-first";
  return "disagree";
}

const simple = (sent: number, held: number): SimpleLevel => (sent === 0 || held === 0 ? "missing" : sent === held ? "agree" : "disagree");

export function compareFields(ctx: RecordContext, row: number): FieldLevels {
  const t = ctx.index.table;
  const { x } = ctx;
  const commune = simple(ctx.communeId, t.commune[row] as number);
  const heldId = t.personalIds[row] as string;
  const names = {
    family: nameTerm(ctx, "family", t.family[row] as number),
    middle: nameTerm(ctx, "middle", t.middle[row] as number),
    given: nameTerm(ctx, "given", t.given[row] as number),
  };
  return {
    personalId: idLevel(ctx, row),
    insurance: x.insuranceId === null ? "missing" : x.insuranceId === heldId ? "agree" : "disagree",
    family: names.family.level as NameLevel,
    middle: names.middle.level as NameLevel,
    given: names.given.level as NameLevel,
    names,
    birthDate: birthLevel(x.birth, birthFromNumber(t.birth[row] as number)),
    sex: simple(x.sex === null ? 0 : Number(x.sex), t.sex[row] as number),
    commune,
    province: commune === "agree" ? "implied" : simple(ctx.provinceId, t.province[row] as number),
    phone: simple(x.phoneHash, t.phone[row] as number),
    guardian: simple(ctx.guardianHash, t.guardian[row] as number),
  };
}
