import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { importRegistryFile } from "./registry-import.ts";
import { lookupRegistry } from "./registry-repo.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.drop());

const dir = mkdtempSync(join(tmpdir(), "hoso-registry-"));

describe("registry import", () => {
  it("imports good CSV rows and reports each bad row by line and field, without its value", async () => {
    const file = join(dir, "people.csv");
    writeFileSync(
      file,
      "\uFEFFpersonal_id,full_name,birth_date,sex,province_code,commune_code\n" +
        "001090012345,Nguyễn Văn An,1990-05-12,1,01,00004\n" +
        "12345,Trần Thị Bình,1991-01-01,2,01,\n" +
        "001091000001,Lê Văn Cường,1991-13-40,1,01,\n" +
        "\n" +
        "079190000002,Phạm Thị Dung,1990-02-03,2,99,\n" +
        "079190000003,Võ Thị Em,1985-07-08,2,79,\n",
    );
    const r = await importRegistryFile(t.db, file);
    expect(r.imported).toBe(2);
    expect(r.rejected).toBe(3);
    expect(r.problems.map((p) => [p.line, p.field])).toEqual([
      [3, "personal_id"],
      [4, "birth_date"],
      [6, "province_code"],
    ]);
    expect(JSON.stringify(r.problems)).not.toMatch(/Trần|Lê Văn|12345/);
    const found = await lookupRegistry(t.db, ["001090012345", "079190000003"]);
    expect(found.get("001090012345")?.fullName).toBe("Nguyễn Văn An");
    expect(found.size).toBe(2);
  });

  it("imports NDJSON, reporting lines that are not JSON objects", async () => {
    const file = join(dir, "people.ndjson");
    writeFileSync(
      file,
      [
        JSON.stringify({ personal_id: "048180000004", full_name: "Đặng Văn Phúc", birth_date: "2018-04-05", sex: "1", province_code: "48", guardian_personal_id: "048085000005" }),
        "{not json",
        JSON.stringify([1, 2]),
        JSON.stringify({ personal_id: "048085000005", full_name: "Đặng Văn Giang", birth_date: "1985-09-09", sex: "1" }),
      ].join("\n"),
    );
    const r = await importRegistryFile(t.db, file);
    expect(r).toMatchObject({ imported: 2, rejected: 2 });
    expect(r.problems.map((p) => p.line)).toEqual([2, 3]);
  });
});
