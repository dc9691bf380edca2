/**
 * Reads of a person's book through one of the two ways people get in — as the citizen (self or
 * guardian) or through a clinician's grant — each decided and audited before anything is read.
 */
import type { Deps } from "../deps.ts";
import { citizenAccess, grantAccess, type BookAccess, type ReadRequest } from "../consent/person-access.ts";
import { getCheckup, getCheckupPdf, getTrend, healthBookBody, type BookScope, type NotModified } from "./book.ts";
import type { BookBody, BookCache } from "./book-cache.ts";

/** Whose book: a personal ID (citizen routes) or a grant id (clinician routes). */
export type Via = { personalId: string } | { grantId: string };

const open = (deps: Deps, r: ReadRequest, via: Via): Promise<BookAccess> =>
  "personalId" in via ? citizenAccess(deps, r, via.personalId) : grantAccess(deps, r, via.grantId);

/** The narrower of what was asked and what the access allows. */
const narrower = (allowed: BookScope, asked: BookScope | undefined): BookScope => (allowed === "summary" || asked === "summary" ? "summary" : "everything");

/** The book as JSON bytes, or only its tag when the client holds it (see healthBookBody). */
export async function readBook(deps: Deps, cache: BookCache, r: ReadRequest, via: Via, scope?: BookScope, ifNoneMatch?: string): Promise<BookBody | NotModified> {
  const access = await open(deps, { ...r, action: "healthbook.read" }, via);
  return healthBookBody(deps, cache, access.personalId, narrower(access.scope, scope), { ifNoneMatch });
}

export async function readCheckup(deps: Deps, r: ReadRequest, via: Via, checkupId: string) {
  const access = await open(deps, { ...r, action: "checkup.read" }, via);
  return (await getCheckup(deps, access.personalId, checkupId, access.scope)).entry;
}

export async function readCheckupPdf(deps: Deps, r: ReadRequest, via: Via, checkupId: string) {
  const access = await open(deps, { ...r, action: "checkup.pdf" }, via);
  return getCheckupPdf(deps, access.personalId, checkupId, access.scope);
}

export async function readTrend(deps: Deps, r: ReadRequest, via: Via, key: string) {
  const access = await open(deps, { ...r, action: "trend.read", needs: "everything" }, via);
  return getTrend(deps, access.personalId, key);
}
