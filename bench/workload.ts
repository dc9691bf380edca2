/**
 * What the load generator sends: demo facilities with fresh RSA keys, the demo population (loaded
 * into the registry), and per facility a seeded stream of clean adult check-ups, one per signed
 * push. The same seed gives the same check-ups, so the baseline can regenerate exactly the rows
 * the end-to-end run stored without holding them in memory.
 */
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import {
  checkupStream,
  DEFECTS,
  deriveSeed,
  generateFacilities,
  generatePopulation,
  type DefectRates,
  type DemoCheckup,
  type DemoFacility,
  type DemoPerson,
} from "../src/demo/index.ts";
import { writeKsk } from "../src/formats/ksk/write.ts";
import { buildPush } from "../src/intake/push-client.ts";
import type { BenchConfig } from "./config.ts";

export const BENCH_PASSWORD = "hoso-bench-2026";
const HOUR_MS = 3_600_000;

export interface BenchFacility extends DemoFacility {
  key: KeyObject;
  publicKeyPem: string;
  /** Each facility connects from its own loopback address, as facilities do from their own IPs. */
  localAddress: string;
}

export interface Workload {
  seed: number;
  now: Date;
  population: DemoPerson[];
  adults: DemoPerson[];
  facilities: BenchFacility[];
}

/** Clean records: every push stores one new check-up, so end to end and baseline store the same rows. */
const NO_DEFECTS = Object.fromEntries(DEFECTS.map((d) => [d, 0])) as DefectRates;

export function createWorkload(cfg: BenchConfig): Workload {
  const now = new Date();
  const population = generatePopulation(cfg.seed, cfg.persons);
  // Adults with a year's margin, so nobody turns 18 between the exam and the check.
  const cutoff = new Date(now.getTime() - 19 * 365.25 * 24 * HOUR_MS).toISOString().slice(0, 10);
  const adults = population.filter((p) => p.birthDate <= cutoff);
  const facilities = generateFacilities(cfg.seed, cfg.facilities).map((f, i) => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    return {
      ...f,
      key: privateKey,
      publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
      localAddress: `127.0.0.${10 + i}`,
    };
  });
  return { seed: cfg.seed, now, population, adults, facilities };
}

/** The facility's check-ups in push order; exams in the last day, so none is a late push. */
export function facilityCheckups(w: Workload, f: DemoFacility, count: number, stream = "bench"): Generator<DemoCheckup> {
  return checkupStream(deriveSeed(w.seed, `${stream}:${f.code}`), {
    population: w.adults,
    facilities: [f],
    count,
    from: new Date(w.now.getTime() - 20 * HOUR_MS),
    to: new Date(w.now.getTime() - HOUR_MS),
    defectRates: NO_DEFECTS,
  });
}

/** One signed push body per check-up: the bytes a facility's software would send. */
export function signedBody(f: BenchFacility, c: DemoCheckup): Buffer {
  const { body } = buildPush({ senderId: f.gln, xml: writeKsk([c.record]), key: f.key });
  return Buffer.from(body);
}

/** Splits `total` over `parts` as evenly as possible (the first ones get the remainder). */
export function share(total: number, parts: number, i: number): number {
  return Math.floor(total / parts) + (i < total % parts ? 1 : 0);
}
