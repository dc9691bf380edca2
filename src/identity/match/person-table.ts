/**
 * The registry side of the matcher, held column-wise: one typed array per field, names and place
 * codes interned once, phone, address and guardian kept as 32-bit hashes (they are only ever
 * compared for equality). A million persons take tens of megabytes, not the gigabyte a million
 * objects would. Name tables count each value, which gives the name u-probabilities "learned from
 * data" (the registry itself).
 */
import { birthNumber, birthParts, normalizeAddress, normalizePhone } from "./fields.ts";
import { hash32, optionalHash } from "./hash.ts";
import { foldForBlocking, normalizeName, splitFullName } from "./names.ts";
import type { MatchPerson } from "./types.ts";

export interface NameValue {
  /** Normalised, tones kept. */
  readonly text: string;
  readonly folded: string;
  count: number;
}

export interface NameTable {
  readonly values: NameValue[];
  readonly byText: Map<string, number>;
  /** Persons per folded value, over all tone variants. */
  readonly foldedCounts: Map<string, number>;
}

export type NamePart = "family" | "middle" | "given";

export interface PersonTable {
  size: number;
  personalIds: string[];
  names: Record<NamePart, NameTable>;
  family: Uint32Array;
  middle: Uint32Array;
  given: Uint32Array;
  /** `yyyymmdd`, 0 when unreadable. */
  birth: Uint32Array;
  /** 0 unknown, 1 male, 2 female. */
  sex: Uint8Array;
  /** Index into `places`; 0 = none. */
  commune: Uint32Array;
  province: Uint32Array;
  places: string[];
  placeIds: Map<string, number>;
  phone: Uint32Array;
  address: Uint32Array;
  /** Hash of the guardian's personal ID; 0 = none. */
  guardian: Uint32Array;
}

export function emptyNameTable(): NameTable {
  return { values: [{ text: "", folded: "", count: 0 }], byText: new Map([["", 0]]), foldedCounts: new Map() };
}

function intern(table: NameTable, text: string): number {
  let id = table.byText.get(text);
  if (id === undefined) {
    id = table.values.length;
    table.values.push({ text, folded: foldForBlocking(text), count: 0 });
    table.byText.set(text, id);
  }
  const value = table.values[id] as NameValue;
  value.count++;
  if (text !== "") table.foldedCounts.set(value.folded, (table.foldedCounts.get(value.folded) ?? 0) + 1);
  return id;
}

/** Normalises a full name syllable by syllable: a registry repeats a few thousand syllables. */
function syllableNormalizer(): (fullName: string) => string {
  const cache = new Map<string, string>();
  return (fullName) => {
    let out = "";
    for (const syllable of fullName.split(" ")) {
      let n = cache.get(syllable);
      if (n === undefined) cache.set(syllable, (n = normalizeName(syllable)));
      if (n !== "") out = out === "" ? n : `${out} ${n}`;
    }
    return out;
  };
}

export function createPersonTable(persons: readonly MatchPerson[]): PersonTable {
  const n = persons.length;
  const t: PersonTable = {
    size: n,
    personalIds: new Array<string>(n),
    names: { family: emptyNameTable(), middle: emptyNameTable(), given: emptyNameTable() },
    family: new Uint32Array(n),
    middle: new Uint32Array(n),
    given: new Uint32Array(n),
    birth: new Uint32Array(n),
    sex: new Uint8Array(n),
    commune: new Uint32Array(n),
    province: new Uint32Array(n),
    places: [""],
    placeIds: new Map([["", 0]]),
    phone: new Uint32Array(n),
    address: new Uint32Array(n),
    guardian: new Uint32Array(n),
  };
  const placeIds = t.placeIds;
  const place = (code: string | null): number => {
    const c = code?.trim() ?? "";
    let id = placeIds.get(c);
    if (id === undefined) {
      id = t.places.length;
      t.places.push(c);
      placeIds.set(c, id);
    }
    return id;
  };
  const normalize = syllableNormalizer();
  // Members of a household share one address text: fold each text once.
  const addressHashes = new Map<string, number>();
  const addressHash = (address: string | null | undefined): number => {
    if (!address) return 0;
    let h = addressHashes.get(address);
    if (h === undefined) addressHashes.set(address, (h = optionalHash(normalizeAddress(address))));
    return h;
  };
  persons.forEach((p, row) => {
    t.personalIds[row] = p.personalId;
    const parts = splitFullName(normalize(p.fullName));
    t.family[row] = intern(t.names.family, parts.family);
    t.middle[row] = intern(t.names.middle, parts.middle);
    t.given[row] = intern(t.names.given, parts.given);
    const birth = birthParts(p.birthDate);
    t.birth[row] = birth ? birthNumber(birth) : 0;
    t.sex[row] = p.sex === "1" ? 1 : p.sex === "2" ? 2 : 0;
    t.commune[row] = place(p.communeCode);
    t.province[row] = place(p.provinceCode);
    t.phone[row] = optionalHash(normalizePhone(p.phone));
    t.address[row] = addressHash(p.address);
    t.guardian[row] = p.guardianPersonalId ? hash32(p.guardianPersonalId) : 0;
  });
  return t;
}
