/**
 * A small, safe evaluator for the catalogue's abnormal-rule conditions (checkup-catalogue.md
 * "Condition mini-language"): `value >= 90 && value < 95`, `sbp >= 140 || dbp >= 90`,
 * `grade >= '1+' || value >= 0.3 g/L`, `sex=='male' ? value > 33 : value > 25`. Conditions are
 * compiled once into closures; nothing is ever passed to `eval` or `new Function`. A condition
 * written in prose (z-scores, BI-RADS parsed from text…) does not compile: `compileCondition`
 * returns null and the rule is skipped.
 */
import { unitKey } from "./text.ts";
import { GRADE_RANK, isQualitative } from "./values.ts";

export type Scalar = number | string | null;
export type Vars = Readonly<Partial<Record<Variable, Scalar>>>;
export type Predicate = (vars: Vars) => boolean;

export const VARIABLES = ["value", "sbp", "dbp", "decimal", "grade", "sex", "age"] as const;
export type Variable = (typeof VARIABLES)[number];

type Value = Scalar | boolean;
type Node = (vars: Vars) => Value;
type Token = { kind: "num"; n: number; unit: string | null } | { kind: "str" | "id" | "op"; text: string };

// number [unit] | 'string' | identifier | operator — anything else makes the condition unreadable.
const TOKEN = String.raw`\s*(?:(\d+(?:\.\d+)?)(?:\s+([A-Za-z%][\w/*.[\]{}%]*))?|'([^']*)'|([A-Za-z_]\w*)|(<=|>=|==|!=|&&|\|\||[<>?:()]))`;
const COMPARATORS = ["<", "<=", ">", ">=", "==", "!="];

function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  const re = new RegExp(TOKEN, "y"); // a sticky regex keeps state: one per call
  const s = text.trimEnd();
  while (re.lastIndex < s.length) {
    const m = re.exec(s);
    if (!m) return null;
    if (m[1] !== undefined) tokens.push({ kind: "num", n: Number(m[1]), unit: m[2] ?? null });
    else if (m[3] !== undefined) tokens.push({ kind: "str", text: m[3] });
    else if (m[4] !== undefined) tokens.push({ kind: "id", text: m[4] });
    else tokens.push({ kind: "op", text: m[5] ?? "" });
  }
  return tokens;
}

const isVariable = (s: string): s is Variable => (VARIABLES as readonly string[]).includes(s);

function compare(a: Value, op: string, b: Value): boolean {
  if (typeof a === "number" && typeof b === "number") {
    switch (op) {
      case "<": return a < b;
      case "<=": return a <= b;
      case ">": return a > b;
      case ">=": return a >= b;
      case "==": return a === b;
      default: return a !== b;
    }
  }
  if (typeof a === "string" && typeof b === "string") {
    if (op === "==") return a === b;
    if (op === "!=") return a !== b;
    // Dipstick grades order: negative < trace < 1+ … 4+ (`grade >= '1+'`).
    if (isQualitative(a) && isQualitative(b)) return compare(GRADE_RANK[a], op, GRADE_RANK[b]);
  }
  return false; // a missing value or mixed types never fires a rule
}

/** Compiles one condition, or null when it is outside the grammar (the rule is then skipped). */
export function compileCondition(text: string, canonicalUnit: string | null): Predicate | null {
  const read = tokenize(text);
  if (!read || read.length === 0) return null;
  const tokens: Token[] = read;
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isOp = (t: Token | undefined, ...ops: string[]): boolean => t?.kind === "op" && ops.includes(t.text);
  const fail = (): never => {
    throw new SyntaxError("unreadable condition");
  };

  function primary(): Node {
    const t = tokens[pos++];
    if (!t) return fail();
    if (t.kind === "num") {
      // `0.3 g/L`: a unit is allowed only when it is the entry's canonical unit.
      if (t.unit !== null && (canonicalUnit === null || unitKey(t.unit) !== unitKey(canonicalUnit))) fail();
      return () => t.n;
    }
    if (t.kind === "str") return () => t.text;
    if (t.kind === "id") {
      const name = t.text;
      return isVariable(name) ? (vars) => vars[name] ?? null : fail();
    }
    if (t.text === "(") {
      const inner = ternary();
      if (!isOp(tokens[pos++], ")")) fail();
      return inner;
    }
    return fail();
  }
  function comparison(): Node {
    const left = primary();
    const t = peek();
    if (t?.kind !== "op" || !COMPARATORS.includes(t.text)) return left;
    pos++;
    const op = t.text;
    const right = primary();
    return (vars) => compare(left(vars), op, right(vars));
  }
  function chain(next: () => Node, op: "&&" | "||"): Node {
    let node = next();
    while (isOp(peek(), op)) {
      pos++;
      const [l, r] = [node, next()];
      node = op === "&&" ? (v) => l(v) === true && r(v) === true : (v) => l(v) === true || r(v) === true;
    }
    return node;
  }
  function ternary(): Node {
    const cond = chain(() => chain(comparison, "&&"), "||");
    if (!isOp(peek(), "?")) return cond;
    pos++;
    const yes = ternary();
    if (!isOp(tokens[pos++], ":")) fail();
    const no = ternary();
    return (v) => (cond(v) === true ? yes(v) : no(v));
  }

  try {
    const root = ternary();
    if (pos !== tokens.length) return null;
    return (vars) => root(vars) === true;
  } catch {
    return null;
  }
}
