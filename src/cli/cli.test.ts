/**
 * The CLI as a facility's developer uses it: real processes through the package's `bin`.
 */
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { writeFileSync } from "node:fs";
import { buildCheckup } from "../../test/factories/checkup.ts";
import { count, createTestHub, envelope } from "../../test/hub.ts";
import { writeTemplateCsv } from "../formats/batch/template.ts";

const run = promisify(execFile);
const BIN = join(import.meta.dirname, "../../bin/hoso.js");
const FIXTURES = join(import.meta.dirname, "../formats/ksk/fixtures");

async function hoso(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: "silent", ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("hoso CLI", () => {
  it("lists every command in --help", async () => {
    const { stdout } = await hoso(["--help"]);
    for (const cmd of ["check", "push", "demo", "facility", "migrate"]) expect(stdout).toContain(cmd);
  });

  it("check: prints each record's verdict and findings, and fails when a record would be rejected", async () => {
    const ok = await hoso(["check", "--lang", "en", join(FIXTURES, "three-hoso-middle-broken.inline.xml")]);
    expect(ok.code).toBe(1);
    expect(ok.stdout).toMatch(/#1 .*rejected/);
    expect(ok.stdout).toMatch(/\[error\] \S+ HOSO\[1\]/);
    const formats = await hoso(["check", "--json",
      join(import.meta.dirname, "../formats/vss/fixtures/three-visits.xml"),
      join(import.meta.dirname, "../formats/fhir/fixtures/document-one-checkup.json")]);
    expect((JSON.parse(formats.stdout) as { records: unknown[] }[]).map((r) => r.records.length)).toEqual([3, 1]);
    const json = await hoso(["check", "--json", join(FIXTURES, "adult.inline.xml")]);
    const report = JSON.parse(json.stdout) as { records: { verdict: string }[] }[];
    expect(report[0]!.records).toHaveLength(1);
  }, 120_000); // several CLI processes, each starting through tsx

  it("check: reads a mobile team's CSV and XLSX sheets row by row, with the programme from the options", async () => {
    const xlsx = join(import.meta.dirname, "../formats/batch/fixtures/team.xlsx");
    const dir = mkdtempSync(join(tmpdir(), "hoso-check-"));
    const csv = join(dir, "team.csv");
    writeFileSync(csv, writeTemplateCsv().replace("Ví dụ,", "1,"));
    const res = await hoso(["check", "--lang", "en", "--facility", "01001", "--organisation", "Trường THCS Kim Mã", "--kind", "school",
      "--round", "2026-D1", "--team", "Đội 3", "--place", "Hà Nội", "--date", "20/11/2026", csv, xlsx]);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/team\.csv: 1 row\(s\)\n {2}row 2 MA_LK=\S+: (ok|warnings)/);
    expect(res.stdout).toMatch(/team\.xlsx: 4 row\(s\)/);
    expect(res.stdout).toMatch(/row 8 MA_LK=\S+: rejected(\n {4}\[\w+\] .*)*\n {4}\[error\] KSK-REQUIRED ROW\[8\]\/XML1\/NGAY_SINH — Required field/);
    const help = await hoso(["check", "--help"]);
    for (const flag of ["--organisation", "--kind", "--round", "--team", "--place", "--date", "--facility"]) expect(help.stdout).toContain(flag);
    const bad = await hoso(["check", "--kind", "zoo", csv]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/school, company, office, other/);
  }, 120_000);

  it("demo writes envelopes that check offline", async () => {
    const out = mkdtempSync(join(tmpdir(), "hoso-demo-"));
    const res = await hoso(["demo", "--out", out, "--count", "6", "--per-file", "3", "--batch", "7"]);
    expect(res.code).toBe(0);
    const files = readdirSync(out).filter((f) => f.endsWith(".xml"));
    expect(files.length).toBeGreaterThan(0);
    const index = JSON.parse(readFileSync(join(out, "index.json"), "utf8")) as { file: string; sender: string }[];
    expect(index.map((i) => i.file).sort()).toEqual(files.sort());
    const checked = await hoso(["check", "--json", ...files.map((f) => join(out, f))]);
    const reports = JSON.parse(checked.stdout) as { records: unknown[] }[];
    expect(reports.reduce((n, r) => n + r.records.length, 0)).toBe(6);
  }, 120_000); // several CLI processes, each starting through tsx

  it("facility add registers a facility on the configured database", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hoso-cli-"));
    const env = { HOSO_DATA_DIR: dir, HOSO_DEMO: "false" };
    const added = await hoso(["facility", "add", "--code", "48001", "--gln", "8930000048001", "--name", "Bệnh viện Đà Nẵng thử", "--province", "48", "--kind", "hospital", "--username", "bv-dn", "--password", "mat-khau-123"], env);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ code: "48001", name: "Bệnh viện Đà Nẵng thử" });
    const again = await hoso(["facility", "add", "--code", "48001", "--name", "X", "--province", "48", "--kind", "hospital", "--username", "other", "--password", "mat-khau-123"], env);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/FACILITY-EXISTS|already registered/);
    const list = await hoso(["facility", "list"], env);
    expect(JSON.parse(list.stdout)).toHaveLength(1);
  }, 120_000); // three processes, each opening the embedded database
});

