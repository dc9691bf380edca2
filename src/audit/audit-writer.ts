/**
 * Group commit for audit rows on busy read paths (the VNeID API): rows that arrive while one
 * INSERT is being committed go together in the next one. The first row after a quiet spell is
 * written at once (no timer, no added wait); under load, a hundred concurrent reads cost a few
 * commits instead of a hundred. Each caller still waits for its own row to be committed before
 * it answers: no read is served unaudited. One writer per app instance, made where it is used.
 */
import type { Queryable } from "../db/port.ts";
import { insertAudit, type AuditRow } from "./audit-repo.ts";

/** Rows per INSERT (11 array parameters whatever the count): bounds one statement's work. */
const MAX_BATCH = 1000;

export interface AuditWriter {
  write(rows: readonly AuditRow[]): Promise<void>;
}

interface Waiting {
  rows: readonly AuditRow[];
  done: (err?: unknown) => void;
}

export function createAuditWriter(db: Queryable): AuditWriter {
  const queue: Waiting[] = [];
  let writing = false;

  async function drain(): Promise<void> {
    writing = true;
    while (queue.length > 0) {
      const batch: Waiting[] = [];
      let size = 0;
      while (queue.length > 0 && size + queue[0]!.rows.length <= MAX_BATCH) {
        const w = queue.shift()!;
        batch.push(w);
        size += w.rows.length;
      }
      // A single write larger than a batch goes alone.
      if (batch.length === 0) batch.push(queue.shift()!);
      try {
        await insertAudit(db, batch.flatMap((w) => w.rows));
        for (const w of batch) w.done();
      } catch (err) {
        for (const w of batch) w.done(err);
      }
    }
    writing = false;
  }

  return {
    write(rows) {
      if (rows.length === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        queue.push({ rows, done: (err) => (err === undefined ? resolve() : reject(err)) });
        if (!writing) void drain();
      });
    },
  };
}
