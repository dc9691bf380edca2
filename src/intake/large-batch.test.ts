import { createHash } from "node:crypto";
import http from "node:http";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, createTestHub, loginAs, type TestHub } from "../../test/hub.ts";
import { createFacility } from "../../test/factories/facility.ts";
import { INPUT_COLUMNS } from "../formats/batch/columns.ts";
import { benchRow, random } from "../formats/batch/bench-rows.ts";
import { claimNext } from "./inbox-repo.ts";
import { processLargeBatch } from "./large-batch.ts";
import { createWorker } from "./worker.ts";

const ROWS = 1000;
const CHUNK = 100;
const MAX = 1_000_000;
let hub: TestHub;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "hoso-large-batch-"));
  hub = await createTestHub({
    HOSO_DATA_DIR: dataDir,
    HOSO_BATCH_STREAM_BYTES: "4096",
    HOSO_BATCH_MAX_BYTES: String(MAX),
    HOSO_BATCH_CHUNK_ROWS: String(CHUNK),
  });
});
afterAll(async () => {
  await hub.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const programme = (round: string) =>
  `organisation=C%C3%B4ng%20ty%20A&kind=company&round=${round}&team=Doi-1&place=H%C3%A0%20N%E1%BB%99i&date=2026-11-20&doi_tuong=6&nguon_chi_tra=1`;

/** A team's CSV of `rows` invented people; every 10th row has an impossible birth date (rejected). */
function csv(rows: number, seed = 7): string {
  const rnd = random(seed);
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [INPUT_COLUMNS.map((c) => cell(c.header)).join(",")];
  for (let n = 1; n <= rows; n++) {
    const values = benchRow(n, rnd);
    if (n % 10 === 0) values["NGAY_SINH"] = "31/02/1990";
    lines.push(INPUT_COLUMNS.map((c) => cell(values[c.key] ?? "")).join(","));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

const auth = (token = hub.token) => ({ authorization: `Bearer ${token}` });

async function upload(body: string | Readable, round: string) {
  const res = await hub.app.inject({
    method: "POST",
    url: `/api/batches?${programme(round)}`,
    headers: { ...auth(), "content-type": "text/csv" },
    payload: body,
  });
  return { status: res.statusCode, body: res.json<{ submission_id: string; status: string; status_url: string; issue?: { details: { coding: { code: string }[] } }[] }>() };
}

interface Status {
  status: string;
  progress: { rows_processed: number; counts: Record<string, number> };
  manifest?: {
    transactionTime: string;
    requiresAccessToken: boolean;
    output: { type: string; url: string; count: number }[];
    error: { type: string; url: string; count: number }[];
    extension: { counts: Record<string, number> };
  };
  records?: unknown;
}

async function status(id: string, token = hub.token) {
  const res = await hub.app.inject({ url: `/api/submissions/${id}`, headers: auth(token) });
  return { code: res.statusCode, body: res.json<Status>() };
}

const lines = (text: string) => text.split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
const uploads = () => (existsSync(join(dataDir, "uploads")) ? readdirSync(join(dataDir, "uploads")) : []);

describe("large spreadsheet uploads", () => {
  let firstId = "";

  it("streams a large upload to disk (202), stores it in chunks, shows progress, then a manifest whose URLs give every row's result", async () => {
    const text = csv(ROWS);
    const res = await upload(text, "2026-L1");
    expect(res.status).toBe(202);
    expect(res.body.status).toBe("received");
    const id = (firstId = res.body.submission_id);
    expect(res.body.status_url).toBe(`/api/submissions/${id}`);

    // Durable before the answer: the file, fsynced, with the sha256 the row records; the row holds no bytes.
    const [row] = await hub.deps.db.query<{ sha256: string; size_bytes: number; body_path: string; n: number }>({
      text: "SELECT sha256, size_bytes, body_path, octet_length(body) AS n FROM submissions WHERE submission_id = $1",
      values: [id],
    });
    const bytes = Buffer.from(text);
    expect(row).toMatchObject({ sha256: createHash("sha256").update(bytes).digest("hex"), size_bytes: bytes.length, n: 0 });
    expect(readFileSync(row!.body_path).equals(bytes)).toBe(true);

    const before = await status(id);
    expect(before.body).toMatchObject({ status: "received", progress: { rows_processed: 0 } });
    expect(before.body.manifest).toBeUndefined();

    // The worker, watched after its second chunk.
    const claimed = await claimNext(hub.deps.db, hub.deps.clock(), 30_000);
    expect(claimed).toBe(id);
    const seen: Status[] = [];
    await processLargeBatch(hub.deps, hub.pipeline, id, {
      leaseMs: 30_000,
      afterChunk: async (n) => {
        if (n === 2) seen.push((await status(id)).body);
      },
    });
    expect(seen[0]?.status).toBe("processing");
    expect(seen[0]?.progress.rows_processed).toBe(2 * CHUNK);
    expect(Object.values(seen[0]!.progress.counts).reduce((a, b) => a + b, 0)).toBe(2 * CHUNK);

    const done = (await status(id)).body;
    expect(done.status).toBe("done");
    expect(done.records).toBeUndefined();
    const m = done.manifest!;
    expect(m.requiresAccessToken).toBe(true);
    expect(m.extension.counts).toMatchObject({ records: ROWS, rejected: ROWS / 10 });
    expect(m.error).toEqual([expect.objectContaining({ type: "OperationOutcome", count: ROWS / 10 })]);

    let stored = 0;
    for (const out of m.output) {
      const r = await hub.app.inject({ url: out.url, headers: auth() });
      expect(r.statusCode).toBe(200);
      const got = lines(r.body);
      expect(got).toHaveLength(out.count);
      stored += got.length;
    }
    expect(stored).toBe(ROWS - ROWS / 10);
    const errors = await hub.app.inject({ url: m.error[0]!.url, headers: auth() });
    const outcomes = lines(errors.body);
    expect(outcomes).toHaveLength(ROWS / 10);
    expect(outcomes[0]).toMatchObject({ resourceType: "OperationOutcome" });
    expect(JSON.stringify(outcomes[0])).toMatch(/ROW\[11\]\/NGAY_SINH/); // row 10 of data = sheet row 11

    // The result sheet is the upload with a status column, read back from the file.
    const sheet = await hub.app.inject({ url: `/api/batches/${id}/result`, headers: auth() });
    expect(sheet.statusCode).toBe(200);
    const sheetRows = parse(sheet.body, { bom: true, relax_column_count: true }) as string[][];
    expect(sheetRows).toHaveLength(ROWS + 1);
    expect(sheetRows.filter((r) => /từ chối|rejected/i.test(r.join(" ")))).toHaveLength(ROWS / 10);
  });

  it("resumes after the last committed chunk when a worker dies mid-file, without duplicates", async () => {
    const res = await upload(csv(ROWS, 11), "2026-L2");
    const id = res.body.submission_id;
    const checkupsBefore = await count(hub, "checkups");
    expect(await claimNext(hub.deps.db, hub.deps.clock(), 30_000)).toBe(id);
    await expect(
      processLargeBatch(hub.deps, hub.pipeline, id, {
        leaseMs: 30_000,
        afterChunk: (n) => {
          if (n === 3) throw new Error("worker killed");
        },
      }),
    ).rejects.toThrow("worker killed");
    expect((await status(id)).body.progress.rows_processed).toBe(3 * CHUNK);

    // Before the lease runs out nobody takes it; after, the next worker resumes at row 301.
    expect(await claimNext(hub.deps.db, hub.deps.clock(), 30_000)).toBeNull();
    hub.deps.setNow(new Date(hub.deps.clock().getTime() + 60_000));
    expect(await claimNext(hub.deps.db, hub.deps.clock(), 30_000)).toBe(id);
    let chunks = 0;
    await processLargeBatch(hub.deps, hub.pipeline, id, { leaseMs: 30_000, afterChunk: () => void chunks++ });
    expect(chunks).toBe(ROWS / CHUNK - 3);

    const done = (await status(id)).body;
    expect(done.status).toBe("done");
    expect(done.manifest!.extension.counts).toMatchObject({ records: ROWS, unchanged: 0, rejected: ROWS / 10 });
    expect(await count(hub, "submission_records", `submission_id = '${id}'`)).toBe(ROWS);
    expect(await count(hub, "checkups") - checkupsBefore).toBe(ROWS - ROWS / 10);
  });

  it("is finished by the worker loop too, for an upload of unknown length (chunked)", async () => {
    const res = await upload(Readable.from([Buffer.from(csv(300, 5))]), "2026-L3");
    expect(res.status).toBe(202);
    await createWorker(hub.deps, hub.pipeline).drain();
    const done = (await status(res.body.submission_id)).body;
    expect(done.status).toBe("done");
    expect(done.manifest!.extension.counts).toMatchObject({ records: 300 });
  });

  it("reads a large XLSX upload from its file with exceljs' streaming reader", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Dữ liệu");
    ws.addRow(INPUT_COLUMNS.map((c) => c.header));
    const rnd = random(9);
    for (let n = 1; n <= 300; n++) {
      const values = benchRow(n, rnd);
      ws.addRow(INPUT_COLUMNS.map((c) => values[c.key] ?? ""));
    }
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(bytes.length).toBeGreaterThan(4096);
    const res = await hub.app.inject({
      method: "POST",
      url: `/api/batches?${programme("2026-L5")}`,
      headers: { ...auth(), "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      payload: bytes,
    });
    expect(res.statusCode).toBe(202);
    const id = res.json<{ submission_id: string }>().submission_id;
    await createWorker(hub.deps, hub.pipeline).drain();
    const done = (await status(id)).body;
    expect(done.status).toBe("done");
    expect(done.manifest!.extension.counts).toMatchObject({ records: 300, rejected: 0 });
  });

  it("refuses an upload over HOSO_BATCH_MAX_BYTES with 413, storing nothing and leaving no file", async () => {
    const big = csv(6000, 3);
    expect(big.length).toBeGreaterThan(MAX);
    const submissions = await count(hub, "submissions");
    const files = uploads();
    for (const body of [big, Readable.from([Buffer.from(big)])]) {
      const res = await upload(body, "2026-L4");
      expect(res.status).toBe(413);
      expect(res.body.issue?.[0]?.details.coding[0]?.code).toBe("BATCH-TOO-LARGE");
      expect(JSON.stringify(res.body)).toMatch(/vượt quá giới hạn/);
    }
    expect(await count(hub, "submissions")).toBe(submissions);
    expect(uploads()).toEqual(files);
  });

  it("answers 413 over a real socket to a chunked upload that grows past the limit, and keeps no file", async () => {
    const address = await hub.app.listen({ port: 0, host: "127.0.0.1" });
    const url = new URL(`/api/batches?${programme("2026-L6")}`, address);
    const files = uploads();
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(url, { method: "POST", headers: { ...auth(), "content-type": "text/csv", "transfer-encoding": "chunked" } }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c)).on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString() }));
      });
      // The hub may close the socket while the rest is still being sent: that is the point.
      req.on("error", (err) => (answered ? undefined : reject(err)));
      let answered = false;
      req.on("response", () => (answered = true));
      const block = Buffer.from(csv(300, 13));
      const send = (left: number): void => {
        if (left <= 0 || answered || req.destroyed) return void req.end();
        if (req.write(block)) setImmediate(() => send(left - block.length));
        else req.once("drain", () => send(left - block.length));
      };
      send(MAX * 3);
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatch(/BATCH-TOO-LARGE/);
    expect(uploads()).toEqual(files);
  });

  it("shows the status and results to the owning facility only", async () => {
    const other = await createFacility(hub.deps, { code: "01014", gln: "8930000000024" });
    const token = await loginAs(hub.app, other.username, other.password);
    expect((await status(firstId, token)).code).toBe(404);
    for (const url of [`/api/batches/${firstId}/results.ndjson`, `/api/batches/${firstId}/errors.ndjson`, `/api/batches/${firstId}/result`]) {
      const r = await hub.app.inject({ url, headers: auth(token) });
      expect(r.statusCode).toBe(404);
      expect(r.body).not.toMatch(/ma_lk/);
    }
    const own = await hub.app.inject({ url: `/api/batches/${firstId}/results.ndjson`, headers: auth() });
    expect(own.statusCode).toBe(200);
  });
});
