/**
 * `hoso registry changes FILE`: applies the population registry's change feed (NDJSON, one event a
 * line) to the embedded registry — name changes, deaths, re-issued personal IDs (the cancelled
 * number kept as history and followed by the matcher), old 9-digit ID cards, guardian links.
 * Each bad line is reported by number and skipped; each event is its own transaction.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { z } from "zod";
import type { Db } from "../db/port.ts";
import { addFormerId, linkGuardian, logChange, recordDeath, reissueId, renamePerson } from "./registry-changes-repo.ts";
import type { ImportReport } from "./registry-import.ts";

const id12 = z.string().regex(/^\d{12}$/, "12 digits");
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

export const changeSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("name_change"), personal_id: id12, full_name: z.string().trim().min(1).max(255) }),
  z.object({ type: z.literal("death"), personal_id: id12, died_on: date }),
  z.object({ type: z.literal("id_reissue"), old_personal_id: id12, new_personal_id: id12, on: date.optional() }),
  z.object({ type: z.literal("old_id_card"), personal_id: id12, old_id: z.string().regex(/^\d{9}$/, "9 digits") }),
  z.object({ type: z.literal("guardian_link"), personal_id: id12, guardian_personal_id: id12 }),
]);
export type RegistryChange = z.infer<typeof changeSchema>;

export async function applyChange(db: Db, c: RegistryChange): Promise<boolean> {
  return db.transaction(async (tx) => {
    let ok: boolean;
    let who: string;
    switch (c.type) {
      case "name_change":
        ok = await renamePerson(tx, c.personal_id, c.full_name.normalize("NFC"));
        who = c.personal_id;
        break;
      case "death":
        ok = await recordDeath(tx, c.personal_id, c.died_on);
        who = c.personal_id;
        break;
      case "id_reissue":
        ok = await reissueId(tx, c.old_personal_id, c.new_personal_id, c.on ?? null);
        who = c.new_personal_id;
        break;
      case "old_id_card":
        await addFormerId(tx, c.old_id, c.personal_id, "old-id-card", null);
        ok = true;
        who = c.personal_id;
        break;
      case "guardian_link":
        ok = await linkGuardian(tx, c.personal_id, c.guardian_personal_id);
        who = c.personal_id;
        break;
    }
    if (ok) await logChange(tx, who, c.type);
    return ok;
  });
}

export async function applyChangeFile(db: Db, file: string): Promise<ImportReport> {
  const report: ImportReport = { imported: 0, rejected: 0, problems: [] };
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity })) {
    line++;
    if (!text.trim()) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      report.rejected++;
      report.problems.push({ line, field: "", message: "not JSON" });
      continue;
    }
    const parsed = changeSchema.safeParse(raw);
    if (!parsed.success) {
      report.rejected++;
      report.problems.push(...parsed.error.issues.map((i) => ({ line, field: i.path.join("."), message: i.message })));
      continue;
    }
    if (await applyChange(db, parsed.data)) report.imported++;
    else {
      report.rejected++;
      report.problems.push({ line, field: "personal_id", message: "no such person in the registry" });
    }
  }
  return report;
}
