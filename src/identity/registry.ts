/**
 * The population-registry port. The embedded adapter reads the `registry_persons` table loaded from
 * the demo population (or `hoso registry import` later); a remote adapter can replace it without
 * touching intake.
 */
import type { Db } from "../db/port.ts";
import { lookupRegistry } from "./registry-repo.ts";
import { createGroup, flushesFor } from "../db/group.ts";

export interface RegistryPerson {
  personalId: string;
  fullName: string;
  birthDate: string;
  sex: string;
  provinceCode: string | null;
  communeCode: string | null;
}

export interface Registry {
  lookup(personalIds: readonly string[]): Promise<Map<string, RegistryPerson>>;
}

/** The registry table in the hub's database; lookups arriving together share one query. */
export function embeddedRegistry(db: Db): Registry {
  const group = createGroup<readonly string[], Map<string, RegistryPerson>>({
    run: async (lists) => {
      const all = await lookupRegistry(db, [...new Set(lists.flat())]);
      return lists.map((ids) => new Map(ids.flatMap((id) => (all.has(id) ? [[id, all.get(id)!] as const] : []))));
    },
    maxBatch: 64,
    concurrency: flushesFor(db),
  });
  return { lookup: (ids) => (ids.length === 0 ? Promise.resolve(new Map()) : group.add(ids)) };
}
