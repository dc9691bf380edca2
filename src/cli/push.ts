/**
 * `hoso push FILE…`: signs each KHAMSUCKHOE file with the facility's key, pushes it to a hub as
 * the Ministry's API expects, shows progress over many files and prints each receipt.
 */
import { readFileSync } from "node:fs";
import { createPrivateKey } from "node:crypto";
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
    .description("sign and push KHAMSUCKHOE files to a hub; prints one receipt per file")
    .argument("<files...>", "KHAMSUCKHOE XML files")
    .requiredOption("--url <url>", "hub base URL, e.g. http://127.0.0.1:3000")
    .requiredOption("--username <username>", "facility login")
    .requiredOption("--password <password>", "facility password")
    .requiredOption("--key <file>", "the facility's RSA private key (PEM)")
    .requiredOption("--sender <id>", "sender_id: the facility's 13-digit identifier")
    .option("--receiver <id>", "receiver_id", "TDLBYT")
    .action(async (files: string[], o: PushOptions) => {
      const key = createPrivateKey(readFileSync(o.key, "utf8"));
      const token = await login(o.url, o.username, o.password);
      const bar = new SingleBar({ format: "{bar} {value}/{total} files", stream: process.stderr }, Presets.shades_classic);
      bar.start(files.length, 0);
      let failed = 0;
      const lines: string[] = [];
      for (const file of files) {
        const { body } = buildPush({ senderId: o.sender, receiverId: o.receiver ?? "TDLBYT", xml: readFileSync(file), key });
        const { status, receipt } = await pushFile(o.url, token, body);
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
