import { sql, type Queryable } from "../db/port.ts";

export interface ChangeRow {
  tx: string;
  event_id: number;
  kind: string;
  checkup_id: string | null;
  at: string;
  personal_id: string;
}

/**
 * Events after the cursor, in (writing transaction, id) order, from finished transactions only
 * (below the snapshot's xmin): a slow transaction's event can never land behind a cursor already
 * handed out. Persons without a personal ID (identity review) are not in the feed.
 */
export async function readChanges(db: Queryable, after: { tx: string; eventId: number }, limit: number): Promise<ChangeRow[]> {
  return db.query<ChangeRow>(sql`
    SELECT e.tx::text AS tx, e.event_id, e.kind, e.checkup_id, e.at, p.personal_id
    FROM events e JOIN persons p ON p.person_id = e.person_id
    WHERE (e.tx, e.event_id) > (${after.tx}::xid8, ${after.eventId}::bigint)
      AND e.tx < pg_snapshot_xmin(pg_current_snapshot())
      AND p.personal_id IS NOT NULL
    ORDER BY e.tx, e.event_id
    LIMIT ${limit}`);
}
