/**
 * The citizen's health book (QĐ 31 art. 2 §3, standards.md §5.10), built from what is stored:
 * administrative data, history (diseases, allergies where known), active problems, and every
 * current check-up newest first — a corrected check-up as its newest version (`corrected`), a
 * retracted one not at all, identity-review records never. `summary` = the latest check-up and
 * the active problems; `everything` = all. Trend series per measure with the normal band.
 * Callers decide access first (consent/person-access.ts); nothing here checks who is asking.
 */
import type { Deps } from "../deps.ts";
import { invalid, notFound } from "../outcome.ts";
import type { BookScope } from "../consent/consent-repo.ts";
import type { LocalText } from "../outcome.ts";
import { readCheckup, readCheckups, readPerson, readTrend, type CheckupRow, type PersonRow } from "./book-repo.ts";
import { bookBody, bookEtag, type BookBody, type BookCache } from "./book-cache.ts";
import { catalogueView, rangeFor, unitDisplay } from "./catalogue-view.ts";
import { activeProblems, historyOf } from "./history.ts";
import { presentPerson } from "./person.ts";
import { ageAt, presentCheckup, type CheckupEntry, type Explanation } from "./present.ts";
import type { HealthClassView } from "./labels.ts";
import { renderCheckupPdf } from "./pdf.ts";
import { issueVerification } from "./verify.ts";

export type { BookScope, CheckupEntry };

const GLANCE_KEYS = ["bp_systolic", "bp_diastolic", "bmi", "glucose_fasting", "cholesterol_total", "body_weight", "body_height"];

export interface HealthBook {
  scope: BookScope;
  generated_at: string;
  person: ReturnType<typeof presentPerson>;
  history: ReturnType<typeof historyOf>;
  active_problems: ReturnType<typeof activeProblems>;
  at_a_glance: {
    checkup_id: string;
    exam_date: string | null;
    exam_date_vi: string | null;
    facility: { code: string; name: string };
    health_class: HealthClassView | null;
    abnormal: Explanation[];
    key_measures: { key: string; value: number | null; unit: string | null; unit_display: string | null; interpretation: string | null }[];
  } | null;
  checkups: CheckupEntry[];
}

const NO_BOOK = { vi: "Không có sổ sức khỏe của người này.", en: "No health book for this person." };

/** The answer when the client already holds the current book (its If-None-Match names the tag). */
export interface NotModified {
  etag: string;
  notModified: true;
}

export interface BookOptions {
  /** Reads the person row with its fingerprint (the VNeID API passes its grouped reader, person-reader.ts). */
  lookup?: (personalId: string) => Promise<PersonRow | null>;
  /** The request's If-None-Match (RFC 9110 §13.1.2). */
  ifNoneMatch?: string | undefined;
}

/**
 * The book as JSON bytes, from the cache while the book's fingerprint is unchanged: one small
 * query when nothing changed, the full build when something did — or only its tag when the
 * client's copy is current.
 */
export async function healthBookBody(deps: Deps, cache: BookCache, personalId: string, scope: BookScope, o: BookOptions = {}): Promise<BookBody | NotModified> {
  const person = await (o.lookup ?? ((id: string) => readPerson(deps.db, id)))(personalId);
  if (!person) return notFound("HEALTHBOOK-NOT-FOUND", NO_BOOK);
  const etag = bookEtag(scope, person.fingerprint);
  if (o.ifNoneMatch !== undefined && etagMatches(o.ifNoneMatch, etag)) return { etag, notModified: true };
  const key = `${scope}:${personalId}`;
  const cached = cache.get(key, person.fingerprint);
  if (cached) return cached;
  // Check-ups are read after the fingerprint: a change in between makes the body newer, never
  // older than its fingerprint says (the next read then rebuilds it).
  const rows = await readCheckups(deps.db, personalId);
  const { fresh, kept } = bookBody(Buffer.from(JSON.stringify(buildBook(person, rows, scope, deps.clock()))), etag);
  cache.set(key, person.fingerprint, kept);
  return fresh;
}

/** If-None-Match holds `*` or the tag (weak comparison, RFC 9110 §8.8.3.2). */
function etagMatches(header: string, etag: string): boolean {
  const opaque = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => t.trim() === "*" || opaque(t) === opaque(etag));
}

export async function getHealthBook(deps: Deps, personalId: string, scope: BookScope): Promise<HealthBook> {
  const [person, rows] = await Promise.all([readPerson(deps.db, personalId), readCheckups(deps.db, personalId)]);
  if (!person) return notFound("HEALTHBOOK-NOT-FOUND", NO_BOOK);
  return buildBook(person, rows, scope, deps.clock());
}

