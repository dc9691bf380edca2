/**
 * Serialized health books kept in this process, least recently used out first, bounded in bytes.
 * An entry is served only while the book's fingerprint (book-repo.ts `bookFingerprint`: the set of
 * shown check-ups, their facilities, the registry rows) is unchanged, checked against the database
 * on every read — so a correction, a retraction or an identity move shows at once, in every
 * process. One cache per app instance (made in routes.ts), never module-level.
 */
import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";

/**
 * A book, gzipped (what clients take and what is kept: a tenth of the JSON, so ten times the books
 * in the same memory), and as plain JSON for a client that does not take gzip; with its entity
 * tag (`bookEtag`).
 */
export interface BookBody {
  etag: string;
  gzipped: Buffer;
  json(): Buffer;
}

/**
 * The weak entity tag (RFC 9110 §8.8.1) of a book: its scope and fingerprint. Two builds of one
 * fingerprint differ only in `generated_at`, so they are the same book to a client.
 */
export const bookEtag = (scope: string, fingerprint: string): string =>
  `W/"${createHash("sha256").update(`${scope}:${fingerprint}`).digest("base64url").slice(0, 27)}"`;

/** The body of a freshly built book, and the smaller one to keep. */
export function bookBody(json: Buffer, etag: string): { fresh: BookBody; kept: BookBody } {
  // Level 1: most of the gain (JSON of repeated keys) for a fraction of level 6's time.
  const gzipped = gzipSync(json, { level: 1 });
  return { fresh: { etag, gzipped, json: () => json }, kept: { etag, gzipped, json: () => gunzipSync(gzipped) } };
}

export interface BookCache {
  get(key: string, fingerprint: string): BookBody | undefined;
  set(key: string, fingerprint: string, body: BookBody): void;
}

export function createBookCache(maxBytes: number): BookCache {
  const entries = new Map<string, { fingerprint: string; body: BookBody }>();
  let bytes = 0;
  const size = (b: BookBody) => b.gzipped.length;
  const drop = (key: string) => {
    const e = entries.get(key);
    if (e) bytes -= size(e.body);
    entries.delete(key);
  };
  return {
    get(key, fingerprint) {
      const e = entries.get(key);
      if (!e) return undefined;
      if (e.fingerprint !== fingerprint) {
        drop(key);
        return undefined;
      }
      // Map order is insertion order: re-inserting marks it most recently used.
      entries.delete(key);
      entries.set(key, e);
      return e.body;
    },
    set(key, fingerprint, body) {
      if (size(body) > maxBytes) return;
      drop(key);
      entries.set(key, { fingerprint, body });
      bytes += size(body);
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes) break;
        drop(oldest);
      }
    },
  };
}
