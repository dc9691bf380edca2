/**
 * Labelled demo check-ups: canonical records as the KSK parser would produce them, for people of
 * a demo population at demo facilities, with exam times in [from, to], measures that vary with age
 * and sex, and known defects at configurable rates. Each item carries the truth (`label`) and the
 * moment the hub received it. Pure: same seed and inputs, same output.
 */
import type { AgeGroup, Observation } from "../checkup/model.ts";
import { adminUnits, catalogue, populationProfile, type Commune, type PopulationProfile } from "../reference/data.ts";
import { assembleRecord } from "./checkup-record.ts";
import { adultClinical, finishClinical, infantClinical, physicalClass, schoolClinical, type Clinical } from "./clinical.ts";
import { ageOn, localParts, monthsOn } from "./dates.ts";
import { alterDigit, DEFAULT_DEFECT_RATES, drawDefects, misspell, type RecordDefects } from "./defects.ts";
import { facilityStyle, type FacilityStyle } from "./facility-style.ts";
import { acuityRows, infantRows, physicalRows } from "./form-measures.ts";
import { infantMeasures, schoolMeasures } from "./growth.ts";
import { labPanel, panelRows, panelTemplate, type LabPanel, type PanelTemplate } from "./lab-panel.ts";
import { nameTables, type NameTables } from "./names.ts";
import { fmt } from "./observation.ts";
import { adultMeasures, traitsOf, visualAcuity } from "./physiology.ts";
import { createRng, deriveSeed, type Rng } from "./rng.ts";
import type { Defect, DefectRates, DemoCheckup, DemoFacility, DemoPerson } from "./types.ts";
import { visitContext } from "./visit.ts";

export interface CheckupOptions {
  population: readonly DemoPerson[];
  facilities: readonly DemoFacility[];
  count: number;
  from: Date;
  to: Date;
  /** Per-record probabilities; missing entries take `DEFAULT_DEFECT_RATES`. */
  defectRates?: Partial<DefectRates>;
}

const HOUR_MS = 3_600_000;
const PREFIX = "HOSO[0]";

interface Styled {
  style: FacilityStyle;
  panel: PanelTemplate;
}

/** Everything built once per call, so the per-record work is lookups. */
interface Context {
  rng: Rng;
  defectRng: Rng;
  rates: DefectRates;
  panel: LabPanel;
  names: NameTables;
  seed: number;
  byProvince: ReadonlyMap<string, readonly DemoFacility[]>;
  byId: ReadonlyMap<string, DemoPerson>;
  communes: ReadonlyMap<string, Commune>;
  /** Per facility code, built on first use. */
  styles: Map<string, Styled>;
  serials: Map<string, number>;
  batchTag: string;
}

export function generateCheckups(seed: number, options: CheckupOptions): DemoCheckup[] {
  return Array.from(checkupStream(seed, options));
}

