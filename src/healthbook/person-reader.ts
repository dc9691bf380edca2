/**
 * The person rows (and book fingerprints) the VNeID API reads, in groups: reads that arrive while
 * one query is running go together in the next one, so a hundred concurrent book reads cost a few
 * queries instead of a hundred (the same group commit as the audit writer). The first read after
 * a quiet spell is sent at once: no timer, no added wait. One reader per app instance.
 */
import type { Queryable } from "../db/port.ts";
import { readPersons, type PersonRow } from "./book-repo.ts";

/** IDs per query: one array parameter, so only the plan's size bounds it. */
const MAX_BATCH = 500;

export interface PersonReader {
  read(personalId: string): Promise<PersonRow | null>;
}

interface Waiting {
  personalId: string;
  done: (row: PersonRow | null, err?: unknown) => void;
}

export function createPersonReader(db: Queryable): PersonReader {
  let queue: Waiting[] = [];
  let reading = false;

  async function drain(): Promise<void> {
    reading = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(MAX_BATCH);
      try {
        const rows = await readPersons(db, [...new Set(batch.map((w) => w.personalId))]);
        const byId = new Map(rows.map((r) => [r.personal_id, r]));
        for (const w of batch) w.done(byId.get(w.personalId) ?? null);
      } catch (err) {
        for (const w of batch) w.done(null, err);
      }
    }
    reading = false;
  }

  return {
    read(personalId) {
      return new Promise<PersonRow | null>((resolve, reject) => {
        queue.push({ personalId, done: (row, err) => (err === undefined ? resolve(row) : reject(err)) });
        if (!reading) void drain();
      });
    },
  };
}
