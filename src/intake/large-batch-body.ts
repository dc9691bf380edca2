/**
 * The batch upload's request body, read no further than needed to choose a path: a body up to
 * HOSO_BATCH_STREAM_BYTES is read whole (the small path, stored in the database as before); a
 * larger one — by its Content-Length, or a chunked one once it grows past the threshold — is handed
 * on as what was read plus the rest of the stream, to be written to a file (large-batch-upload.ts).
 * A Content-Length over HOSO_BATCH_MAX_BYTES is refused before a byte is read.
 */
import type { Readable } from "node:stream";
import { OutcomeError } from "../outcome.ts";
import { tooLargeOutcome, type UploadBody } from "./large-batch-upload.ts";

export async function readUpload(payload: Readable, contentLength: string | undefined, threshold: number, max: number): Promise<UploadBody> {
  const length = contentLength === undefined ? null : Number(contentLength);
  if (length !== null && length > max) throw new OutcomeError(tooLargeOutcome(max));
  if (length !== null && length > threshold) return { kind: "stream", head: Buffer.alloc(0), rest: payload[Symbol.asyncIterator]() };
  const { head, ended } = await readHead(payload, threshold);
  return ended ? { kind: "whole", body: head } : { kind: "stream", head, rest: payload[Symbol.asyncIterator]() };
}

/** Reads until the end or past `limit` bytes, then pauses the stream where it is. */
function readHead(payload: Readable, limit: number): Promise<{ head: Buffer; ended: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (ended: boolean) => {
      payload.pause();
      payload.off("data", onData).off("end", onEnd).off("error", onError);
      resolve({ head: Buffer.concat(chunks), ended });
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > limit) settle(false);
    };
    const onEnd = () => settle(true);
    const onError = (err: Error) => {
      payload.off("data", onData).off("end", onEnd).off("error", onError);
      reject(err);
    };
    payload.on("data", onData).once("end", onEnd).once("error", onError);
  });
}
