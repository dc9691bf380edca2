/**
 * The population-registry port. The embedded adapter reads the `registry_persons` table loaded from
 * the demo population (or `hoso registry import` later); a remote adapter can replace it without
 * touching intake.
 */
import type { Db } from "../db/port.ts";
import { lookupRegistry } from "./registry-repo.ts";

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

export function embeddedRegistry(db: Db): Registry {
  return { lookup: (ids) => lookupRegistry(db, ids) };
}
