/**
 * A hub for HTTP tests: fresh database, the real pipeline and app (no port: `app.inject()`), one
 * registered facility with its key, a registry holding the factory's citizens, and helpers that
 * push the way a facility's software does.
 */
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/app.ts";
import { createPipeline } from "../src/intake/pipeline.ts";
import type { Pipeline } from "../src/intake/process.ts";
import { buildPush } from "../src/intake/push-client.ts";
import { receiptData, type Receipt } from "../src/intake/receipt.ts";
import { writeKsk, type WriteKskOptions } from "../src/formats/ksk/write.ts";
import { upsertRegistryPersons } from "../src/identity/registry-repo.ts";
import type { CheckupRecord } from "../src/checkup/model.ts";
import { createTestDeps, type TestDeps } from "./deps.ts";
import { createFacility, type TestFacility } from "./factories/facility.ts";

export interface TestHub {
  deps: TestDeps;
  pipeline: Pipeline;
  app: FastifyInstance;
  facility: TestFacility;
  token: string;
  close(): Promise<void>;
}

export const REGISTRY = [
  { personalId: "001090012345", fullName: "Nguyễn Văn An", birthDate: "1990-05-12", sex: "1" },
  { personalId: "001316004321", fullName: "Trần Thị Bình", birthDate: "2016-03-02", sex: "2" },
  { personalId: "001223001111", fullName: "Lê Minh Đức", birthDate: "2023-06-15", sex: "1" },
];

export async function createTestHub(env: Record<string, string> = {}): Promise<TestHub> {
  const deps = await createTestDeps(env);
  const pipeline = createPipeline(deps);
  const app = await buildApp(deps, pipeline);
  const facility = await createFacility(deps, { code: "01013", gln: "8930000000017" });
  await upsertRegistryPersons(
    deps.db,
    REGISTRY.map((p) => ({ ...p, provinceCode: "01", communeCode: "00004", address: null, ethnicity: "01", phone: null, guardianPersonalId: null })),
  );
  await pipeline.matcher.refresh();
  const token = await loginAs(app, facility.username, facility.password);
  return {
    deps,
    pipeline,
    app,
    facility,
    token,
    async close() {
      await app.close();
      await pipeline.reader.close();
      await deps.testDb.drop();
    },
  };
}

export async function loginAs(app: FastifyInstance, username: string, password: string): Promise<string> {
  const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  return res.json<{ token: string }>().token;
}

export function envelope(records: CheckupRecord[], opts: WriteKskOptions = {}): string {
  return writeKsk(records.map((r, i) => ({ ...r, index: i, path: `HOSO[${i}]` })), opts);
}

export interface PushReply {
  status: number;
  receipt: Receipt;
  data: ReturnType<typeof receiptData>;
  raw: string;
}

export async function pushBody(hub: TestHub, body: string, token = hub.token): Promise<PushReply> {
  const res = await hub.app.inject({
    method: "POST",
    url: "/api/platform/data-sync/push",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "service-type": "100" },
    payload: body,
  });
  const receipt = res.json<Receipt>();
  return { status: res.statusCode, receipt, data: receipt.data ? receiptData(receipt) : (null as never), raw: res.body };
}

export async function push(hub: TestHub, xml: string, opts: { msgId?: string; senderId?: string } = {}): Promise<PushReply> {
  const { body } = buildPush({ senderId: opts.senderId ?? hub.facility.facility.gln!, xml, key: hub.facility.privateKey, ...(opts.msgId ? { msgId: opts.msgId } : {}), now: hub.deps.clock() });
  return pushBody(hub, body);
}

export async function count(hub: TestHub, table: string, where = "true"): Promise<number> {
  const rows = await hub.deps.db.query<{ n: number }>({ text: `SELECT count(*) AS n FROM ${table} WHERE ${where}`, values: [] });
  return rows[0]!.n;
}
