/**
 * Group commit for audit rows on busy read paths (the VNeID API), through db/group.ts: rows that
 * arrive while one INSERT is being committed go together in the next one; under load, a hundred concurrent reads cost a few
 * commits instead of a hundred. Each caller still waits for its own row to be committed before
 * it answers: no read is served unaudited. One writer per app instance, made where it is used.
 */
import type { Db, Queryable } from "../db/port.ts";
import { createGroup, flushesFor } from "../db/group.ts";
import { insertAudit, type AuditRow } from "./audit-repo.ts";

/** Rows per INSERT (11 array parameters whatever the count): bounds one statement's work. */
const MAX_BATCH = 1000;

export interface AuditWriter {
  write(rows: readonly AuditRow[]): Promise<void>;
}

export function createAuditWriter(db: Queryable & Partial<Pick<Db, "kind">>): AuditWriter {
  const group = createGroup<readonly AuditRow[], void>({
    run: async (writes) => {
      await insertAudit(db, writes.flat());
      return writes.map(() => undefined);
    },
    // A single write larger than a batch goes alone.
    weigh: (rows) => rows.length,
    maxWeight: MAX_BATCH,
    maxBatch: MAX_BATCH,
    concurrency: flushesFor(db),
  });
  return { write: (rows) => (rows.length === 0 ? Promise.resolve() : group.add(rows)) };
}
