/** PGlite adapter: PostgreSQL in WebAssembly, in a data folder or in memory (`memory://`). */
import { PGlite, type Transaction } from "@electric-sql/pglite";
import type { Db, Queryable, SqlQuery } from "./port.ts";
import { PARSERS } from "./types.ts";

function wrap(conn: PGlite | Transaction): Queryable {
  return {
    async query<T>(q: SqlQuery) {
      const res = await conn.query<T>(q.text, q.values);
      return res.rows;
    },
    async exec(text: string) {
      await conn.exec(text);
    },
  };
}

/**
 * bytea in and out through Node's native hex codec: PGlite's own goes byte by byte in JavaScript,
 * which made a 25 KB push body the dearest parameter of the whole intake.
 */
const BYTEA = 17;
const hexBytea = {
  serialize: (v: Uint8Array) => `\\x${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("hex")}`,
  parse: (v: string) => Buffer.from(v.slice(2), "hex"),
};

export async function openPglite(dataDir: string): Promise<Db> {
  const pg = await PGlite.create(dataDir, {
    parsers: { ...PARSERS, [BYTEA]: hexBytea.parse },
    serializers: { [BYTEA]: hexBytea.serialize },
  });
  const base = wrap(pg);
  return {
    kind: "pglite",
    query: base.query,
    exec: base.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
