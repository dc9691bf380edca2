/** node-postgres adapter: a pool; one client per transaction. */
import pg from "pg";
import type { Db, Queryable, SqlQuery } from "./port.ts";
import { PARSERS } from "./types.ts";

const types = {
  getTypeParser: (oid: number, format?: string) =>
    PARSERS[oid] ?? pg.types.getTypeParser(oid, format as "text"),
};

function wrap(conn: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(q: SqlQuery) {
      const res = await conn.query(q.text, q.values);
      return res.rows as T[];
    },
    async exec(text: string) {
      await conn.query(text);
    },
  };
}

export function openPostgres(url: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max, types: types as pg.CustomTypesConfig });
  // An idle pooled connection the server ends (restart, admin command, dropped database) is
  // removed from the pool; without a listener the pool would crash the process. The next query
  // opens a fresh connection, and a query in flight still gets its own error.
  pool.on("error", () => undefined);
  const base = wrap(pool);
  return {
    kind: "postgres",
    query: base.query,
    exec: base.exec,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(wrap(client));
        await client.query("COMMIT");
        return result;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
