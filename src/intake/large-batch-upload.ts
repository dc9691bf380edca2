/**
 * Taking a large spreadsheet in (issue 3): the request body is streamed to a file in the data
 * folder while its sha256 is computed, fsynced (file and folder), and only then is the submission
 * row inserted (status `received`, `body_path` set, `body` empty) and 202 answered with the status
 * URL: durable before the answer, as every other way in. Nothing of the upload is held in memory
 * but the chunk being written. Past HOSO_BATCH_MAX_BYTES the upload is refused (413) and the
 * partial file removed; no row is left.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdir, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Config } from "../config.ts";
import type { Deps } from "../deps.ts";
import type { FacilityRow } from "../facility/facilities-repo.ts";
import { issue, outcome, type OperationOutcome } from "../outcome.ts";
import type { Answer } from "./channels/channel.ts";
import { batchUpload, type BatchMeta } from "./channels/batch.ts";
import { insertFileSubmission } from "./large-batch-repo.ts";

/** The request body as the route's content parser hands it over. */
export type UploadBody =
  | { kind: "whole"; body: Buffer }
  /** Larger than HOSO_BATCH_STREAM_BYTES (or of unknown length and grown past it): `head` was read, `rest` follows. */
  | { kind: "stream"; head: Buffer; rest: AsyncIterator<Buffer> };

export const tooLargeOutcome = (max: number): OperationOutcome =>
  outcome(issue("too-long", "BATCH-TOO-LARGE", {
    vi: `Tệp tải lên vượt quá giới hạn ${max} byte.`,
    en: `The upload exceeds the limit of ${max} bytes.`,
  }));

const tooLarge = (max: number): Answer => ({ httpStatus: 413, body: tooLargeOutcome(max) });

/** Where uploads are kept: `<data folder>/uploads` (the OS temp folder when the database is in memory). */
export function uploadDir(config: Pick<Config, "HOSO_DATA_DIR">): string {
  return config.HOSO_DATA_DIR === "memory://" ? join(tmpdir(), "hoso-uploads") : resolve(config.HOSO_DATA_DIR, "uploads");
}

export async function receiveLargeBatch(deps: Deps, facility: FacilityRow, meta: BatchMeta, upload: Extract<UploadBody, { kind: "stream" }>): Promise<Answer> {
  const max = deps.config.HOSO_BATCH_MAX_BYTES;
  const submissionId = randomUUID();
  const dir = uploadDir(deps.config);
  const path = join(dir, `${submissionId}.upload`);
  const spooled = await spool(dir, path, upload, max);
  if (spooled === "too-large") return tooLarge(max);
  const receivedAt = deps.clock();
  try {
    await deps.db.transaction((tx) =>
      insertFileSubmission(tx, { submissionId, facilityId: facility.facility_id, channel: batchUpload.name, bodyPath: path, ...spooled, receivedAt, meta }),
    );
  } catch (err) {
    await rm(path, { force: true });
    throw err;
  }
  return batchUpload.answer(deps, { submissionId, facility, body: new Uint8Array(0), receivedAt, meta }, { kind: "received" });
}

/** Writes head + rest to `path`, hashing; fsyncs the file and its folder. Removes the file on any failure. */
async function spool(dir: string, path: string, upload: { head: Buffer; rest: AsyncIterator<Buffer> }, max: number): Promise<{ sha256: string; sizeBytes: number } | "too-large"> {
  await mkdir(dir, { recursive: true });
  const file = await open(path, "wx");
  const hash = createHash("sha256");
  let size = 0;
  let ok = false;
  try {
    const write = async (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) return false;
      hash.update(chunk);
      await file.write(chunk);
      return true;
    };
    if (!(await write(upload.head))) return "too-large";
    // Not `for await`: leaving that loop early would destroy the request, and with it the socket
    // the 413 must still be written to.
    for (let next = await upload.rest.next(); !next.done; next = await upload.rest.next()) {
      if (!(await write(next.value))) return "too-large";
    }
    await file.sync();
    ok = true;
  } finally {
    await file.close();
    if (!ok) await rm(path, { force: true });
  }
  await syncDir(dir);
  return { sha256: hash.digest("hex"), sizeBytes: size };
}

/** The new file's directory entry must be durable too (a crash could otherwise lose the name). */
async function syncDir(dir: string): Promise<void> {
  const d = await open(dir, "r");
  try {
    await d.sync();
  } finally {
    await d.close();
  }
}
