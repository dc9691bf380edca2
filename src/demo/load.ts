/**
 * First-start demo data: the generated population goes into the embedded registry, generated
 * facilities get logins and RSA keys (private keys written to `<data>/demo-keys/` so `hoso push`
 * can sign), a national steward account is made, and the generated check-ups are pushed through
 * the real intake path (signed envelopes, checks, identity, storage) — not written around it.
 * Runs once per database: a `demo_loaded` setting remembers it.
 */
import { generateKeyPairSync } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Deps } from "../deps.ts";
import { hashPassword } from "../access/passwords.ts";
import { findAccountByUsername, insertAccount } from "../access/accounts-repo.ts";
import { ensureSetting, getSetting } from "../access/settings-repo.ts";
import { addFacility } from "../facility/facility-service.ts";
import { ensureDemoAccounts } from "../consent/clinicians.ts";
import { upsertRegistryPersons } from "../identity/registry-repo.ts";
import { buildPush } from "../intake/push-client.ts";
import { receivePush } from "../intake/push.ts";
import type { Pipeline } from "../intake/process.ts";
import { writeKsk } from "../formats/ksk/write.ts";
import { generatePopulation } from "./population.ts";
import { generateFacilities } from "./facilities.ts";
import { generateCheckups } from "./checkups.ts";
import type { DemoCheckup, DemoFacility } from "./types.ts";

export const DEMO_PASSWORD = "hoso-demo-2026";
const FACILITY_COUNT = 24;
const ENVELOPE_SIZE = 20;
const DAY_MS = 86_400_000;

export interface DemoSummary {
  persons: number;
  facilities: number;
  checkups: number;
  signInLines: string[];
}

export async function loadDemo(deps: Deps, pipeline: Pipeline): Promise<DemoSummary> {
  const done = await getSetting(deps.db, "demo_loaded");
  if (done) return JSON.parse(done) as DemoSummary;
  const { HOSO_DEMO_SEED: seed, HOSO_DEMO_PERSONS: personCount, HOSO_DEMO_CHECKUPS: checkupCount } = deps.config;
  deps.log.info({ persons: personCount, checkups: checkupCount }, "loading demo data (first start)");

  const population = generatePopulation(seed, personCount);
  await deps.db.transaction((tx) =>
    upsertRegistryPersons(
      tx,
      population.map((p) => ({ ...p, guardianPersonalId: p.guardianPersonalId ?? null })),
    ),
  );

  await pipeline.matcher.refresh();

  const keyDir = join(deps.config.HOSO_DATA_DIR, "demo-keys");
  mkdirSync(keyDir, { recursive: true });
  const facilities = generateFacilities(seed, FACILITY_COUNT);
  const accounts = new Map<string, { facilityId: string; accountId: string; key: string }>();
  for (const f of facilities) accounts.set(f.code, await registerDemoFacility(deps, f, keyDir));
  if (!(await findAccountByUsername(deps.db, "steward"))) {
    await insertAccount(deps.db, { username: "steward", passwordHash: await hashPassword(DEMO_PASSWORD), role: "steward" });
  }

  const clinicians = await ensureDemoAccounts(deps, DEMO_PASSWORD);

  const now = deps.clock();
  const checkups = generateCheckups(seed, {
    population,
    facilities,
    count: checkupCount,
    from: new Date(now.getTime() - 365 * DAY_MS),
    to: new Date(now.getTime() - DAY_MS),
  });
  for (const batch of envelopes(checkups)) {
    const f = facilities.find((x) => x.code === batch[0]!.record.facilityCode) ?? facilities[0]!;
    const acct = accounts.get(f.code)!;
    // Each envelope is received when its last record was: the generator's timing, late pushes included.
    const receivedAt = new Date(Math.max(...batch.map((c) => c.receivedAt.getTime())));
    const records = batch.map((c, i) => ({ ...c.record, index: i, path: `HOSO[${i}]` }));
    const { body } = buildPush({ senderId: f.gln, xml: writeKsk(records, {}), key: acct.key, now: receivedAt });
    await receivePush({ ...deps, clock: () => receivedAt }, pipeline, {
      accountId: acct.accountId,
      role: "facility",
      facilityId: acct.facilityId,
      scopeProvince: null,
    }, Buffer.from(body));
  }

  const example = facilities[0]!;
  const summary: DemoSummary = {
    persons: population.length,
    facilities: facilities.length,
    checkups: checkups.length,
    signInLines: [
      `demo data: ${population.length} persons in the registry, ${facilities.length} facilities, ${checkups.length} check-ups pushed`,
      `steward sign-in:  POST /api/auth/login {"username":"steward","password":"${DEMO_PASSWORD}"}`,
      `facility sign-in: POST /api/auth/login {"username":"${example.username}","password":"${DEMO_PASSWORD}"}` +
        ` (sender_id ${example.gln}, private key ${join(keyDir, `${example.code}.pem`)})`,
      `every demo facility uses the password ${DEMO_PASSWORD}; list them with: npx hoso facility list`,
      ...clinicians,
      `web app: open the address above; the demo sign-in lists demo citizens (Vietnamese first, English switch)`,
    ],
  };
  await ensureSetting(deps.db, "demo_loaded", JSON.stringify(summary));
  return summary;
}

async function registerDemoFacility(deps: Deps, f: DemoFacility, keyDir: string) {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const key = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  writeFileSync(join(keyDir, `${f.code}.pem`), key, { mode: 0o600 });
  const { facility } = await addFacility(deps, {
    code: f.code,
    gln: f.gln,
    name: f.name,
    provinceCode: f.provinceCode,
    kind: f.kind,
    username: f.username,
    password: DEMO_PASSWORD,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  });
  const account = (await findAccountByUsername(deps.db, f.username))!;
  return { facilityId: facility.facility_id, accountId: account.account_id, key };
}

/** Envelopes of up to ENVELOPE_SIZE records from one facility and one exam day, in time order. */
function envelopes(checkups: readonly DemoCheckup[]): DemoCheckup[][] {
  const groups = new Map<string, DemoCheckup[]>();
  const sorted = [...checkups].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  const out: DemoCheckup[][] = [];
  for (const c of sorted) {
    const key = `${c.record.facilityCode}|${c.record.examTime?.iso.slice(0, 10)}|${c.record.maLk}`;
    const groupKey = key.slice(0, key.lastIndexOf("|"));
    const g = groups.get(groupKey) ?? [];
    // A re-sent duplicate goes in its own envelope, as a facility would send it.
    if (g.some((x) => x.record.maLk === c.record.maLk) || g.length >= ENVELOPE_SIZE) {
      out.push(g);
      groups.set(groupKey, [c]);
    } else {
      g.push(c);
      groups.set(groupKey, g);
    }
  }
  out.push(...groups.values());
  return out.filter((g) => g.length > 0);
}
