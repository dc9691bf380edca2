/**
 * Dates as people in Vietnam write them: dd/mm/yyyy, in both languages. Instants are shown in
 * Vietnam time (UTC+7 all year, no daylight saving since 1975), whatever the device's zone, so a
 * doctor abroad and the citizen at home read the same clock time in the access log.
 */

const VN_OFFSET_MS = 7 * 3600 * 1000;
const pad = (n: number) => String(n).padStart(2, "0");

/** `2026-11-20` → `20/11/2026`; partial dates keep what is known (`1990-05` → `05/1990`). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (d && mo) return `${d}/${mo}/${y}`;
  if (mo) return `${mo}/${y}`;
  return y!;
}

/** An exam's local time `2026-11-20T08:30` → `20/11/2026 08:30` (already Vietnam time). */
export function formatLocalDateTime(local: string | null | undefined): string {
  if (!local) return "";
  const [date, time] = local.split("T");
  return time ? `${formatDate(date)} ${time.slice(0, 5)}` : formatDate(date);
}

/** An ISO instant `2026-11-20T03:10:00.000Z` → `20/11/2026 10:10` in Vietnam time. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return "";
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + VN_OFFSET_MS);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** `20/11/2026` typed by a person → `2026-11-20`, or null when it is no real date. */
export function parseDisplayDate(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}