/** The same items as `generateCheckups`, one at a time (benchmarks generate 100,000). */
export function* checkupStream(seed: number, options: CheckupOptions): Generator<DemoCheckup> {
  const { population, facilities, count, from, to } = options;
  if (population.length === 0 || facilities.length === 0) throw new Error("check-ups need people and facilities");
  if (!(from.getTime() <= to.getTime())) throw new Error("`from` must not be after `to`");
  const byProvince = new Map<string, DemoFacility[]>();
  for (const f of facilities) {
    const list = byProvince.get(f.provinceCode);
    if (list) list.push(f);
    else byProvince.set(f.provinceCode, [f]);
  }
  const ctx: Context = {
    rng: createRng(seed),
    defectRng: createRng(deriveSeed(seed, "defects")),
    rates: { ...DEFAULT_DEFECT_RATES, ...options.defectRates },
    panel: labPanel(catalogue()),
    names: nameTables((populationProfile() as unknown as PopulationProfile).names),
    seed,
    byProvince,
    byId: new Map(population.map((p) => [p.personalId, p])),
    communes: new Map(adminUnits().communes.map((c) => [c.code, c])),
    styles: new Map(),
    serials: new Map(),
    // Keeps MA_LK of different seeds apart when several demo batches share one database.
    batchTag: (deriveSeed(seed, "malk") >>> 0).toString(36).slice(0, 3).toUpperCase().padStart(3, "0"),
  };
  // Only people already born by the end of the window can be examined in it.
  const lastDay = localParts(to.getTime()).date;
  const eligible = population.filter((p) => p.birthDate <= lastDay);
  if (eligible.length === 0) throw new Error("nobody in the population is born by `to`");
  const recent: DemoCheckup[] = [];
  for (let i = 0; i < count; i++) {
    if (recent.length > 0 && ctx.defectRng.chance(ctx.rates.duplicate)) {
      yield resend(ctx, ctx.defectRng.pick(recent));
      continue;
    }
    const item = newCheckup(ctx, eligible, facilities, from.getTime(), to.getTime());
    recent.push(item);
    if (recent.length > 64) recent.shift();
    yield item;
  }
}

/** The same record pushed again later: only the receipt time differs. */
function resend(ctx: Context, original: DemoCheckup): DemoCheckup {
  const receivedAt = new Date(original.receivedAt.getTime() + ctx.defectRng.int(10, 3 * 24 * 60) * 60_000);
  const examMs = examInstant(original);
  const defects: Defect[] = original.label.defects.filter((d) => d !== "late_push");
  defects.push("duplicate");
  if (receivedAt.getTime() - examMs > 24 * HOUR_MS) defects.push("late_push");
  return { record: structuredClone(original.record), label: { personalId: original.label.personalId, defects }, receivedAt };
}

function examInstant(item: DemoCheckup): number {
  const iso = item.record.examTime?.iso ?? "";
  return Date.parse(`${iso}:00+07:00`);
}

/** A working-hours moment on a random day in [from, to]; falls back to the raw draw at the edges. */
function drawExamTime(rng: Rng, fromMs: number, toMs: number): number {
  const raw = fromMs + Math.floor(rng.float() * (toMs - fromMs + 1));
  const { date } = localParts(raw);
  const working = Date.parse(`${date}T07:00:00+07:00`) + rng.int(0, 9 * 60 + 59) * 60_000;
  if (working >= fromMs && working <= toMs) return working;
  const minute = Math.floor(raw / 60_000) * 60_000;
  return minute >= fromMs ? minute : Math.min(toMs, minute + 60_000);
}

function pickFacility(ctx: Context, facilities: readonly DemoFacility[], provinceCode: string): DemoFacility {
  const local = ctx.byProvince.get(provinceCode);
  return local && ctx.rng.chance(0.85) ? ctx.rng.pick(local) : ctx.rng.pick(facilities);
}

function styleOf(ctx: Context, facility: DemoFacility): Styled {
  let styled = ctx.styles.get(facility.code);
  if (!styled) {
    const style = facilityStyle(ctx.seed, facility, ctx.names);
    styled = { style, panel: panelTemplate(ctx.panel, style, PREFIX) };
    ctx.styles.set(facility.code, styled);
  }
  return styled;
}

function nextMaLk(ctx: Context, facility: DemoFacility, examDate: string): string {
  const n = (ctx.serials.get(facility.code) ?? 0) + 1;
  ctx.serials.set(facility.code, n);
  return `KSK${examDate.slice(2, 4)}${ctx.batchTag}${String(n).padStart(6, "0")}`;
}

