/**
 * Blocking: which registry persons are worth scoring against a record. Each person is filed under a
 * few keys — personal ID, guardian's ID, birth year + sex + folded family and given names, birth
 * date + folded given name, birth date + folded family name, commune + birth date, commune + birth
 * year + sex, phone — and a record looks up the same keys built from what it says, plus ID
 * neighbours (one digit changed, two swapped), crosswalked old and BHXH numbers and the
 * day/month-swapped date. Folded names (identity/fold.ts) so a record typed without tones still
 * meets its person; several keys so one wrong field never hides the person. Built once, read-only.
 */
import type { Crosswalks, MatchPerson } from "./types.ts";
import { birthFromNumber, birthNumber, normalizePhone, type BirthParts } from "./fields.ts";
import { keyHash } from "./hash.ts";
import { familyShares, familyVariants, profileNames, type FamilyShares } from "./name-frequency.ts";
import { createPersonTable, type PersonTable } from "./person-table.ts";
import { lookup, postingsBuilder, type Postings } from "./postings.ts";
import type { PreparedInput } from "./prepare.ts";
import { idNeighbours } from "./id-neighbours.ts";

export const BLOCK_KINDS = [
  "id", "id-near", "former-id", "insurance", "guardian", "name-year", "date-given", "date-family", "commune-date",
  "commune-year", "phone",
] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** Key hashes, one builder per key so both sides build them alike. Dates are `yyyymmdd` numbers. */
const key = {
  id: (id: string) => keyHash("i", id),
  guardian: (id: string) => keyHash("g", id),
  nameYear: (year: number, sex: number, family: string, given: string) => keyHash("n", year, sex, family, given),
  dateGiven: (date: number, given: string) => keyHash("dg", date, given),
  dateFamily: (date: number, family: string) => keyHash("df", date, family),
  communeDate: (commune: string, date: number) => keyHash("cd", commune, date),
  communeYear: (commune: string, year: number, sex: number) => keyHash("cy", commune, year, sex),
  phone: (phone: string) => keyHash("p", phone),
};

export interface BlockingIndex {
  table: PersonTable;
  postings: Postings;
  crosswalks: Crosswalks;
  familyShares: FamilyShares;
  familyVariants: ReadonlySet<string>;
}

export interface IndexOptions {
  crosswalks?: Crosswalks;
  familyShares?: FamilyShares;
  familyVariants?: ReadonlySet<string>;
}

/** Files one registry person under its keys (phone and guardian keys need the raw values). */
function filePerson(add: (hash: number) => void, t: PersonTable, row: number, p: MatchPerson): void {
  const family = t.names.family.values[t.family[row] as number]?.folded ?? "";
  const given = t.names.given.values[t.given[row] as number]?.folded ?? "";
  const birth = birthFromNumber(t.birth[row] as number);
  const date = t.birth[row] as number;
  const sex = t.sex[row] as number;
  const commune = t.places[t.commune[row] as number] ?? "";
  add(key.id(p.personalId));
  if (p.guardianPersonalId) add(key.guardian(p.guardianPersonalId));
  if (birth.year > 0) {
    add(key.nameYear(birth.year, sex, family, given));
    if (commune) add(key.communeYear(commune, birth.year, sex));
  }
  if (birth.precision === "day") {
    add(key.dateGiven(date, given));
    add(key.dateFamily(date, family));
    if (commune) add(key.communeDate(commune, date));
  }
  const phone = normalizePhone(p.phone);
  if (phone) add(key.phone(phone));
}

export function createBlockingIndex(persons: readonly MatchPerson[], options: IndexOptions = {}): BlockingIndex {
  const table = createPersonTable(persons);
  const builder = postingsBuilder(persons.length * 8);
  persons.forEach((p, row) => filePerson((hash) => builder.add(hash, row), table, row, p));
  return {
    table,
    postings: builder.build(),
    crosswalks: options.crosswalks ?? {},
    familyShares: options.familyShares ?? familyShares(profileNames()),
    familyVariants: options.familyVariants ?? familyVariants(profileNames()),
  };
}

export interface Candidate {
  row: number;
  via: BlockKind[];
}

export interface BlockLimits {
  /** Blocks with more rows are skipped (ID blocks never are): they cost more than they find. */
  maxBlockSize: number;
  maxCandidates: number;
}

