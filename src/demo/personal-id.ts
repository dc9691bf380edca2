/**
 * 12-digit personal IDs laid out as standards.md §6.1 says: 3-digit birth-registration province
 * prefix (§6.2), one century+sex digit, the last two digits of the birth year, six random digits.
 */
import type { IdPrefix } from "../reference/data.ts";
import type { Rng } from "./rng.ts";
import type { Sex } from "./types.ts";

/** 1900s: 0 male / 1 female; 2000s: 2/3; each later century adds 2 (§6.1 position 4). */
export function centurySexDigit(birthYear: number, sex: Sex): string {
  const century = Math.floor(birthYear / 100) - 19;
  if (century < 0 || century > 4) throw new Error(`birth year ${birthYear} has no century digit`);
  return String(century * 2 + (sex === "2" ? 1 : 0));
}

export interface PrefixTables {
  byProvince: ReadonlyMap<string, readonly string[]>;
  all: readonly string[];
}

export function prefixTables(prefixes: readonly IdPrefix[]): PrefixTables {
  const byProvince = new Map<string, string[]>();
  for (const p of prefixes) {
    const list = byProvince.get(p.currentProvinceCode);
    if (list) list.push(p.prefix);
    else byProvince.set(p.currentProvinceCode, [p.prefix]);
  }
  return { byProvince, all: prefixes.map((p) => p.prefix) };
}

/**
 * A fresh ID for someone born (registered) in `provinceCode`: one of the old provinces merged into
 * it, any prefix if none maps. `used` keeps IDs unique inside one generated population.
 */
export function makePersonalId(
  rng: Rng,
  tables: PrefixTables,
  provinceCode: string,
  birthYear: number,
  sex: Sex,
  used: Set<string>,
): string {
  const prefix = rng.pick(tables.byProvince.get(provinceCode) ?? tables.all);
  const head = prefix + centurySexDigit(birthYear, sex) + String(birthYear % 100).padStart(2, "0");
  for (;;) {
    const id = head + String(rng.int(0, 999_999)).padStart(6, "0");
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}
