import { sql, type Queryable } from "../db/port.ts";

export async function getSetting(db: Queryable, name: string): Promise<string | null> {
  const rows = await db.query<{ value: string }>(sql`SELECT value FROM hub_settings WHERE name = ${name}`);
  return rows[0]?.value ?? null;
}

/** Inserts unless present; returns the stored value (the first writer wins across processes). */
export async function ensureSetting(db: Queryable, name: string, value: string): Promise<string> {
  await db.query(sql`INSERT INTO hub_settings (name, value) VALUES (${name}, ${value}) ON CONFLICT (name) DO NOTHING`);
  return (await getSetting(db, name)) ?? value;
}
