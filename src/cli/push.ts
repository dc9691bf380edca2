/**
 * `hoso push FILE…`: signs each KHAMSUCKHOE file with the facility's key, pushes it to a hub as
 * the Ministry's API expects, shows progress over many files and prints each receipt.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createHash, createPrivateKey } from "node:crypto";
import { dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { SingleBar, Presets } from "cli-progress";
import { buildPush } from "../intake/push-client.ts";
import { receiptData, type Receipt } from "../intake/receipt.ts";

export interface PushOptions {
  url: string;
  username: string;
  password: string;
  key: string;
  sender: string;
  receiver?: string;
  state?: string;
  organisation?: string;
  kind?: string;
  round?: string;
  team?: string;
  place?: string;
  date?: string;
  doiTuong?: string;
  nguonChiTra?: string;
}

const isSheet = (file: string) => /\.(csv|xlsx)$/i.test(file);

/** A mobile team's spreadsheet goes to `POST /api/batches` with the programme's details. */
export async function pushSheet(url: string, token: string, file: string, o: PushOptions): Promise<string> {
  const q = new URLSearchParams({
    organisation: o.organisation ?? "",
    kind: o.kind ?? "other",
    round: o.round ?? "",
    team: o.team ?? "",
    place: o.place ?? "",
    date: o.date ?? "",
    ...(o.doiTuong ? { doi_tuong: o.doiTuong } : {}),
    ...(o.nguonChiTra ? { nguon_chi_tra: o.nguonChiTra } : {}),
  });
  const res = await fetch(new URL(`/api/batches?${q.toString()}`, url), {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": /\.xlsx$/i.test(file) ? "application/octet-stream" : "text/csv" },
    body: readFileSync(file),
  });
  const body = (await res.json()) as { counts?: Record<string, number>; result_url?: string; status_url?: string; issue?: unknown };
  return `${file}: HTTP ${res.status} ${JSON.stringify(body.counts ?? {})} result ${body.result_url ?? body.status_url ?? "-"}`;
}

/**
 * Resumable pushes: before a file is sent, its msg_id is written to a state file; after, its
 * answer. Run again after an interruption, files already answered are skipped and a file whose
 * answer never came is sent again with the same msg_id — the hub replays, nothing is stored twice.
 */
interface PushState {
  files: Record<string, { sha256: string; msgId: string; answered: boolean; resCode?: string }>;
}

function loadState(path: string): PushState {
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as PushState) : { files: {} };
}

function saveState(path: string, state: PushState): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(state, null, 1));
  renameSync(`${path}.tmp`, path); // atomic: a crash never leaves half a state file
}

export async function login(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(new URL("/api/auth/login", url), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login failed: HTTP ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

export async function pushFile(url: string, token: string, body: string): Promise<{ status: number; receipt: Receipt }> {
  const res = await fetch(new URL("/api/platform/data-sync/push", url), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "service-type": "100" },
    body,
  });
  return { status: res.status, receipt: (await res.json()) as Receipt };
}

export function pushCommand(program: Command): void {
  program
    .command("push")
    .description("push KHAMSUCKHOE files (signed) or mobile-team spreadsheets (.csv/.xlsx) to a hub; one receipt per file")
    .argument("<files...>", "KHAMSUCKHOE XML files, or CSV/XLSX spreadsheets from the template")
    .requiredOption("--url <url>", "hub base URL, e.g. http://127.0.0.1:3000")
    .requiredOption("--username <username>", "facility login")
    .requiredOption("--password <password>", "facility password")
    .requiredOption("--key <file>", "the facility's RSA private key (PEM)")
    .requiredOption("--sender <id>", "sender_id: the facility's 13-digit identifier")
    .option("--receiver <id>", "receiver_id", "TDLBYT")
    .option("--state <file>", "state file for resuming (default: .hoso-push.json beside the first file)")
    .option("--organisation <name>", "spreadsheets: organisation screened (school, company, office)")
    .option("--kind <kind>", "spreadsheets: school | company | office | other", "other")
    .option("--round <round>", "spreadsheets: campaign round")
    .option("--team <team>", "spreadsheets: screening team")
    .option("--place <place>", "spreadsheets: place of the screening")
    .option("--date <date>", "spreadsheets: screening date (dd/mm/yyyy or YYYY-MM-DD)")
    .option("--doi-tuong <codes>", "spreadsheets: DOI_TUONG for rows that leave it blank (;-list)")
    .option("--nguon-chi-tra <code>", "spreadsheets: NGUON_CHI_TRA for rows that leave it blank")
    .action(async (files: string[], o: PushOptions) => {
      const key = createPrivateKey(readFileSync(o.key, "utf8"));
      const token = await login(o.url, o.username, o.password);
      const bar = new SingleBar({ format: "{bar} {value}/{total} files", stream: process.stderr }, Presets.shades_classic);
      bar.start(files.length, 0);
      let failed = 0;
      const lines: string[] = [];
      const statePath = o.state ?? join(dirname(resolve(files[0]!)), ".hoso-push.json");
      const state = loadState(statePath);
      for (const file of files) {
        if (isSheet(file)) {
          lines.push(await pushSheet(o.url, token, file, o));
          bar.increment();
          continue;
        }
        const xml = readFileSync(file);
        const sha256 = createHash("sha256").update(xml).digest("hex");
        const prior = state.files[resolve(file)];
        if (prior?.sha256 === sha256 && prior.answered && prior.resCode === "CM_SUCCESS") {
          lines.push(`${file}: already accepted (msg_id ${prior.msgId}), skipped`);
          bar.increment();
          continue;
        }
        // Same content, no answer yet: reuse its msg_id so the hub replays instead of storing twice.
        const msgId = prior?.sha256 === sha256 ? prior.msgId : undefined;
        const { body, msgId: sent } = buildPush({ senderId: o.sender, receiverId: o.receiver ?? "TDLBYT", xml, key, ...(msgId ? { msgId } : {}) });
        state.files[resolve(file)] = { sha256, msgId: sent, answered: false };
        saveState(statePath, state);
        const { status, receipt } = await pushFile(o.url, token, body);
        state.files[resolve(file)] = { sha256, msgId: sent, answered: true, resCode: receipt.res_code };
        saveState(statePath, state);
        const data = receipt.data ? receiptData(receipt) : null;
        const counts = data?.records.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.outcome]: (acc[r.outcome] ?? 0) + 1 }), {});
        if (status >= 400 || receipt.res_code !== "CM_SUCCESS") failed++;
        lines.push(`${file}: HTTP ${status} ${receipt.res_code} ${JSON.stringify(counts ?? {})} submission ${data?.submission_id ?? "-"}`);
        bar.increment();
      }
      bar.stop();
      process.stdout.write(`${lines.join("\n")}\n`);
      process.exitCode = failed > 0 ? 1 : 0;
    });
}
