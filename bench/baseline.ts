/**
 * The baseline: the rows the end-to-end run stored for its measured check-ups (persons, checkups,
 * observations, conditions), written straight into a fresh schema of the same kind with batched
 * multi-row INSERTs (`insertMany`, through the same repo functions the hub stores with): no HTTP,
 * no parsing, no checking, no identity lookup, no signatures. The check-ups are regenerated from
 * the same seeds; building the rows is not timed, only the INSERT transactions are.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { insertMany, type Db } from "../src/db/port.ts";
import { createChecks } from "../src/intake/pipeline.ts";
import { insertCheckups, insertConditions, insertObservations, type CheckupInsert } from "../src/record/checkups-repo.ts";
import type { DemoCheckup } from "../src/demo/index.ts";
import type { BenchConfig, DbKind } from "./config.ts";
import { cpuBetween, cpuSnapshot, type CpuShares } from "./cpu.ts";
import { freshDb } from "./databases.ts";
import { progress } from "./push.ts";
import { facilityCheckups, share, type Workload } from "./workload.ts";

export interface BaselineResult {
  db: DbKind;
  checkups: number;
  insertSeconds: number;
  perSecond: number;
  batch: number;
  /** CPU-seconds over the whole baseline, row building included (PGlite's run in `bench`). */
  cpu: CpuShares | null;
  rows: { persons: number; checkups: number; observations: number; conditions: number };
}

interface Batch {
  persons: unknown[][];
  checkups: CheckupInsert[];
  observations: unknown[][];
  conditions: unknown[][];
}

export async function benchBaseline(cfg: BenchConfig, w: Workload, kind: DbKind): Promise<BaselineResult> {
  const n = cfg.checkups(kind);
  const bench = await freshDb(kind, cfg.pgUrl, "raw");
  const db = await bench.open();
  try {
    // 100 check-ups per transaction by default: about 3,800 observation rows, two multi-row statements.
    progress(`${kind}: baseline, ${n} check-ups as batched INSERTs of ${cfg.baselineBatch}`);
    const facilityIds = await insertFacilities(db, w);
    const rows = rowBuilder(w, facilityIds);
    const streams = w.facilities.map((f, i) => {
      const s = facilityCheckups(w, f, cfg.warmupPerFacility + share(n, w.facilities.length, i));
      for (let k = 0; k < cfg.warmupPerFacility; k++) s.next(); // the warm-up pushes are not measured
      return s;
    });
    let seconds = 0;
    const before = cpuSnapshot(null);
    const totals = { persons: 0, checkups: 0, observations: 0, conditions: 0 };
    for (const items of roundRobin(streams, cfg.baselineBatch)) {
      const b = rows(items);
      const t0 = performance.now();
      await db.transaction(async (tx) => {
        if (b.persons.length > 0) {
          await insertMany(tx, "persons", ["person_id", "personal_id", "kind", "full_name", "birth_date", "sex", "province_code", "commune_code"], b.persons);
        }
        await insertCheckups(tx, b.checkups);
        await insertObservations(tx, b.observations);
        await insertConditions(tx, b.conditions);
      });
      seconds += (performance.now() - t0) / 1000;
      totals.persons += b.persons.length;
      totals.checkups += b.checkups.length;
      totals.observations += b.observations.length;
      totals.conditions += b.conditions.length;
    }
    const cpu = cpuBetween(before, cpuSnapshot(null));
    return { db: kind, checkups: totals.checkups, insertSeconds: round(seconds), perSecond: round(totals.checkups / seconds), batch: cfg.baselineBatch, cpu, rows: totals };
  } finally {
    await db.close();
    if (!cfg.keep) await bench.drop();
  }
}

const round = (v: number) => Math.round(v * 10) / 10;

async function insertFacilities(db: Db, w: Workload): Promise<Map<string, string>> {
  const ids = new Map(w.facilities.map((f) => [f.code, randomUUID()]));
  await insertMany(db, "facilities", ["facility_id", "code", "gln", "name", "province_code", "kind"],
    w.facilities.map((f) => [ids.get(f.code), f.code, f.gln, f.name, f.provinceCode, f.kind]));
  // Records name their facility by code or by GLN, depending on the facility's export style.
  for (const f of w.facilities) ids.set(f.gln, ids.get(f.code)!);
  return ids;
}

/** Batches taking one check-up from each facility in turn, as the concurrent pushes interleave. */
function* roundRobin(streams: Generator<DemoCheckup>[], size: number): Generator<DemoCheckup[]> {
  let live = [...streams];
  const batch: DemoCheckup[] = [];
  while (live.length > 0) {
    live = live.filter((s) => {
      const next = s.next();
      if (next.done) return false;
      batch.push(next.value);
      return true;
    });
    while (batch.length >= size) yield batch.splice(0, size);
  }
  if (batch.length > 0) yield batch;
}

/**
 * The rows `record/store.ts` writes for a new, linked check-up, from the normalised record (the
 * normaliser runs here, untimed, so observation rows carry the same LOINC codes and units).
 */
function rowBuilder(w: Workload, facilityIds: Map<string, string>): (items: readonly DemoCheckup[]) => Batch {
  const check = createChecks().check;
  const registry = new Map(w.population.map((p) => [p.personalId, p]));
  const personIds = new Map<string, string>();
  return (items) => {
    const b: Batch = { persons: [], checkups: [], observations: [], conditions: [] };
    for (const item of items) {
      const { record: r, findings } = check(item.record, { now: w.now, receivedAt: w.now });
      const personalId = item.label.personalId;
      let personId = personIds.get(personalId);
      if (!personId) {
        personId = randomUUID();
        personIds.set(personalId, personId);
        const p = registry.get(personalId)!;
        b.persons.push([personId, personalId, "registry", p.fullName, p.birthDate, p.sex, p.provinceCode, p.communeCode]);
      }
      const checkupId = randomUUID();
      const examDate = r.examTime?.iso.slice(0, 10) ?? null;
      b.checkups.push({
        personId, checkupId, facilityId: facilityIds.get(r.facilityCode ?? r.facilityGln ?? "")!, maLk: r.maLk!, version: 1,
        identityStatus: "linked", identityReason: null, kind: "checkup", submissionId: randomUUID(), examTime: r.examTime ? r.examTime.iso.replace("T", " ") : null,
        examDate, ageGroup: r.ageGroup, formType: r.formType, healthClass: r.conclusion.healthClass, targetGroups: r.targetGroups,
        fundingSource: r.fundingSource, late: false, record: r, findings,
      });
      r.observations.forEach((o, seq) =>
        b.observations.push([personId, checkupId, seq, o.key, o.loinc, o.category, o.serviceCode, o.localCode, o.name,
          o.valueRaw, o.unitRaw, o.value, o.unit, o.valueText, o.interpretation, o.flags, examDate]),
      );
      r.conditions.forEach((c, seq) => b.conditions.push([personId, checkupId, seq, c.icd10, c.text, c.kind]));
    }
    return b;
  };
}
