/**
 * The incoming side of the identity benchmarks: demo check-ups (checkupStream, with its own
 * wrong_id / missing_id / name_typo defects) read into `MatchInput`, then identity defects added on
 * top at stated rates, each named in the label: names typed without diacritics or with a wrong
 * tone, old 9-digit and cancelled ID numbers, transposed IDs, another person's ID, a child's record
 * with the parent's ID, day/month swapped, year-only and `0101` birth dates, people who moved, a
 * changed phone, and an insurance card number on some records.
 */
import { checkupStream, createRng, deriveSeed, generateFacilities, type DemoPerson, type Rng } from "../../src/demo/index.ts";
import { matchInputFromRecord, type MatchInput } from "../../src/identity/match/index.ts";
import { adminUnits, type Commune } from "../../src/reference/data.ts";
import type { RegistryScenario } from "./registry.ts";

export interface LabelledInput {
  input: MatchInput;
  /** The true registry person; null when the person is not in the registry ("new" is right). */
  truth: string | null;
  tags: string[];
}

export const INCOMING_RATES = {
  ascii_name: 0.03,
  tone_typo: 0.02,
  old_id: 0.05,
  reissued_id: 0.5,
  transposed_id: 0.005,
  other_person_id: 0.005,
  parent_id: 0.08,
  swapped_date: 0.01,
  year_only: 0.01,
  jan_first: 0.005,
  moved: 0.1,
  phone_changed: 0.15,
  insurance_card: 0.3,
} as const;

export const GENERATOR_RATES = { wrong_id: 0.03, missing_id: 0.05, name_typo: 0.05 } as const;

const TONES = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];
const COMMON_FAMILY = new Set(["Nguyễn", "Trần", "Lê"]);

/** One syllable's tone mark replaced by another (or one added): Hùng → Húng. */
function toneTypo(rng: Rng, name: string): string {
  const syllables = name.split(" ");
  const at = rng.int(0, syllables.length - 1);
  const nfd = (syllables[at] as string).normalize("NFD");
  const tone = TONES.find((t) => nfd.includes(t));
  const other = rng.pick(TONES.filter((t) => t !== tone));
  const vowel = nfd.search(/[aeiouy]/i);
  const changed = tone ? nfd.replace(tone, other) : vowel < 0 ? nfd : nfd.slice(0, vowel + 1) + other + nfd.slice(vowel + 1);
  syllables[at] = changed.normalize("NFC");
  return syllables.join(" ");
}

const asciiUpper = (name: string): string =>
  name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toUpperCase();

interface Places {
  byProvince: Map<string, Commune[]>;
  all: Commune[];
  provinceName: Map<string, string>;
}

function places(): Places {
  const units = adminUnits();
  const byProvince = new Map<string, Commune[]>();
  for (const c of units.communes) byProvince.set(c.provinceCode, [...(byProvince.get(c.provinceCode) ?? []), c]);
  return { byProvince, all: units.communes, provinceName: new Map(units.provinces.map((p) => [p.code, p.fullName])) };
}

function move(rng: Rng, input: MatchInput, where: Places): void {
  const local = input.provinceCode ? where.byProvince.get(input.provinceCode) : undefined;
  const commune = local && rng.chance(0.7) ? rng.pick(local) : rng.pick(where.all);
  input.communeCode = commune.code;
  input.provinceCode = commune.provinceCode;
  input.address = `Số ${rng.int(1, 250)}, Thôn ${rng.int(1, 15)}, ${commune.fullName}, ${where.provinceName.get(commune.provinceCode) ?? ""}`;
}

type Chance = (rate: number) => boolean;

function birthDefect(chance: Chance, input: MatchInput, tags: string[]): void {
  const b = input.birthDate;
  if (!b || b.precision !== "day") return;
  const [y, m, d] = b.iso.split("-") as [string, string, string];
  if (chance(INCOMING_RATES.swapped_date) && Number(d) <= 12 && d !== m) {
    input.birthDate = { raw: `${y}${d}${m}0000`, iso: `${y}-${d}-${m}`, precision: "day" };
    tags.push("swapped_date");
  } else if (chance(INCOMING_RATES.year_only)) {
    input.birthDate = { raw: `${y}00000000`, iso: `${y}-01-01`, precision: "year" };
    tags.push("year_only");
  } else if (chance(INCOMING_RATES.jan_first)) {
    input.birthDate = { raw: `${y}01010000`, iso: `${y}-01-01`, precision: "day" };
    tags.push("jan_first");
  }
}