/** Dates to look the record up under: the date sent and, when it reads both ways, day/month swapped. */
function lookupDates(b: BirthParts): number[] {
  if (b.precision !== "day") return [];
  const dates = [birthNumber(b)];
  if (b.day <= 12 && b.day !== b.month) dates.push(birthNumber({ ...b, month: b.day, day: b.month }));
  return dates;
}

/**
 * True when the person holding the sent ID agrees on folded given name and birth year: then a
 * one-digit-off neighbour cannot do better, and the 119 neighbour look-ups are skipped.
 */
function sentIdHolds(index: BlockingIndex, x: PreparedInput, sent: string): boolean {
  const t = index.table;
  for (const row of lookup(index.postings, key.id(sent))) {
    if (t.personalIds[row] !== sent) continue;
    const given = t.names.given.values[t.given[row] as number]?.folded;
    const year = Math.floor((t.birth[row] as number) / 10_000);
    return x.folded !== null && given === x.folded.given && x.birth !== null && year === x.birth.year;
  }
  return false;
}

/** Each `[kind, keyHash, exactId?]`: with `exactId`, only rows holding that personal ID count. */
function recordLookups(index: BlockingIndex, x: PreparedInput): [BlockKind, number, string?][] {
  const out: [BlockKind, number, string?][] = [];
  const id = x.id;
  if (id.kind !== "none") {
    if (id.kind === "personal-id") {
      out.push(["id", key.id(id.sent), id.sent], ["guardian", key.guardian(id.sent)]);
      if (!sentIdHolds(index, x, id.sent)) for (const near of idNeighbours(id.sent)) out.push(["id-near", key.id(near), near]);
    }
    if (id.resolved) out.push(["former-id", key.id(id.resolved), id.resolved]);
  }
  if (x.insuranceId) out.push(["insurance", key.id(x.insuranceId), x.insuranceId]);
  if (x.guardianId) out.push(["guardian", key.guardian(x.guardianId)]);
  const sexes = x.sex ? [Number(x.sex)] : [1, 2];
  if (x.birth && x.folded) {
    for (const sex of sexes) out.push(["name-year", key.nameYear(x.birth.year, sex, x.folded.family, x.folded.given)]);
  }
  if (x.birth && x.communeCode) {
    for (const sex of sexes) out.push(["commune-year", key.communeYear(x.communeCode, x.birth.year, sex)]);
  }
  for (const date of x.birth ? lookupDates(x.birth) : []) {
    if (x.folded) out.push(["date-given", key.dateGiven(date, x.folded.given)], ["date-family", key.dateFamily(date, x.folded.family)]);
    if (x.communeCode) out.push(["commune-date", key.communeDate(x.communeCode, date)]);
  }
  if (x.phone) out.push(["phone", key.phone(x.phone)]);
  return out;
}

const ID_KINDS: ReadonlySet<BlockKind> = new Set(["id", "id-near", "former-id", "insurance", "guardian"]);

export function findCandidates(index: BlockingIndex, x: PreparedInput, limits: BlockLimits): Candidate[] {
  const found = new Map<number, Candidate>();
  const ids = index.table.personalIds;
  for (const [kind, hash, exactId] of recordLookups(index, x)) {
    const rows = lookup(index.postings, hash);
    if (rows.length > limits.maxBlockSize && !ID_KINDS.has(kind)) continue;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as number;
      if (exactId !== undefined && ids[row] !== exactId) continue;
      const seen = found.get(row);
      if (seen) {
        if (!seen.via.includes(kind)) seen.via.push(kind);
      } else if (found.size < limits.maxCandidates) {
        found.set(row, { row, via: [kind] });
      }
    }
  }
  return [...found.values()];
}

/**
 * Registry persons who look like `row`'s twins: same birth date, same household (address or
 * guardian), another given name. Found through the commune + birth-date block of `row`.
 */
export function findTwins(index: BlockingIndex, row: number): number[] {
  const t = index.table;
  const birth = birthFromNumber(t.birth[row] as number);
  const commune = t.places[t.commune[row] as number] ?? "";
  if (birth.precision !== "day" || commune === "") return [];
  const sameHome = (other: number): boolean =>
    (t.address[row] !== 0 && t.address[other] === t.address[row]) || (t.guardian[row] !== 0 && t.guardian[other] === t.guardian[row]);
  return [...lookup(index.postings, key.communeDate(commune, t.birth[row] as number))].filter(
    (other) => other !== row && t.birth[other] === t.birth[row] && t.given[other] !== t.given[row] && sameHome(other),
  );
}
