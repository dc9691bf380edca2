/**
 * The VNeID backend's API (issue 5 §1): the health book by personal ID, and the change feed ("new
 * or corrected result for person X" since a cursor) so VNeID can notify the citizen. A system
 * client's role and scope are in its token, so the audit row and the read go out together.
 */
import type { Deps } from "../deps.ts";
import { invalid } from "../outcome.ts";
import type { Caller } from "../access/system-clients-guard.ts";
import { auditSystemRead, decideSystem, type ReadRequest } from "../consent/person-access.ts";
import { healthBookBody, type BookScope, type NotModified } from "./book.ts";
import type { BookBody, BookCache } from "./book-cache.ts";
import type { AuditWriter } from "../audit/audit-writer.ts";
import type { PersonReader } from "./person-reader.ts";
import { readChanges } from "./vneid-repo.ts";

/**
 * What the VNeID routes keep per app instance: serialized books, the audit group commit and the
 * grouped person reads (concurrent reads share one audit INSERT and one person query).
 */
export interface VneidRuntime {
  cache: BookCache;
  auditWriter: AuditWriter;
  persons: PersonReader;
}

/**
 * The book as JSON bytes. The audit row is written while the book is read, and the answer (the
 * book, or a 404) waits for both: no read is answered before its audit row is committed.
 */
export async function vneidBook(
  deps: Deps,
  rt: VneidRuntime,
  caller: Caller,
  input: { personalId: string; scope: BookScope; requestId: string; ifNoneMatch?: string | undefined },
): Promise<BookBody | NotModified> {
  const r: ReadRequest = { caller, requestId: input.requestId, action: "healthbook.read" };
  await decideSystem(deps, r, input.personalId, "system/HealthBook.read");
  const [audited, body] = await Promise.allSettled([
    auditSystemRead(deps, r, [input.personalId], rt.auditWriter),
    healthBookBody(deps, rt.cache, input.personalId, input.scope, { lookup: rt.persons.read, ifNoneMatch: input.ifNoneMatch }),
  ]);
  if (audited.status === "rejected") throw audited.reason;
  if (body.status === "rejected") throw body.reason;
  return body.value;
}

const START = { tx: "0", eventId: 0 };
const CURSOR = /^(\d{1,20})\.(\d{1,19})$/;

export interface ChangesPage {
  changes: { personal_id: string; kind: string; checkup_id: string | null; at: string }[];
  next_cursor: string | null;
  has_more: boolean;
}

export async function vneidChanges(deps: Deps, rt: VneidRuntime, caller: Caller, input: { cursor: string | undefined; limit: number; requestId: string }): Promise<ChangesPage> {
  const r: ReadRequest = { caller, requestId: input.requestId, action: "changes.read" };
  await decideSystem(deps, r, null, "system/HealthBookChanges.read");
  const m = input.cursor === undefined ? null : CURSOR.exec(input.cursor);
  if (input.cursor !== undefined && !m) return invalid("VNEID-CURSOR", { vi: "Con trỏ không hợp lệ.", en: "Invalid cursor." }, "cursor");
  const rows = await readChanges(deps.db, m ? { tx: m[1]!, eventId: Number(m[2]) } : START, input.limit + 1);
  const page = rows.slice(0, input.limit);
  await auditSystemRead(deps, r, [...new Set(page.map((c) => c.personal_id))], rt.auditWriter);
  const last = page[page.length - 1];
  return {
    changes: page.map((c) => ({ personal_id: c.personal_id, kind: c.kind, checkup_id: c.checkup_id, at: c.at })),
    next_cursor: last ? `${last.tx}.${last.event_id}` : (input.cursor ?? null),
    has_more: rows.length > input.limit,
  };
}
