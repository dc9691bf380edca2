/**
 * The database port (after Kysely's dialects): four methods, one SQL text for every driver.
 * Adapters return `date` columns as `YYYY-MM-DD` strings and counts as numbers. Values are only
 * ever bound parameters, built with the `sql` tagged template.
 */

export interface SqlQuery {
  text: string;
  values: unknown[];
}

export type Row = Record<string, unknown>;

export interface Queryable {
  query<T = Row>(q: SqlQuery): Promise<T[]>;
  exec(text: string): Promise<void>;
}

export interface Db extends Queryable {
  /** Runs `fn` in one transaction; rolls back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly kind: "pglite" | "postgres";
}

const RAW = Symbol("raw");
export interface RawFragment {
  [RAW]: string;
}
export type Fragment = SqlQuery & { fragment: true };

/** A trusted SQL fragment (identifiers from code, never from input). */
export const raw = (text: string): RawFragment => ({ [RAW]: text });

function isRaw(v: unknown): v is RawFragment {
  return typeof v === "object" && v !== null && RAW in v;
}
function isFragment(v: unknown): v is Fragment {
  return typeof v === "object" && v !== null && (v as Fragment).fragment === true;
}

/** `sql\`SELECT … WHERE id = ${id}\`` → `{ text: "… $1", values: [id] }`; fragments nest. */
export function sql(strings: TemplateStringsArray, ...params: unknown[]): Fragment {
  let text = strings[0] ?? "";
  const values: unknown[] = [];
  params.forEach((p, i) => {
    if (isRaw(p)) text += p[RAW];
    else if (isFragment(p)) {
      text += p.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + values.length}`);
      values.push(...p.values);
    } else {
      values.push(p);
      text += `$${values.length}`;
    }
    text += strings[i + 1] ?? "";
  });
  return { text, values, fragment: true };
}

/** Joins fragments with a separator, e.g. the rows of a multi-row INSERT. */
export function join(parts: Fragment[], separator = ", "): Fragment {
  const values: unknown[] = [];
  const texts = parts.map((p) => {
    const t = p.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + values.length}`);
    values.push(...p.values);
    return t;
  });
  return { text: texts.join(separator), values, fragment: true };
}

/** Most parameters in one statement (PostgreSQL's limit is 65,535). */
const MAX_PARAMETERS = 60_000;

/** Multi-row INSERT in chunks that stay under PostgreSQL's 65,535-parameter limit. */
export async function insertMany(
  db: Queryable,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  suffix = "",
): Promise<void> {
  const perChunk = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let start = 0; start < rows.length; start += perChunk) {
    await db.query(valuesInsert(table, columns, rows.slice(start, start + perChunk), suffix)!);
  }
}

/**
 * One multi-row `INSERT … VALUES` (null for no rows), to run alone or with others (`runTogether`);
 * null too when the rows need more parameters than one statement takes: the caller then uses
 * `insertMany`, which splits them. Large text values (a 25 KB record) are cheaper as their own
 * parameters than inside an array literal, where every quote must be escaped and unescaped.
 */
export function valuesInsert(table: string, columns: readonly string[], rows: readonly unknown[][], suffix = ""): SqlQuery | null {
  if (rows.length === 0 || rows.length * columns.length > MAX_PARAMETERS) return null;
  const values: unknown[] = [];
  const tuples = rows.map((r) => {
    const ps = r.map((v) => {
      values.push(v);
      return `$${values.length}`;
    });
    return `(${ps.join(",")})`;
  });
  return { text: `INSERT INTO ${table} (${columns.join(",")}) VALUES ${tuples.join(",")} ${suffix}`, values };
}

/**
 * INSERT of many rows as one array parameter per column (`unnest`), for the wide, many-row tables
 * (observations): a fixed, short statement whatever the row count, instead of one parameter per
 * value. Fewer parameters is what both drivers pay for (PGlite encodes each one in JavaScript),
 * and PostgreSQL parses and plans one small statement. Values travel as text and are cast to the
 * column's type; a `text[]` column's value is written as an array literal first.
 */
export async function insertColumns(
  db: Queryable,
  table: string,
  columns: readonly (readonly [name: string, type: string])[],
  rows: readonly unknown[][],
): Promise<void> {
  const ROWS_PER_STATEMENT = 5000;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    await db.query(columnsInsert(table, columns, rows.slice(start, start + ROWS_PER_STATEMENT))!);
  }
}

