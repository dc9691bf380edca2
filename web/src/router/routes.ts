/**
 * Every page of the app as a path. Books are addressed by their place in `/api/me`'s list (0 is
 * the citizen's own), never by personal ID: a page URL ends up in browser history and in the
 * hub's request log, and a personal ID must reach neither.
 */
import { TREND_KEYS, type TrendKey } from "../api/types.ts";

export type Route =
  | { name: "home" }
  | { name: "sign-in" }
  | { name: "oidc-callback" }
  | { name: "book"; book: number }
  | { name: "checkup"; book: number; checkupId: string }
  | { name: "trends"; book: number; key: TrendKey }
  | { name: "shares"; book: number }
  | { name: "access-log"; book: number }
  | { name: "doctor" }
  | { name: "grant"; grantId: string }
  | { name: "grant-checkup"; grantId: string; checkupId: string }
  | { name: "grant-trends"; grantId: string; key: TrendKey }
  | { name: "verify"; code: string | null }
  | { name: "steward"; reason: string | null }
  | { name: "steward-case"; caseId: string }
  | { name: "not-found" };

const ID = "([0-9A-Za-z-]{1,64})";
const table: [RegExp, (m: string[], q: URLSearchParams) => Route][] = [
  [/^\/$/, () => ({ name: "home" })],
  [/^\/sign-in$/, () => ({ name: "sign-in" })],
  [/^\/sign-in\/callback$/, () => ({ name: "oidc-callback" })],
  [/^\/book\/(\d{1,3})$/, (m) => ({ name: "book", book: Number(m[1]) })],
  [new RegExp(`^/book/(\\d{1,3})/checkup/${ID}$`), (m) => ({ name: "checkup", book: Number(m[1]), checkupId: m[2]! })],
  [/^\/book\/(\d{1,3})\/trends$/, (m, q) => ({ name: "trends", book: Number(m[1]), key: trendKey(q.get("k")) })],
  [/^\/book\/(\d{1,3})\/share$/, (m) => ({ name: "shares", book: Number(m[1]) })],
  [/^\/book\/(\d{1,3})\/access-log$/, (m) => ({ name: "access-log", book: Number(m[1]) })],
  [/^\/doctor$/, () => ({ name: "doctor" })],
  [new RegExp(`^/doctor/grant/${ID}$`), (m) => ({ name: "grant", grantId: m[1]! })],
  [new RegExp(`^/doctor/grant/${ID}/checkup/${ID}$`), (m) => ({ name: "grant-checkup", grantId: m[1]!, checkupId: m[2]! })],
  [new RegExp(`^/doctor/grant/${ID}/trends$`), (m, q) => ({ name: "grant-trends", grantId: m[1]!, key: trendKey(q.get("k")) })],
  [/^\/steward$/, (_m, q) => ({ name: "steward", reason: q.get("reason") || null })],
  [new RegExp(`^/steward/case/${ID}$`), (m) => ({ name: "steward-case", caseId: m[1]! })],
  [/^\/verify$/, (_m, q) => ({ name: "verify", code: q.get("code") })],
  [/^\/verify\/([0-9A-Za-z-]{1,32})$/, (m) => ({ name: "verify", code: m[1]! })],
];

export function matchRoute(pathname: string, search = ""): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  const query = new URLSearchParams(search);
  for (const [re, make] of table) {
    const m = re.exec(path);
    if (m) return make([...m], query);
  }
  return { name: "not-found" };
}

function trendKey(k: string | null): TrendKey {
  return (TREND_KEYS as readonly string[]).includes(k ?? "") ? (k as TrendKey) : "bp";
}

/** Path builders, so no page spells a URL by hand. */
export const paths = {
  home: () => "/",
  signIn: () => "/sign-in",
  book: (n: number) => `/book/${n}`,
  checkup: (n: number, id: string) => `/book/${n}/checkup/${encodeURIComponent(id)}`,
  trends: (n: number, key: TrendKey = "bp") => `/book/${n}/trends?k=${key}`,
  shares: (n: number) => `/book/${n}/share`,
  accessLog: (n: number) => `/book/${n}/access-log`,
  doctor: () => "/doctor",
  grant: (id: string) => `/doctor/grant/${encodeURIComponent(id)}`,
  grantCheckup: (id: string, c: string) => `/doctor/grant/${encodeURIComponent(id)}/checkup/${encodeURIComponent(c)}`,
  grantTrends: (id: string, key: TrendKey = "bp") => `/doctor/grant/${encodeURIComponent(id)}/trends?k=${key}`,
  steward: (reason?: string | null) => (reason ? `/steward?reason=${encodeURIComponent(reason)}` : "/steward"),
  stewardCase: (id: string) => `/steward/case/${encodeURIComponent(id)}`,
} as const;
