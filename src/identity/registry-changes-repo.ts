import { sql, type Queryable } from "../db/port.ts";

export async function renamePerson(db: Queryable, personalId: string, fullName: string): Promise<boolean> {
  const rows = await db.query(sql`UPDATE registry_persons SET full_name = ${fullName}, updated_at = now() WHERE personal_id = ${personalId} RETURNING personal_id`);
  return rows.length > 0;
}

export async function recordDeath(db: Queryable, personalId: string, diedOn: string): Promise<boolean> {
  const rows = await db.query(sql`UPDATE registry_persons SET died_on = ${diedOn}, updated_at = now() WHERE personal_id = ${personalId} RETURNING personal_id`);
  return rows.length > 0;
}

export async function linkGuardian(db: Queryable, personalId: string, guardianId: string): Promise<boolean> {
  const rows = await db.query(sql`UPDATE registry_persons SET guardian_personal_id = ${guardianId}, updated_at = now() WHERE personal_id = ${personalId} RETURNING personal_id`);
  return rows.length > 0;
}

/** Re-issue: the person's row moves to the new number; the cancelled one is kept as history. */
export async function reissueId(db: Queryable, oldId: string, newId: string, on: string | null): Promise<boolean> {
  const rows = await db.query(sql`UPDATE registry_persons SET personal_id = ${newId}, updated_at = now() WHERE personal_id = ${oldId} RETURNING personal_id`);
  if (rows.length === 0) return false;
  await addFormerId(db, oldId, newId, "cancelled", on);
  // The hub's own person row follows, so the health book stays one book.
  await db.query(sql`UPDATE persons SET personal_id = ${newId}, updated_at = now() WHERE personal_id = ${oldId}`);
  return true;
}

export async function addFormerId(db: Queryable, formerId: string, personalId: string, kind: "cancelled" | "old-id-card", on: string | null): Promise<void> {
  await db.query(sql`
    INSERT INTO registry_former_ids (former_id, personal_id, kind, changed_on) VALUES (${formerId}, ${personalId}, ${kind}, ${on})
    ON CONFLICT (former_id) DO UPDATE SET personal_id = EXCLUDED.personal_id, kind = EXCLUDED.kind, changed_on = EXCLUDED.changed_on`);
}

export async function logChange(db: Queryable, personalId: string, kind: string): Promise<void> {
  await db.query(sql`INSERT INTO registry_changes (personal_id, kind) VALUES (${personalId}, ${kind})`);
}

export async function formerIds(db: Queryable): Promise<Map<string, string>> {
  const rows = await db.query<{ former_id: string; personal_id: string }>(sql`SELECT former_id, personal_id FROM registry_former_ids`);
  return new Map(rows.map((r) => [r.former_id, r.personal_id]));
}