describe("hoso push", () => {
  it("signs with the facility's key, pushes every file and prints one receipt per file", async () => {
    const hub = await createTestHub();
    try {
      const address = await hub.app.listen({ port: 0, host: "127.0.0.1" });
      const dir = mkdtempSync(join(tmpdir(), "hoso-push-"));
      const keyFile = join(dir, "key.pem");
      writeFileSync(keyFile, hub.facility.privateKey.export({ type: "pkcs8", format: "pem" }));
      const files = ["CLI-1", "CLI-2"].map((maLk) => {
        const f = join(dir, `${maLk}.xml`);
        writeFileSync(f, envelope([buildCheckup({ maLk })]));
        return f;
      });
      const res = await hoso(["push", ...files, "--url", address, "--username", hub.facility.username, "--password", hub.facility.password, "--key", keyFile, "--sender", "8930000000017"]);
      expect(res.code).toBe(0);
      expect(res.stdout.trim().split("\n")).toHaveLength(2);
      expect(res.stdout).toMatch(/CLI-1\.xml: HTTP 200 CM_SUCCESS \{"accepted":1\}/);
      expect(await count(hub, "checkups", "ma_lk IN ('CLI-1', 'CLI-2')")).toBe(2);

      // Run again: both were accepted, nothing is sent.
      const args = ["push", ...files, "--url", address, "--username", hub.facility.username, "--password", hub.facility.password, "--key", keyFile, "--sender", "8930000000017"];
      const again = await hoso(args);
      expect(again.stdout.match(/already accepted/g)).toHaveLength(2);
      // Interrupted before the answer of CLI-2 came: it is sent again with the same msg_id and replayed.
      const statePath = join(dir, ".hoso-push.json");
      const state = JSON.parse(readFileSync(statePath, "utf8")) as { files: Record<string, { answered: boolean; msgId: string }> };
      const second = state.files[files[1]!]!;
      second.answered = false;
      writeFileSync(statePath, JSON.stringify(state));
      const resumed = await hoso(args);
      expect(resumed.stdout).toMatch(/CLI-2\.xml: HTTP 200 CM_SUCCESS/);
      expect(await count(hub, "submissions", `msg_id = '${second.msgId}'`)).toBe(1);
      expect(await count(hub, "checkups", "ma_lk IN ('CLI-1', 'CLI-2')")).toBe(2);

      // A mobile team's spreadsheet, with the programme's details.
      const sheet = join(dir, "team.csv");
      writeFileSync(sheet, writeTemplateCsv().replace("Ví dụ,", "1,"));
      const team = await hoso(["push", sheet, "--url", address, "--username", hub.facility.username, "--password", hub.facility.password,
        "--key", keyFile, "--sender", "8930000000017", "--organisation", "Trường THCS Ba Đình", "--kind", "school", "--round", "2026-D1",
        "--team", "Đội 1", "--place", "Ba Đình", "--date", "20/11/2026", "--doi-tuong", "6", "--nguon-chi-tra", "1"]);
      expect(team.stdout).toMatch(/team\.csv: HTTP 200 \{"(accepted|review)":1\} result \/api\/batches\/[0-9a-f-]+\/result/);
    } finally {
      await hub.close();
    }
  }, 120_000);
});
