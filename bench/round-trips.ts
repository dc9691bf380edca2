/**
 * Round trips to the database per push, counted by wrapping the database port: one push alone,
 * then 50 pushes arriving together (the group commit shares statements between them). A count,
 * not a timing, so it does not depend on the machine's load.
 *
 *   npx tsx bench/round-trips.ts                 # PGlite
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/round-trips.ts
 */
import { createTestHub, envelope, push } from "../test/hub.ts";
import { buildCheckup } from "../test/factories/checkup.ts";
import type { Queryable } from "../src/db/port.ts";

const hub = await createTestHub();
const db = hub.deps.db as unknown as Queryable & { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> };
let statements = 0;
let transactions = 0;
const counted = (q: Queryable): Queryable => ({
  query: (sqlq) => {
    statements++;
    return q.query(sqlq);
  },
  exec: (text) => {
    statements++;
    return q.exec(text);
  },
});
const { query, exec, transaction } = { query: db.query.bind(db), exec: db.exec.bind(db), transaction: db.transaction.bind(db) };
Object.assign(db, counted({ query, exec }), {
  transaction: <T>(fn: (tx: Queryable) => Promise<T>) => {
    transactions++;
    statements += 2; // BEGIN, COMMIT
    return transaction((tx) => fn(counted(tx)));
  },
});

async function measure(n: number, offset: number): Promise<{ statements: number; transactions: number }> {
  const bodies = Array.from({ length: n }, (_, i) => envelope([buildCheckup({ maLk: `RT-${offset + i}` })]));
  statements = 0;
  transactions = 0;
  const replies = await Promise.all(bodies.map((xml) => push(hub, xml)));
  if (replies.some((r) => r.data.records[0]?.outcome !== "accepted")) throw new Error("a push was not accepted");
  return { statements, transactions };
}

await measure(1, 0); // warm-up
const alone = await measure(1, 1);
const together = await measure(50, 100);
console.log(`database: ${hub.deps.db.kind}`);
console.log(`one push alone: ${alone.statements} round trips, ${alone.transactions} transaction(s)`);
console.log(`50 pushes together: ${(together.statements / 50).toFixed(2)} round trips and ${(together.transactions / 50).toFixed(2)} transactions per push`);
await hub.close();
