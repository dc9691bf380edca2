/**
 * Realistic stored check-ups for the measured citizens: the demo generator's adult check-ups
 * (about 37 measures each: vitals, blood count, chemistry, urine strip, X-ray, ECG), written as
 * KHAMSUCKHOE and read back by the real parser and checker — so each record is what intake
 * stores, raw blocks included.
 */
import { generatePopulation } from "../../src/demo/population.ts";
import { generateFacilities } from "../../src/demo/facilities.ts";
import { generateCheckups } from "../../src/demo/checkups.ts";
import { writeKsk } from "../../src/formats/ksk/write.ts";
import { parseKsk } from "../../src/formats/ksk/parse.ts";
import { createChecker } from "../../src/checkup/check.ts";
import type { CheckupRecord } from "../../src/checkup/model.ts";

export interface Template {
  record: CheckupRecord;
  healthClass: string | null;
  observations: number;
}

export function buildTemplates(count: number, seed = 20260701): Template[] {
  const now = new Date("2026-11-20T03:00:00Z");
  const population = generatePopulation(seed, 4000);
  const facilities = generateFacilities(seed, 10);
  const generated = generateCheckups(seed, { population, facilities, count: count * 3, from: new Date(now.getTime() - 365 * 86_400_000), to: now });
  const adults = generated.filter((c) => c.record.ageGroup === "adult").slice(0, count);
  const check = createChecker();
  return adults.map((c) => {
    const xml = writeKsk([{ ...c.record, index: 0, path: "HOSO[0]" }]);
    const parsed = parseKsk(xml).records[0]!;
    const { record } = check(parsed.record, { now, receivedAt: now });
    return { record, healthClass: record.conclusion.healthClass, observations: record.observations.length };
  });
}