/** The statement `insertColumns` runs, to run alone or with others (`runTogether`); null for no rows. */
export function columnsInsert(
  table: string,
  columns: readonly (readonly [name: string, type: string])[],
  rows: readonly unknown[][],
): SqlQuery | null {
  if (rows.length === 0) return null;
  return literalColumnsInsert(table, columns, columns.map((_, c) => arrayLiteral([arrayElements(rows.map((r) => r[c]))])));
}

/**
 * The same statement from each column's array literal, written by the caller (`arrayLiteral`):
 * the driver then sends one string per column instead of converting a JavaScript array itself,
 * and parts rendered earlier (off the event loop: store.ts) are only joined.
 */
export function literalColumnsInsert(table: string, columns: readonly (readonly [name: string, type: string])[], literals: readonly string[]): SqlQuery {
  const names = columns.map(([n]) => n).join(",");
  return {
    text: `INSERT INTO ${table} (${names}) SELECT ${columns.map(([n, t]) => `u.${n}::${t}`).join(",")}
    FROM unnest(${columns.map((_, i) => `$${i + 1}::text[]`).join(",")}) AS u(${names})`,
    values: [...literals],
  };
}

/** Values as the elements of a PostgreSQL array literal, comma-separated, without the braces. */
export function arrayElements(values: readonly unknown[]): string {
  return values.map(arrayElement).join(",");
}

/** Element lists (`arrayElements`) as one array literal; empty lists add nothing. */
export function arrayLiteral(parts: readonly string[]): string {
  return `{${parts.filter((p) => p !== "").join(",")}}`;
}

/** One element: NULL, or the value's text in double quotes with `"` and `\` escaped. */
function arrayElement(v: unknown): string {
  const text = asText(v);
  if (text === null) return "NULL";
  return `"${/["\\]/.test(text) ? text.replace(/["\\]/g, "\\$&") : text}"`;
}

/**
 * Several writes as one statement (`WITH w0 AS (…), w1 AS (…) SELECT 1`): one round trip instead
 * of one each. Inside a transaction each round trip waits its turn on the event loop, which is busy
 * with other requests, so fewer of them is what shortens the transaction (docs/benchmarks.md).
 * The writes share one snapshot: none may need to see another's rows (PostgreSQL runs them all,
 * in an unspecified order). Null entries are skipped.
 */
export async function runTogether(db: Queryable, statements: readonly (SqlQuery | null)[]): Promise<void> {
  const present = statements.filter((s): s is SqlQuery => s !== null);
  if (present.length <= 1) {
    if (present[0]) await db.query(present[0]);
    return;
  }
  const parts = join(present.map((s, i) => ({ text: `w${i} AS (${s.text})`, values: s.values, fragment: true as const })), ",\n");
  await db.query({ text: `WITH ${parts.text}\nSELECT 1`, values: parts.values });
}

/**
 * One statement of `readTogether`: the CTEs it needs (`name AS (…)`, named apart from every other
 * part's) and the SELECT of its rows (which may read a data-modifying CTE's RETURNING).
 */
export interface ReadPart {
  with?: Fragment[];
  select: Fragment;
}

/** The name a later `readTogether` part uses for the rows of part `i` (a part before it). */
export const partName = (i: number): RawFragment => raw(`r${i}`);

/**
 * Several reads — and writes whose rows come back with RETURNING — as one statement: one round
 * trip instead of one each (see `runTogether`). Each part's rows come back in order, as objects
 * from JSON (so uuid, text and numbers as JSON gives them); a null part gives none. The parts
 * share one snapshot and run in the order given (the branches of one UNION ALL), so row locks
 * are taken in that order.
 */
export async function readTogether(db: Queryable, parts: readonly (ReadPart | null)[]): Promise<Row[][]> {
  const out: Row[][] = parts.map(() => []);
  const present = parts.flatMap((p, i) => (p ? [{ p, name: partName(i), i }] : []));
  if (present.length === 0) return out;
  const ctes = present.flatMap(({ p, name }) => [...(p.with ?? []), sql`${name} AS (${p.select})`]);
  const selects = present.map(({ name, i }) => sql`SELECT ${raw(String(i))} AS part, to_json(${name}) AS row FROM ${name}`);
  const rows = await db.query<{ part: number; row: Row }>(sql`WITH ${join(ctes, ",\n")}\n${join(selects, "\nUNION ALL\n")}`);
  for (const r of rows) out[r.part]!.push(r.row);
  return out;
}

function asText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return arrayLiteral([arrayElements(v.map((e) => (e === undefined || e === null ? null : String(e))))]);
  return JSON.stringify(v);
}