export function buildBook(person: PersonRow, rows: readonly CheckupRow[], scope: BookScope, now: Date): HealthBook {
  const facts = { sex: person.sex, birthDate: person.birth_date };
  const shown = scope === "summary" ? rows.slice(0, 1) : rows;
  const checkups = shown.map((r) => presentCheckup(r, facts));
  const latest = checkups[0];
  return {
    scope,
    generated_at: now.toISOString(),
    person: presentPerson(person, rows),
    history: historyOf(rows),
    active_problems: activeProblems(rows),
    at_a_glance: latest
      ? {
          checkup_id: latest.checkup_id,
          exam_date: latest.exam_date,
          exam_date_vi: latest.exam_time_vi?.slice(0, 10) ?? null,
          facility: latest.facility,
          health_class: latest.conclusion.health_class,
          abnormal: latest.abnormal,
          key_measures: latest.measures
            .filter((m) => m.key !== null && GLANCE_KEYS.includes(m.key))
            .map((m) => ({ key: m.key!, value: m.value, unit: m.unit, unit_display: m.unit_display, interpretation: m.interpretation })),
        }
      : null,
    checkups,
  };
}

const NO_CHECKUP = { vi: "Không có lần khám này trong sổ.", en: "No such check-up in this book." };

/** One current check-up; under `summary` only the latest one is there to see. */
export async function getCheckup(deps: Deps, personalId: string, checkupId: string, scope: BookScope): Promise<{ person: PersonRow; entry: CheckupEntry }> {
  const [person, row] = await Promise.all([
    readPerson(deps.db, personalId),
    scope === "summary" ? readCheckups(deps.db, personalId).then((rows) => rows[0] ?? null) : readCheckup(deps.db, personalId, checkupId),
  ]);
  if (!person || !row || row.checkup_id !== checkupId) return notFound("HEALTHBOOK-CHECKUP-NOT-FOUND", NO_CHECKUP);
  return { person, entry: presentCheckup(row, { sex: person.sex, birthDate: person.birth_date }) };
}

/** Trend keys (issue 5 §2: blood pressure, BMI, glucose, cholesterol) → the measures charted. */
export const TREND_KEYS: Readonly<Record<string, readonly string[]>> = {
  bp: ["bp_systolic", "bp_diastolic"],
  bp_systolic: ["bp_systolic"],
  bp_diastolic: ["bp_diastolic"],
  bmi: ["bmi"],
  glucose_fasting: ["glucose_fasting"],
  cholesterol_total: ["cholesterol_total"],
};

export interface TrendSeries {
  key: string;
  name: LocalText;
  unit: string | null;
  unit_display: string | null;
  band: { low: number | null; high: number | null; unit: string | null } | null;
  points: { date: string; value: number; interpretation: string | null; checkup_id: string }[];
}

export async function getTrend(deps: Deps, personalId: string, key: string): Promise<{ key: string; series: TrendSeries[] }> {
  const keys = TREND_KEYS[key];
  if (!keys) return invalid("HEALTHBOOK-TREND-KEY", { vi: `Không có biểu đồ "${key}".`, en: `No trend "${key}".` }, "key");
  const [person, rows] = await Promise.all([readPerson(deps.db, personalId), readTrend(deps.db, personalId, keys)]);
  if (!person) return notFound("HEALTHBOOK-NOT-FOUND", NO_BOOK);
  const today = deps.clock().toISOString().slice(0, 10);
  // The band for the person as they are now (a child gets no adult band).
  const facts = { sex: person.sex, age: ageAt(person.birth_date, today) };
  return {
    key,
    series: keys.map((k) => {
      const entry = catalogueView().byKey.get(k)!;
      const range = rangeFor(entry, facts);
      return {
        key: k,
        name: entry.name,
        unit: entry.ucum,
        unit_display: unitDisplay(entry.ucum),
        band: range ? { low: range.low, high: range.high, unit: range.unit } : null,
        points: rows.filter((r) => r.key === k).map((r) => ({ date: r.date, value: r.value, interpretation: r.interpretation, checkup_id: r.checkup_id })),
      };
    }),
  };
}

export interface CheckupPdf {
  pdf: Buffer;
  code: string;
  filename: string;
}

/** The PDF of one check-up, with a verification code registered for that version. */
export async function getCheckupPdf(deps: Deps, personalId: string, checkupId: string, scope: BookScope): Promise<CheckupPdf> {
  const { person, entry } = await getCheckup(deps, personalId, checkupId, scope);
  const verification = await issueVerification(deps, { personalId, checkupId, version: entry.version });
  const pdf = await renderCheckupPdf({ person: presentPerson(person, []), entry, verification, generatedAt: deps.clock() });
  return { pdf, code: verification.code, filename: `kham-suc-khoe-${entry.exam_date ?? "khong-ro-ngay"}.pdf` };
}
