/**
 * One R4 Observation → canonical observation rows (standards.md §9.1–9.2). hoso's
 * `checkup-catalogue` coding, else the LOINC coding (catalogue `loinc` or `loincAlternates`), gives
 * the catalogue key; any other coding is the local index code (`MA_CHI_SO`). Values stay as sent: `valueQuantity` → value and unit, `valueString` and
 * `valueCodeableConcept` → text; the normaliser converts them. An Observation whose components
 * carry the values (the blood-pressure panel 85354-9 with 8480-6 / 8462-4, R4
 * observation-vitalsigns) gives one row per component.
 */
import type { CodeableConcept, Observation as FhirObservation, ObservationComponent } from "@medplum/fhirtypes";
import type { Finding } from "../../checkup/finding.ts";
import type { Moment, Observation, ObservationCategory } from "../../checkup/model.ts";
import { observation } from "../ksk/observations.ts";
import { parseMoment } from "../moment.ts";
import { fhirFinding } from "./findings.ts";
import type { CodeIndex } from "./code-index.ts";
import { CS, STD } from "./systems.ts";
import { codeIn, conceptText, quantityText, text } from "./values.ts";

/** What a DiagnosticReport adds to the results it lists (map-report.ts). */
export interface ReportContext {
  serviceCode: string | null;
  conclusion: string | null;
}

export interface RowContext {
  codes: CodeIndex;
  path: string;
  performer: string | null;
  report: ReportContext | undefined;
}

const CATEGORIES: readonly ObservationCategory[] = ["vital-signs", "laboratory", "imaging", "exam"];

export const categoryOf = (o: Pick<FhirObservation, "category">): ObservationCategory | null => {
  const code = o.category?.map((c) => codeIn(c, STD.observationCategory)).find((c) => c !== null);
  return code == null ? null : (CATEGORIES.find((k) => k === code) ?? "other");
};

type Valued = Pick<ObservationComponent, Extract<keyof ObservationComponent, `value${string}`>>;

interface ValueRead {
  valueRaw: string | null;
  unitRaw: string | null;
  valueText: string | null;
}

/** `value[x]` as sent (R4 Observation.value[x]; choice types §2.24.0.1). */
export function readValue(v: Valued): ValueRead {
  const plain = (raw: string | null): ValueRead => ({ valueRaw: raw, unitRaw: null, valueText: raw });
  const q = v.valueQuantity;
  if (q) return { valueRaw: quantityText(q), unitRaw: text(q.unit) ?? text(q.code), valueText: null };
  if (v.valueString !== undefined) return plain(text(v.valueString));
  if (v.valueCodeableConcept) return plain(conceptText(v.valueCodeableConcept));
  if (v.valueInteger !== undefined) return { ...plain(String(v.valueInteger)), valueText: null };
  if (v.valueBoolean !== undefined) return plain(String(v.valueBoolean));
  if (v.valueRatio) {
    const { numerator: n, denominator: d } = v.valueRatio;
    return plain(n?.value !== undefined && d?.value !== undefined ? `${n.value}/${d.value}` : null);
  }
  return plain(text(v.valueDateTime) ?? text(v.valueTime) ?? null);
}

export function readMomentAt(raw: string | undefined, path: string, sink: Finding[]): Moment | null {
  if (raw === undefined) return null;
  const m = parseMoment(raw);
  if (m === null) sink.push(fhirFinding("FHIR-DATE-INVALID", path));
  return m;
}

const CATALOGUED: ReadonlySet<string | undefined> = new Set([STD.loinc, CS.catalogue]);

/**
 * What a code names: the key by hoso's `checkup-catalogue` code, else the catalogue entry of its LOINC; the
 * local code (`MA_CHI_SO`, else any other coding); a name, as sent first.
 */
export function codedAs(codes: CodeIndex, code: CodeableConcept) {
  const lo = codeIn(code, STD.loinc);
  const key = codeIn(code, CS.catalogue);
  const known = (key === null ? undefined : codes.byKey.get(key)) ?? (lo === null ? undefined : codes.byLoinc.get(lo));
  // A key the catalogue does not list yet (a KSK form item) is still the sender's exact naming.
  const hit = key !== null && known?.key !== key ? { key, nameVi: key, category: "other" } : known;
  const local = codeIn(code, CS.maChiSo) ?? text(code.coding?.find((c) => !CATALOGUED.has(c.system) && text(c.code))?.code);
  return { lo, hit, local, name: text(code.text) ?? conceptText(code) ?? hit?.nameVi ?? lo ?? local ?? "" };
}

export function observationRows(o: FhirObservation, rc: RowContext, sink: Finding[]): Observation[] {
  const own = codedAs(rc.codes, o.code);
  const category = categoryOf(o) ?? categoryFromCatalogue(own.hit?.category);
  const [when, element] = effectiveOf(o);
  const resultTime = readMomentAt(when, `${rc.path}.${element}`, sink);
  const description = text((o.note ?? []).map((n) => n.text).join("\n"));
  const row = (c: ReturnType<typeof codedAs>, value: ValueRead, path: string, extra: Partial<Observation> = {}): Observation => ({
    ...observation({ key: c.hit?.key ?? null, category, name: c.name, path, localCode: c.local, resultTime, performer: rc.performer, ...value }),
    loinc: c.lo,
    ...extra,
  });
  const parts = (o.component ?? []).flatMap((comp, i) => {
    const value = readValue(comp);
    return value.valueRaw === null ? [] : [row(codedAs(rc.codes, comp.code), value, `${rc.path}.component[${i}]`)];
  });
  const value = readValue(o);
  const conclusion = rc.report?.conclusion ?? null;
  const keepOwn = value.valueRaw !== null || (parts.length === 0 && (description !== null || conclusion !== null));
  const mine = keepOwn ? [row(own, value, rc.path, { description, conclusion })] : [];
  const serviceCode = rc.report?.serviceCode ?? null;
  return [...mine, ...parts].map((r) => ({ ...r, serviceCode }));
}

/** When the result holds (R4 Observation.effective[x]), else when it was issued. */
function effectiveOf(o: FhirObservation): [string | undefined, string] {
  if (o.effectiveDateTime !== undefined) return [o.effectiveDateTime, "effectiveDateTime"];
  if (o.effectivePeriod?.start !== undefined) return [o.effectivePeriod.start, "effectivePeriod.start"];
  if (o.effectiveInstant !== undefined) return [o.effectiveInstant, "effectiveInstant"];
  return [o.issued, "issued"];
}

export function categoryFromCatalogue(category: string | undefined): ObservationCategory {
  return CATEGORIES.find((k) => k === category) ?? "other";
}
