/**
 * Facility administration: a steward registers a facility (codes, name, province, kind), its login
 * and its public key; keys rotate (several may be active) and revoked keys stop verifying.
 */
import { z } from "zod";
import type { Deps } from "../deps.ts";
import { conflict, forbidden, invalid, notFound } from "../outcome.ts";
import { parseInput } from "../http.ts";
import { adminUnits } from "../reference/data.ts";
import { hashPassword } from "../access/passwords.ts";
import { md5Upper } from "../access/gateway-login.ts";
import { insertAccount, findAccountByUsername } from "../access/accounts-repo.ts";
import type { Principal } from "../access/tokens.ts";
import { keyFingerprint } from "../intake/signature.ts";
import {
  FACILITY_KINDS,
  findFacilityByCodeOrGln,
  insertFacility,
  insertKey,
  listKeys,
  revokeKey,
  type FacilityRow,
} from "./facilities-repo.ts";

export const newFacilitySchema = z.object({
  code: z.string().regex(/^[0-9A-Z]{5}$/, "5 characters (MA_CSKCB)"),
  gln: z.string().regex(/^\d{13}$/, "13 digits").nullable().default(null),
  name: z.string().min(1).max(255),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .refine((c) => adminUnits().provinces.some((p) => p.code === c), "a province code of the 2025 list"),
  kind: z.enum(FACILITY_KINDS),
  username: z.string().min(3).max(64),
  password: z.string().min(8).max(200),
  publicKeyPem: z.string().includes("BEGIN PUBLIC KEY").optional(),
});
export type NewFacility = z.input<typeof newFacilitySchema>;

/** Stewards act within their province; a national steward (no province) anywhere. */
export function assertStewardScope(p: Principal, provinceCode: string): void {
  if (p.role !== "steward") forbidden("ACCESS-ROLE", { vi: "Cần quyền quản trị dữ liệu.", en: "Steward role required." });
  if (p.scopeProvince && p.scopeProvince !== provinceCode) {
    forbidden("ACCESS-SCOPE", { vi: "Ngoài phạm vi tỉnh được giao.", en: "Outside your province." });
  }
}

export async function addFacility(deps: Deps, input: NewFacility): Promise<{ facility: FacilityRow; keyId: string | null }> {
  const f = parseInput(newFacilitySchema, input);
  if (await findFacilityByCodeOrGln(deps.db, f.code)) conflictExists();
  if (f.gln && (await findFacilityByCodeOrGln(deps.db, f.gln))) conflictExists();
  if (await findAccountByUsername(deps.db, f.username)) {
    conflict("FACILITY-USERNAME-TAKEN", { vi: "Tên đăng nhập đã được dùng.", en: "Username already taken." });
  }
  const passwordHash = await hashPassword(f.password);
  const gatewayPasswordHash = await hashPassword(md5Upper(f.password));
  const fingerprint = f.publicKeyPem ? checkedFingerprint(f.publicKeyPem) : null;
  return deps.db.transaction(async (tx) => {
    const facility = await insertFacility(tx, f);
    await insertAccount(tx, { username: f.username, passwordHash, gatewayPasswordHash, role: "facility", facilityId: facility.facility_id });
    const keyId = f.publicKeyPem && fingerprint ? await insertKey(tx, facility.facility_id, f.publicKeyPem, fingerprint) : null;
    return { facility, keyId };
  });
}

export async function addFacilityKey(deps: Deps, facilityCode: string, publicKeyPem: string) {
  const facility = await requireFacility(deps, facilityCode);
  const fingerprint = checkedFingerprint(publicKeyPem);
  const keyId = await insertKey(deps.db, facility.facility_id, publicKeyPem, fingerprint);
  return { keyId, fingerprint };
}

export async function revokeFacilityKey(deps: Deps, facilityCode: string, keyId: string): Promise<void> {
  const facility = await requireFacility(deps, facilityCode);
  if (!(await revokeKey(deps.db, facility.facility_id, keyId, deps.clock()))) {
    notFound("FACILITY-KEY-NOT-FOUND", { vi: "Không tìm thấy khóa đang hoạt động.", en: "No such active key." });
  }
}

export async function facilityKeys(deps: Deps, facilityCode: string) {
  const facility = await requireFacility(deps, facilityCode);
  return (await listKeys(deps.db, facility.facility_id, false)).map(({ public_key_pem: _pem, ...k }) => k);
}

export async function requireFacility(deps: Deps, codeOrGln: string): Promise<FacilityRow> {
  const facility = await findFacilityByCodeOrGln(deps.db, codeOrGln);
  return facility ?? notFound("FACILITY-NOT-FOUND", { vi: "Không tìm thấy cơ sở.", en: "Facility not found." });
}

function checkedFingerprint(pem: string): string {
  try {
    return keyFingerprint(pem);
  } catch {
    return invalid("FACILITY-KEY-INVALID", { vi: "Khóa công khai không hợp lệ.", en: "Invalid public key." }, "publicKeyPem");
  }
}

function conflictExists(): never {
  return conflict("FACILITY-EXISTS", { vi: "Mã cơ sở đã tồn tại.", en: "Facility code already registered." });
}
