import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { columnsInsert, insertColumns, readTogether, runTogether, sql, type Queryable, type SqlQuery } from "./port.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await t.db.exec("CREATE TABLE cols (id int, name text, amount numeric, flags text[], day date, ok boolean, doc jsonb)");
});
afterAll(async () => t.drop());

const COLUMNS = [["id", "int"], ["name", "text"], ["amount", "numeric"], ["flags", "text[]"], ["day", "date"], ["ok", "boolean"], ["doc", "jsonb"]] as const;

describe("insertColumns (one array parameter per column)", () => {
  it("stores every value as given, whatever characters it holds", async () => {
    const rows = [
      [1, 'Nguyễn "Văn" An, {x} \\ y', 5.6, ["H", 'a"b', "c,d", "{e}", "back\\slash", null], "2026-11-20", true, { a: [1, "đ"] }],
      [2, null, null, [], null, false, null],
      [3, "", 1e-7, ["NULL"], "2000-02-29", null, '"text"'], // a string travels as written: JSON text for jsonb
    ];
    await insertColumns(t.db, "cols", COLUMNS, rows);
    const got = await t.db.query<Record<string, unknown>>(sql`
      SELECT id, name, amount::text AS amount, flags, to_char(day, 'YYYY-MM-DD') AS day, ok, doc FROM cols ORDER BY id`);
    expect(got).toEqual([
      { id: 1, name: 'Nguyễn "Văn" An, {x} \\ y', amount: "5.6", flags: ["H", 'a"b', "c,d", "{e}", "back\\slash", null], day: "2026-11-20", ok: true, doc: { a: [1, "đ"] } },
      { id: 2, name: null, amount: null, flags: [], day: null, ok: false, doc: null },
      { id: 3, name: "", amount: "0.0000001", flags: ["NULL"], day: "2000-02-29", ok: null, doc: "text" },
    ]);
  });

  it("takes thousands of rows in a few statements", async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => [1000 + i, `n${i}`, i / 10, [String(i)], null, null, null]);
    await insertColumns(t.db, "cols", COLUMNS, rows);
    const [n] = await t.db.query<{ n: number; s: string }>(sql`SELECT count(*)::int AS n, sum(amount)::text AS s FROM cols WHERE id >= 1000`);
    expect({ n: n!.n, s: Number(n!.s) }).toEqual({ n: 12_000, s: rows.reduce((a, r) => a + Math.round((r[2] as number) * 10), 0) / 10 });
  });
});

describe("runTogether (several writes, one round trip)", () => {
  it("runs every write in one statement, skipping empty ones, with each write's parameters its own", async () => {
    const sent: SqlQuery[] = [];
    const counting: Queryable = { query: (q) => (sent.push(q), t.db.query(q)), exec: (text) => t.db.exec(text) };
    await runTogether(counting, [
      columnsInsert("cols", COLUMNS, [[90001, "một", 1, ["a"], "2026-01-02", true, null]]),
      null,
      columnsInsert("cols", COLUMNS, []),
      sql`UPDATE cols SET name = ${"hai"} WHERE id = ${90002}`,
      columnsInsert("cols", COLUMNS, [[90002, "ba", 2, [], null, false, { k: "v" }], [90003, "bốn", 3, null, null, null, null]]),
    ]);
    expect(sent).toHaveLength(1);
    const got = await t.db.query<{ id: number; name: string }>(sql`SELECT id, name FROM cols WHERE id >= 90000 ORDER BY id`);
    // The UPDATE shares the statement's snapshot: it cannot see the row inserted beside it.
    expect(got).toEqual([{ id: 90001, name: "một" }, { id: 90002, name: "ba" }, { id: 90003, name: "bốn" }]);
  });

  it("runs a single write as it is, and nothing for none", async () => {
    const sent: SqlQuery[] = [];
    const counting: Queryable = { query: (q) => (sent.push(q), t.db.query(q)), exec: (text) => t.db.exec(text) };
    await runTogether(counting, [null, null]);
    await runTogether(counting, [columnsInsert("cols", COLUMNS, [[90010, "năm", 5, null, null, null, null]])]);
    expect(sent.map((q) => q.text.startsWith("INSERT"))).toEqual([true]);
  });
});

describe("readTogether (several reads, one round trip)", () => {
  it("gives each part its own rows, in order, with a write's RETURNING rows among them", async () => {
    const sent: SqlQuery[] = [];
    const counting: Queryable = { query: (q) => (sent.push(q), t.db.query(q)), exec: (text) => t.db.exec(text) };
    await insertColumns(t.db, "cols", COLUMNS, [[70001, "sáu", 6, ["x"], "2026-03-04", true, null], [70002, "bảy", 7, null, null, null, null]]);
    const [existing, none, added, locked] = await readTogether(counting, [
      { select: sql`SELECT id, name, flags FROM cols WHERE id BETWEEN ${70001} AND ${70002} ORDER BY id` },
      null,
      { with: [sql`new_rows AS (INSERT INTO cols (id, name) VALUES (${70003}, ${"tám"}) RETURNING id, name)`], select: sql`SELECT id, name FROM new_rows` },
      { select: sql`SELECT id FROM cols WHERE id = ${70001} FOR UPDATE` },
    ]);
    expect(sent).toHaveLength(1);
    expect(existing).toEqual([{ id: 70001, name: "sáu", flags: ["x"] }, { id: 70002, name: "bảy", flags: null }]);
    expect(none).toEqual([]);
    expect(added).toEqual([{ id: 70003, name: "tám" }]);
    expect(locked).toEqual([{ id: 70001 }]);
    const [n] = await t.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM cols WHERE id = ${70003}`);
    expect(n!.n).toBe(1);
  });

  it("sends nothing when every part is null", async () => {
    const sent: SqlQuery[] = [];
    const counting: Queryable = { query: (q) => (sent.push(q), t.db.query(q)), exec: (text) => t.db.exec(text) };
    expect(await readTogether(counting, [null, null])).toEqual([[], []]);
    expect(sent).toHaveLength(0);
  });
});
