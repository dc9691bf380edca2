/**
 * "Who read my record" for the citizen (and a guardian, for a ward): the person's audit entries.
 * Reading one's own log is not itself logged; a guardian's reading of a ward's is.
 */
import type { Deps } from "../deps.ts";
import { citizenPersonalId } from "../access/citizen.ts";
import { citizenAccess, type ReadRequest } from "../consent/person-access.ts";
import { accessLog, type AccessLog } from "./audit.ts";

export interface LogPage {
  limit: number;
  before: number | null;
}

export async function myAccessLog(deps: Deps, r: ReadRequest, page: LogPage): Promise<AccessLog> {
  return accessLog(deps, await citizenPersonalId(deps, r.caller.who), page);
}

export async function bookAccessLog(deps: Deps, r: ReadRequest, personalId: string, page: LogPage): Promise<AccessLog> {
  const access = await citizenAccess(deps, { ...r, action: "access-log.read" }, personalId);
  return accessLog(deps, access.personalId, page);
}
