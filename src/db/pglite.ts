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
 * bytea out through Node's native hex codec, and in as binary: PGlite sends a parameter that is
 * bytes in the protocol's binary format, so a 25 KB push body is copied once instead of being
 * spelled out as 50 KB of hex (and measured twice, character by character, in JavaScript).
 * PGlite's own codec went byte by byte in JavaScript both ways.
 */
const BYTEA = 17;
const hexBytea = {
  // PGlite's types say a serialiser returns text; at run time it sends bytes as bytes (bytea.test.ts).
  serialize: ((v: Uint8Array) => v) as unknown as (v: Uint8Array) => string,
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
