/**
 * Clinician accounts: an account with role `clinician`, the facility they work at, and the name a
 * patient sees in their access log. `ensureDemoAccounts` makes the demo doctor (embedded default).
 */
import type { Deps } from "../deps.ts";
import { conflict } from "../outcome.ts";
import { hashPassword } from "../access/passwords.ts";
import { findAccountByUsername, insertAccount } from "../access/accounts-repo.ts";
import { firstFacility, upsertStaffProfile } from "./consent-repo.ts";

export interface NewClinician {
  username: string;
  password: string;
  facilityId: string | null;
  displayName: string;
}

export async function addClinician(deps: Deps, c: NewClinician): Promise<string> {
  if (await findAccountByUsername(deps.db, c.username)) conflict("ACCOUNT-EXISTS", { vi: "Tên đăng nhập đã tồn tại.", en: "Username already taken." });
  const passwordHash = await hashPassword(c.password);
  return deps.db.transaction(async (tx) => {
    const accountId = await insertAccount(tx, { username: c.username, passwordHash, role: "clinician", facilityId: c.facilityId });
    await upsertStaffProfile(tx, accountId, c.displayName);
    return accountId;
  });
}

export const DEMO_CLINICIAN = { username: "clinician", displayName: "BS. Nguyễn Thị Minh (demo)" } as const;

/**
 * The demo doctor, at the first demo facility, with the demo password. Idempotent. Returns the
 * lines the start-up banner prints.
 */
export async function ensureDemoAccounts(deps: Deps, password: string): Promise<string[]> {
  if (!(await findAccountByUsername(deps.db, DEMO_CLINICIAN.username))) {
    const facility = await firstFacility(deps.db);
    await addClinician(deps, { username: DEMO_CLINICIAN.username, password, facilityId: facility?.facility_id ?? null, displayName: DEMO_CLINICIAN.displayName });
  }
  return [
    `clinician sign-in: POST /api/auth/login {"username":"${DEMO_CLINICIAN.username}","password":"${password}"} — then redeem a citizen's share code`,
    `citizen sign-in (demo): GET /api/citizen/demo/citizens, then POST /api/citizen/demo/sign-in {"personal_id":"…"}`,
  ];
}
