/**
 * Ages and instants from `Moment`s. `Moment.iso` is local time in Asia/Ho_Chi_Minh (UTC+7, no
 * daylight saving), with unknown parts filled by their lowest value (model.ts).
 */
import type { AgeGroup, Moment } from "./model.ts";

const VN_OFFSET = "+07:00";
const PERIOD_MS: Record<Moment["precision"], number> = {
  minute: 60_000,
  day: 86_400_000,
  month: 31 * 86_400_000,
  year: 366 * 86_400_000,
};

/** First instant the moment can mean, or null when `iso` does not read. */
export function startOf(m: Moment): Date | null {
  const iso = m.iso.length === 10 ? `${m.iso}T00:00` : m.iso;
  const t = Date.parse(`${iso}:00${VN_OFFSET}`);
  return Number.isNaN(t) ? null : new Date(t);
}

/** Last instant the moment can mean (a day-precision exam may have been at 23:59). */
export function endOf(m: Moment): Date | null {
  const start = startOf(m);
  return start && new Date(start.getTime() + PERIOD_MS[m.precision] - 60_000);
}

function ymd(iso: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/**
 * Age in years at `at`, with the fraction of the current year (17.5 = half-way to 18), so that
 * `ageMax: 17.99` and `ageMin: 18` rules read as the catalogue means them.
 */
export function ageAt(birth: Moment, at: Moment): number | null {
  const b = ymd(birth.iso);
  const a = ymd(at.iso);
  if (!b || !a) return null;
  let years = a[0] - b[0];
  if (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])) years -= 1;
  if (years < 0) return null;
  const last = Date.UTC(b[0] + years, b[1] - 1, b[2]);
  const next = Date.UTC(b[0] + years + 1, b[1] - 1, b[2]);
  const now = Date.UTC(a[0], a[1] - 1, a[2]);
  return years + (now - last) / (next - last);
}

/** QĐ 2062 age groups (standards.md §5.8): under 6, 6 to under 18, adult. */
export function ageGroupOf(age: number): AgeGroup {
  return age < 6 ? "child_under_6" : age < 18 ? "minor_6_18" : "adult";
}