function newCheckup(ctx: Context, population: readonly DemoPerson[], facilities: readonly DemoFacility[], fromMs: number, toMs: number): DemoCheckup {
  const { rng } = ctx;
  const examMs = drawExamTime(rng, fromMs, toMs);
  const examDate = localParts(examMs).date;
  // Someone born inside the window can only be examined after birth: redraw, then fall back to
  // examining them on a later day (the window's end).
  let person = rng.pick(population);
  for (let tries = 0; tries < 20 && person.birthDate > examDate; tries++) person = rng.pick(population);
  if (person.birthDate > examDate) return newCheckup(ctx, population, facilities, toMs, toMs);
  const facility = pickFacility(ctx, facilities, person.provinceCode);
  const styled = styleOf(ctx, facility);
  const age = Math.max(0, ageOn(person.birthDate, examDate));
  const group: AgeGroup = age < 6 ? "child_under_6" : age < 18 ? "minor_6_18" : "adult";
  const defects = drawDefects(ctx.defectRng, ctx.rates, group === "adult", group !== "child_under_6");
  const { observations, clinical } = measure(ctx, person, styled, group, age, Math.max(0, monthsOn(person.birthDate, examDate)), examDate, defects);

  const record = assembleRecord({
    person,
    reported: {
      personalId: defects.missingId ? null : defects.wrongId ? alterDigit(ctx.defectRng, person.personalId) : person.personalId,
      fullName: defects.nameTypo ? misspell(ctx.defectRng, person.fullName) : person.fullName,
    },
    guardian: person.guardianPersonalId ? ctx.byId.get(person.guardianPersonalId) : undefined,
    facility,
    style: styled.style,
    maLk: nextMaLk(ctx, facility, examDate),
    examMs,
    group,
    visit: visitContext(rng, group, age, facility, ctx.communes.get(person.communeCode)),
    observations,
    clinical,
  });
  // Most facilities push within the day; a late push arrives after the 24 h of TT 32/2023 (§5.2).
  const delayMs = defects.late
    ? 24 * HOUR_MS + ctx.defectRng.int(1, 30 * 24 * 60) * 60_000
    : rng.int(5, 20 * 60) * 60_000 + rng.int(0, 59_999);
  return { record, label: { personalId: person.personalId, defects: defects.defects }, receivedAt: new Date(examMs + delayMs) };
}

function measure(
  ctx: Context,
  person: DemoPerson,
  { style, panel: template }: Styled,
  group: AgeGroup,
  age: number,
  months: number,
  examDate: string,
  defects: RecordDefects,
): { observations: Observation[]; clinical: Clinical } {
  const { rng } = ctx;
  const traits = traitsOf(person.personalId);
  const base = { prefix: PREFIX, style, rng, sex: person.sex };
  if (group === "child_under_6") {
    const m = infantMeasures(rng, traits, person.sex, months);
    const clinical = finishClinical(infantClinical(rng, m), { ...base, infant: true, physical: null });
    return { observations: infantRows(PREFIX, m, defects.distortions), clinical };
  }
  if (group === "minor_6_18") {
    const m = schoolMeasures(rng, traits, person.sex, age, months);
    const va = visualAcuity(rng, traits, age);
    const findings = schoolClinical(rng, m, age, va.vaRight, va.vaLeft);
    const clinical = finishClinical(findings, { ...base, infant: false, physical: physicalClass(m.bmi) });
    return { observations: [...physicalRows(PREFIX, m, defects.distortions), ...acuityRows(PREFIX, va.vaRight, va.vaLeft)], clinical };
  }
  const m = adultMeasures(rng, traits, person.sex, age, Number(examDate.slice(0, 4)));
  const clinical = finishClinical(adultClinical(rng, m, person.sex, age), { ...base, infant: false, physical: physicalClass(m.bmi) });
  const panel = panelRows(template, m, rng.pick(style.doctors));
  // The unit mix-up: the analyser's mg/dL figure typed under the facility's mmol/L label.
  if (defects.glucoseMgdl && panel.glucose) panel.glucose.valueRaw = fmt(m.glucose * 18.016, 0);
  return {
    observations: [...physicalRows(PREFIX, m, defects.distortions), ...acuityRows(PREFIX, m.vaRight, m.vaLeft), ...panel.rows],
    clinical,
  };
}
