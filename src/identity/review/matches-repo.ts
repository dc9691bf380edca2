/** identity_matches: the matcher's automatic decisions at intake, with their score breakdown. */
import { insertMany, type Queryable } from "../../db/port.ts";
import type { MatchResult } from "../match/index.ts";

export async function insertMatches(tx: Queryable, rows: readonly { checkupId: string; match: MatchResult }[]): Promise<void> {
  if (rows.length === 0) return;
  await insertMany(
    tx,
    "identity_matches",
    ["checkup_id", "decision", "personal_id", "score", "result"],
    rows.map((r) => [r.checkupId, r.match.decision, r.match.personalId ?? null, r.match.score, JSON.stringify(r.match)]),
    "ON CONFLICT (checkup_id) DO NOTHING",
  );
}
