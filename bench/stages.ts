/**
 * CPU time per push of each pure stage of the intake path, in-process and without a database, on the
 * same bench bodies: what the hub's main thread must do at the least for one push. Each stage runs
 * alone in a hot loop, so these are lower bounds; what the hub spends per push beyond their sum is
 * the database driver and its round trips, Fastify, logging and GC (see docs/benchmarks.md).
 */
import { createHash } from "node:crypto";
import { generateKeyPairSync } from "node:crypto";
import { issueAccessToken, verifyAccessToken } from "../src/access/tokens.ts";
import { createChecks } from "../src/intake/pipeline.ts";
import { readPushBody, type PushEnvelope } from "../src/intake/push-envelope.ts";
import { buildReceipt, RES_CODES } from "../src/intake/receipt.ts";
import { verifyPush } from "../src/intake/signature.ts";
import { recordText } from "../src/record/record-text.ts";
import type { CheckupRecord } from "../src/checkup/model.ts";
import { facilityCheckups, signedBody, type Workload } from "./workload.ts";

export interface StageCost {
  stage: string;
  /** Microseconds of CPU per push. */
  us: number;
}

export async function measureStages(w: Workload, count: number): Promise<StageCost[]> {
  const f = w.facilities[0]!;
  const pipeline = createChecks();
  const bodies = Array.from(facilityCheckups(w, f, count), (c) => signedBody(f, c).toString("utf8"));
  const envelopes = bodies.map((b) => (readPushBody(b, ["TDLBYT"]) as { envelope: PushEnvelope }).envelope);
  const xmls = envelopes.map((e) => Buffer.from(e.data, "base64"));
  const records: CheckupRecord[] = xmls.map((x) => pipeline.parse(x).records[0]!.record);
  const checked = records.map((r) => pipeline.check(r, { now: w.now, receivedAt: w.now }).record);
  const hubKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
  const jwtKey = new Uint8Array(32).fill(7);
  const token = await issueAccessToken(jwtKey, { accountId: "a", role: "facility", facilityId: "f", scopeProvince: null }, 3600, w.now);

  const sync: [string, (i: number) => unknown][] = [
    ["read push body: JSON, header, base64 check (the hub does it twice)", (i) => readPushBody(bodies[i]!, ["TDLBYT"])],
    ["sha256 of the raw body", (i) => createHash("sha256").update(bodies[i]!).digest("hex")],
    ["verify the push signature (PEM parse + RSA verify)", (i) => verifyPush(f.publicKeyPem, envelopes[i]!.headerJson, envelopes[i]!.data, envelopes[i]!.signature)],
    ["parse KHAMSUCKHOE (base64 blocks, XML)", (i) => pipeline.parse(xmls[i]!)],
    ["normalise + check", (i) => pipeline.check(records[i]!, { now: w.now, receivedAt: w.now })],
    ["content hash + record JSON for storage", (i) => recordText(checked[i]!)],
  ];
  const out: StageCost[] = sync.map(([stage, fn]) => ({ stage, us: timeLoop(count, fn) }));
  // Signed on libuv's thread pool (signature.ts): CPU of the process, not of the event loop.
  out.push({ stage: "signed answer (RSA sign, thread pool)", us: await timeLoopAsync(count, (i) => buildReceipt({ hubId: "TDLBYT", receiverId: f.gln,
    refMsgId: envelopes[i]!.header.msg_id, resCode: RES_CODES.success, message: { vi: "", en: "" },
    data: { submission_id: null, status: "done", status_url: null, records: [], findings: [] }, now: w.now, key: hubKey })) });
  out.push({ stage: "verify the access token (jose HS256, not yet remembered)", us: await timeLoopAsync(count, () => verifyAccessToken(jwtKey, token, w.now)) });
  return out;
}

/** CPU time, not wall time: other load on the machine then barely moves the figures. */
function cpuMicros(since?: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return u.user + u.system;
}

function timeLoop(count: number, fn: (i: number) => unknown): number {
  for (let i = 0; i < Math.min(count, 50); i++) fn(i); // warm the JIT
  const t0 = process.cpuUsage();
  for (let i = 0; i < count; i++) fn(i);
  return Math.round(cpuMicros(t0) / count);
}

async function timeLoopAsync(count: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(count, 50); i++) await fn(i);
  const t0 = process.cpuUsage();
  for (let i = 0; i < count; i++) await fn(i);
  return Math.round(cpuMicros(t0) / count);
}
