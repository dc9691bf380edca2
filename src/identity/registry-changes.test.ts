import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCheckup } from "../../test/factories/checkup.ts";
import { count, createTestHub, envelope, push, type TestHub } from "../../test/hub.ts";
import { applyChangeFile } from "./registry-changes.ts";
import { lookupRegistry } from "./registry-repo.ts";

let hub: TestHub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(async () => hub.close());

describe("the registry's change feed", () => {
  it("applies name changes, deaths, guardian links and re-issued IDs; bad lines are reported by number", async () => {
    await push(hub, envelope([buildCheckup({ maLk: "BEFORE-REISSUE" })]));
    const file = join(mkdtempSync(join(tmpdir(), "hoso-changes-")), "changes.ndjson");
    writeFileSync(file, [
      JSON.stringify({ type: "name_change", personal_id: "001316004321", full_name: "Trần Thị Bình An" }),
      JSON.stringify({ type: "death", personal_id: "001223001111", died_on: "2026-10-01" }),
      JSON.stringify({ type: "guardian_link", personal_id: "001223001111", guardian_personal_id: "001090012345" }),
      "{oops",
      JSON.stringify({ type: "id_reissue", old_personal_id: "001090012345", new_personal_id: "001090054321", on: "2026-11-01" }),
      JSON.stringify({ type: "death", personal_id: "999999999999", died_on: "2026-10-01" }),
      JSON.stringify({ type: "unknown_kind", personal_id: "001090012345" }),
    ].join("\n"));
    const r = await applyChangeFile(hub.deps.db, file);
    expect(r.imported).toBe(4);
    expect(r.problems.map((p) => p.line)).toEqual([4, 6, 7]);
    const found = await lookupRegistry(hub.deps.db, ["001316004321", "001090054321", "001090012345"]);
    expect(found.get("001316004321")?.fullName).toBe("Trần Thị Bình An");
    expect(found.has("001090054321")).toBe(true);
    expect(found.has("001090012345")).toBe(false);
    // The citizen's book follows the new number: the person row moved with it.
    expect(await count(hub, "persons", "personal_id = '001090054321'")).toBe(1);
  });

  it("links a check-up sent with the cancelled number to the person's new one", async () => {
    await hub.pipeline.matcher.refresh();
    const r = await push(hub, envelope([buildCheckup({ maLk: "OLD-NUMBER" })])); // still carries 001090012345
    expect(r.data.records[0]!.outcome).toBe("accepted");
    const owner = await hub.deps.db.query<{ personal_id: string }>({
      text: "SELECT p.personal_id FROM checkups c JOIN persons p USING (person_id) WHERE c.ma_lk = 'OLD-NUMBER'",
      values: [],
    });
    expect(owner[0]!.personal_id).toBe("001090054321");
  });
});
