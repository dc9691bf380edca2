/**
 * The person rows (and book fingerprints) the VNeID API reads, in groups: reads that arrive while
 * one query is running go together in the next one, so a hundred concurrent book reads cost a few
 * queries instead of a hundred (db/group.ts, as the audit writer and intake use). One reader per
 * app instance.
 */
import type { Db, Queryable } from "../db/port.ts";
import { createGroup, flushesFor } from "../db/group.ts";
import { readPersons, type PersonRow } from "./book-repo.ts";

/** IDs per query: one array parameter, so only the plan's size bounds it. */
const MAX_BATCH = 500;

export interface PersonReader {
  read(personalId: string): Promise<PersonRow | null>;
}

export function createPersonReader(db: Queryable & Partial<Pick<Db, "kind">>): PersonReader {
  const group = createGroup<string, PersonRow | null>({
    run: async (ids) => {
      const byId = new Map((await readPersons(db, [...new Set(ids)])).map((r) => [r.personal_id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    maxBatch: MAX_BATCH,
    concurrency: flushesFor(db),
  });
  return { read: (personalId) => group.add(personalId) };
}
