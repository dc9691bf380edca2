/**
 * The built-in demo sign-in (embedded default only, `HOSO_DEMO=true`): pick a demo citizen from
 * the registry persons that have check-ups, or a guardian of children that do. Never on in
 * production: with the demo off both routes answer 404.
 */
import type { Deps } from "../deps.ts";
import { notFound } from "../outcome.ts";
import type { LoginAnswer } from "./auth.ts";
import { citizenSignIn } from "./citizen.ts";
import { findRegistryEntry, listDemoCitizens, type DemoCitizenRow } from "./citizen-repo.ts";

const DEMO_LIST_SIZE = 30;

function requireDemo(deps: Deps): void {
  if (!deps.config.HOSO_DEMO) {
    notFound("CITIZEN-DEMO-OFF", { vi: "Đăng nhập thử nghiệm đang tắt.", en: "Demo sign-in is off." });
  }
}

export async function demoCitizens(deps: Deps): Promise<{ citizens: DemoCitizenRow[] }> {
  requireDemo(deps);
  return { citizens: await listDemoCitizens(deps.db, DEMO_LIST_SIZE) };
}

export async function demoSignIn(deps: Deps, input: { personalId: string }): Promise<LoginAnswer> {
  requireDemo(deps);
  if (!(await findRegistryEntry(deps.db, input.personalId))) {
    return notFound("HEALTHBOOK-NOT-FOUND", { vi: "Không có người này trong cơ sở dữ liệu dân cư.", en: "No such person in the population registry." });
  }
  return citizenSignIn(deps, { personalId: input.personalId, oidc: null });
}
