/**
 * Crash safety of the push, end to end (design.md invariants 1 and 2): the real hub process is
 * killed with SIGKILL while a facility streams pushes, then started again on the same database.
 * Every push that got a success answer must be stored exactly once and replay its identical answer;
 * every push that got no answer must be safe to send again and end stored exactly once. Runs on
 * PGlite by default and on PostgreSQL with TEST_DATABASE_URL.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPush } from "../src/intake/push-client.ts";
import { buildCheckup, moment } from "./factories/checkup.ts";
import { envelope } from "./hub.ts";
import { startHub, type HubProcess } from "./crash/hub-process.ts";
import { addFacilityByCli, freshStore, type CliFacility, type CrashStore } from "./crash/store.ts";

const PUSHES = 120;
const KILL_AFTER_ACKS = 30;
const CONCURRENCY = 6;
/** A submission being processed when the hub died keeps its 30 s lease; the worker then takes it over. */
const SETTLE_MS = 50_000;

interface Sent {
  msgId: string;
  maLk: string;
  body: string;
  /** Sent before the crash (it may or may not have been stored). */
  tried: boolean;
  answer: { status: number; text: string } | null;
}

let store: CrashStore;
let facility: CliFacility;
let hub: HubProcess | null = null;

beforeAll(async () => {
  store = await freshStore();
  facility = await addFacilityByCli(store);
});
afterAll(async () => {
  await hub?.stop();
  await store?.drop();
});

describe("reliability: the hub is killed mid-stream and restarted", () => {
  it("stores every acknowledged push exactly once and lets unanswered pushes be re-sent safely", { timeout: 120_000 }, async () => {
    const sent = buildPushes(facility);
    hub = await startHub(store.env, join(store.dir, "hub-1.log"));
    await streamUntilKilled(hub, await login(hub), sent);

    const acked = sent.filter((s) => s.answer?.status === 200);
    const pending = sent.filter((s) => s.answer?.status !== 200);
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    // Some died in flight (the case that matters), others were never sent.
    expect(pending.filter((s) => s.tried).length).toBeGreaterThan(0);
    expect(pending.filter((s) => !s.tried).length).toBeGreaterThan(0);
    for (const s of acked) expect(JSON.parse(s.answer!.text)).toMatchObject({ res_code: "CM_SUCCESS" });

    hub = await startHub(store.env, join(store.dir, "hub-2.log"));
    const api = client(hub, await login(hub));

    // Acknowledged before the crash: stored, and a re-push replays the very same signed answer.
    for (const s of acked) {
      const status = await api.get<SubmissionStatus>(`/api/submissions?msg_id=${s.msgId}`);
      expect(status).toMatchObject({ status: "done", records: [{ ma_lk: s.maLk, outcome: "accepted", version: 1 }] });
      const again = await api.push(s.body);
      expect(again.status).toBe(200);
      expect(JSON.parse(again.text)).toEqual(JSON.parse(s.answer!.text));
    }

    // No answer (died in flight, or never sent): two copies at once, each answered without error.
    const answers = await Promise.all(pending.map((s) => Promise.all([api.push(s.body), api.push(s.body)])));
    for (const a of answers.flat()) expect([200, 202]).toContain(a.status);
    await settle(api, pending);
    for (const s of pending) {
      const status = await api.get<SubmissionStatus>(`/api/submissions?msg_id=${s.msgId}`);
      expect(status).toMatchObject({ status: "done", records: [{ ma_lk: s.maLk, outcome: "accepted" }] });
      const again = await api.push(s.body);
      expect(again.status).toBe(200);
      expect(JSON.parse(again.text)).toEqual(status.response);
    }

    // Exactly once: one version per check-up, one submission per msg_id, nothing else stored.
    for (const s of sent) {
      const versions = await api.get<{ versions: { version: number; status: string }[] }>(`/api/checkups/${s.maLk}`);
      expect(versions.versions).toEqual([expect.objectContaining({ version: 1, status: "current" })]);
    }
    const list = await api.get<{ msg_id: string | null }[]>("/api/submissions?limit=500");
    const stored = list.flatMap((r) => (r.msg_id ? [r.msg_id] : [])).sort();
    expect(stored).toEqual(sent.map((s) => s.msgId).sort());
  });
});

interface SubmissionStatus {
  status: string;
  records: { ma_lk: string; outcome: string; version: number | null }[];
  response: unknown;
}

/** Exam two hours ago in Vietnam (UTC+7), so no push is flagged late or in the future. */
function recentExam() {
  return moment(new Date(Date.now() - 2 * 3_600_000 + 7 * 3_600_000).toISOString().slice(0, 16));
}

function buildPushes(f: CliFacility): Sent[] {
  const examTime = recentExam();
  return Array.from({ length: PUSHES }, (_, i) => {
    const maLk = `CRASH-${String(i).padStart(4, "0")}`;
    const { body, msgId } = buildPush({ senderId: f.gln, xml: envelope([buildCheckup({ maLk, examTime })]), key: f.privateKey });
    return { msgId, maLk, body, tried: false, answer: null };
  });
}

/** Streams pushes with a few in flight; SIGKILLs the hub as the KILL_AFTER_ACKS-th success arrives. */
async function streamUntilKilled(hub: HubProcess, token: string, sent: Sent[]): Promise<void> {
  const api = client(hub, token);
  let next = 0;
  let acks = 0;
  let killed: Promise<void> | null = null;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (!killed && next < sent.length) {
        const s = sent[next++]!;
        s.tried = true;
        try {
          s.answer = await api.push(s.body);
          if (s.answer.status === 200 && ++acks === KILL_AFTER_ACKS) killed = hub.kill();
        } catch {
          // The hub died with this push in flight: no answer.
        }
      }
    }),
  );
  await killed;
}

async function settle(api: Api, pending: readonly Sent[]): Promise<void> {
  const until = Date.now() + SETTLE_MS;
  let open = [...pending];
  while (open.length > 0 && Date.now() < until) {
    const states = await Promise.all(open.map((s) => api.get<SubmissionStatus>(`/api/submissions?msg_id=${s.msgId}`)));
    open = open.filter((_, i) => states[i]!.status !== "done");
    if (open.length > 0) await new Promise((r) => setTimeout(r, 500));
  }
  expect(open.map((s) => s.maLk)).toEqual([]);
}

async function login(hub: HubProcess): Promise<string> {
  const res = await fetch(`${hub.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: facility.username, password: facility.password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}\n${hub.logTail()}`);
  return ((await res.json()) as { token: string }).token;
}

interface Api {
  push(body: string): Promise<{ status: number; text: string }>;
  get<T>(path: string): Promise<T>;
}

function client(hub: HubProcess, token: string): Api {
  const auth = { authorization: `Bearer ${token}` };
  return {
    async push(body) {
      const res = await fetch(`${hub.url}/api/platform/data-sync/push`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json", "service-type": "100" },
        body,
      });
      return { status: res.status, text: await res.text() };
    },
    async get<T>(path: string) {
      const res = await fetch(`${hub.url}${path}`, { headers: auth });
      if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
  };
}