function idDefect(rng: Rng, chance: Chance, input: MatchInput, person: DemoPerson, s: RegistryScenario, tags: string[]): void {
  const cancelled = s.cancelledIdOf.get(person.personalId);
  const old = s.oldIdOf.get(person.personalId);
  if (input.guardianPersonalId && chance(INCOMING_RATES.parent_id)) {
    input.personalIdRaw = input.guardianPersonalId;
    tags.push("parent_id");
  } else if (cancelled && chance(INCOMING_RATES.reissued_id)) {
    input.personalIdRaw = cancelled;
    tags.push("reissued_id");
  } else if (old && chance(INCOMING_RATES.old_id)) {
    input.personalIdRaw = old;
    tags.push(s.crosswalks.formerIds.has(old) ? "old_id" : "old_id_unknown");
  } else if (chance(INCOMING_RATES.transposed_id)) {
    const id = person.personalId;
    const at = rng.int(6, 10);
    input.personalIdRaw = id.slice(0, at) + (id[at + 1] as string) + (id[at] as string) + id.slice(at + 2);
    tags.push(input.personalIdRaw === id ? "transposed_id_noop" : "transposed_id");
  } else if (chance(INCOMING_RATES.other_person_id)) {
    input.personalIdRaw = rng.pick(s.registry).personalId;
    tags.push("other_person_id");
  }
}

/** `scale` multiplies every defect rate (capped at 1), for a stress run. */
export function* incomingStream(seed: number, scenario: RegistryScenario, count: number, scale = 1): Generator<LabelledInput> {
  const rng = createRng(deriveSeed(seed, "identity-incoming"));
  const rate = (r: number): number => Math.min(1, r * scale);
  const chance = (r: number): boolean => rng.chance(rate(r));
  const where = places();
  const byId = new Map(scenario.people.map((p) => [p.personalId, p]));
  const stream = checkupStream(seed, {
    population: scenario.people,
    facilities: generateFacilities(seed, 300),
    count,
    from: new Date("2025-01-01T00:00:00+07:00"),
    to: new Date("2025-12-31T00:00:00+07:00"),
    defectRates: { wrong_id: rate(GENERATOR_RATES.wrong_id), missing_id: rate(GENERATOR_RATES.missing_id), name_typo: rate(GENERATOR_RATES.name_typo) },
  });
  for (const item of stream) {
    const person = byId.get(item.label.personalId) as DemoPerson;
    const input = matchInputFromRecord(item.record);
    const tags: string[] = item.label.defects.filter((d) => d === "wrong_id" || d === "missing_id" || d === "name_typo");
    if (input.fullName && chance(INCOMING_RATES.ascii_name)) {
      input.fullName = asciiUpper(input.fullName);
      tags.push("ascii_name");
    } else if (input.fullName && chance(INCOMING_RATES.tone_typo)) {
      input.fullName = toneTypo(rng, input.fullName);
      tags.push("tone_typo");
    }
    idDefect(rng, chance, input, person, scenario, tags);
    birthDefect(chance, input, tags);
    if (chance(INCOMING_RATES.moved)) {
      move(rng, input, where);
      tags.push("moved");
    }
    if (chance(INCOMING_RATES.phone_changed)) {
      input.phone = rng.chance(0.5) ? null : `09${String(rng.int(0, 99_999_999)).padStart(8, "0")}`;
      tags.push("phone_changed");
    }
    const bhxh = scenario.bhxhOf.get(person.personalId);
    // Evidence, not a defect: not scaled.
    if (bhxh && rng.chance(INCOMING_RATES.insurance_card)) {
      input.insuranceNumber = `GD4${person.provinceCode}${bhxh}`;
      tags.push("insurance_card");
    }
    if (scenario.twins.has(person.personalId)) tags.push("twin");
    if (COMMON_FAMILY.has(person.familyName)) tags.push("common_family_name");
    if (person.guardianPersonalId) tags.push("child");
    const heldOut = scenario.heldOut.has(person.personalId);
    if (heldOut) tags.push("not_in_registry");
    yield { input, truth: heldOut ? null : person.personalId, tags };
  }
}
