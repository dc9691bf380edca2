/** A registered facility with its login and a fresh RSA key, for tests. */
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import type { Deps } from "../../src/deps.ts";
import { addFacility } from "../../src/facility/facility-service.ts";
import type { FacilityRow } from "../../src/facility/facilities-repo.ts";

export interface TestFacility {
  facility: FacilityRow;
  username: string;
  password: string;
  privateKey: KeyObject;
  publicKeyPem: string;
}

export function newKeyPair(): { privateKey: KeyObject; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { privateKey, publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString() };
}

let serial = 0;

export async function createFacility(deps: Deps, overrides: Partial<{ code: string; gln: string; provinceCode: string }> = {}): Promise<TestFacility> {
  serial++;
  const code = overrides.code ?? `01${String(100 + serial).padStart(3, "0")}`;
  const gln = overrides.gln ?? `8930000${String(100000 + serial).slice(-6)}`;
  const keys = newKeyPair();
  const username = `fac-${code}`;
  const password = "correct horse battery";
  const { facility } = await addFacility(deps, {
    code,
    gln,
    name: `Bệnh viện thử nghiệm ${code}`,
    provinceCode: overrides.provinceCode ?? code.slice(0, 2),
    kind: "hospital",
    username,
    password,
    publicKeyPem: keys.publicKeyPem,
  });
  return { facility, username, password, ...keys };
}
