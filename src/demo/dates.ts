/**
 * Calendar helpers for the demo generator. Dates are plain `YYYY-MM-DD` strings and instants are
 * epoch milliseconds; Viet Nam keeps UTC+7 all year, so local time is a fixed shift.
 */
const DAY_MS = 86_400_000;
export const VN_OFFSET_MS = 7 * 3_600_000;

export const dayNumber = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
export const isoFromDayNumber = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Completed years between a birth date and a date (both `YYYY-MM-DD`). */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Completed months, for children's growth charts. */
export function monthsOn(birthDate: string, on: string): number {
  const months =
    (Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4))) * 12 + Number(on.slice(5, 7)) - Number(birthDate.slice(5, 7));
  return on.slice(8) < birthDate.slice(8) ? months - 1 : months;
}

/** Local (Asia/Ho_Chi_Minh) wall-clock parts of an instant. */
export function localParts(ms: number): { date: string; hh: string; mi: string } {
  const iso = new Date(ms + VN_OFFSET_MS).toISOString();
  return { date: iso.slice(0, 10), hh: iso.slice(11, 13), mi: iso.slice(14, 16) };
}
