/**
 * HOSO_PROCESSES (PostgreSQL only): the hub runs as several processes sharing one port. Pushes
 * are answered whichever process takes them, a process that dies is replaced, and the whole
 * cluster stops on SIGTERM.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPush } from "../src/intake/push-client.ts";
import { receiptData, type Receipt } from "../src/intake/receipt.ts";
import { buildCheckup } from "./factories/checkup.ts";
import { envelope } from "./hub.ts";
import { startHub, type HubProcess } from "./crash/hub-process.ts";
import { addFacilityByCli, freshStore, type CliFacility, type CrashStore } from "./crash/store.ts";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

/** The hub processes forked by `pid` (not tsx's esbuild service, also its child). */
function childrenOf(pid: number): number[] {
  return readdirSync("/proc").filter((d) => /^\d+$/.test(d)).flatMap((d) => {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      return ppid === pid && readFileSync(`/proc/${d}/cmdline`, "utf8").includes("src/main.ts") ? [Number(d)] : [];
    } catch {
      return [];
    }
  });
}

async function until<T>(what: () => T, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = what();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!onPostgres)("several hub processes on one port", () => {
  let store: CrashStore;
  let facility: CliFacility;
  let hub: HubProcess;
  let token: string;

  beforeAll(async () => {
    store = await freshStore();
    facility = await addFacilityByCli(store);
    hub = await startHub({ ...store.env, HOSO_PROCESSES: "2" }, join(store.dir, "hub.log"));
    const res = await fetch(`${hub.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: facility.username, password: facility.password }),
    });
    token = ((await res.json()) as { token: string }).token;
  }, 120_000);
  afterAll(async () => {
    await hub?.stop();
    await store?.drop();
  });

  const pushAll = (maLks: string[]) =>
    Promise.all(maLks.map(async (maLk) => {
      const { body } = buildPush({ senderId: facility.gln, xml: envelope([buildCheckup({ maLk })]), key: facility.privateKey });
      const res = await fetch(`${hub.url}/api/platform/data-sync/push`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "service-type": "100" },
        body,
      });
      const receipt = (await res.json()) as Receipt;
      return `${res.status} ${receiptData(receipt).records[0]?.outcome}`;
    }));

  it("runs the set number of processes and answers pushes from any of them", async () => {
    expect((await until(() => childrenOf(hub.pid), (c) => c.length === 2)).length).toBe(2);
    const answers = await pushAll(Array.from({ length: 20 }, (_, i) => `CLUSTER-${i}`));
    expect(answers).toEqual(Array(20).fill("200 accepted"));
  }, 60_000);

  it("replaces a process that dies, and keeps answering", async () => {
    const [victim] = childrenOf(hub.pid);
    process.kill(victim!, "SIGKILL");
    const after = await until(() => childrenOf(hub.pid), (c) => c.length === 2 && !c.includes(victim!));
    expect(after).toHaveLength(2);
    expect(after).not.toContain(victim);
    expect(await pushAll(["CLUSTER-AFTER-1", "CLUSTER-AFTER-2"])).toEqual(["200 accepted", "200 accepted"]);
  }, 60_000);
});
