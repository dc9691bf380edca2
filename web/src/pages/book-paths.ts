/** API paths of one citizen book (the personal ID goes to the API only, never into a page URL). */
import type { TrendKey } from "../api/types.ts";

export function bookApi(personalId: string) {
  const base = `/api/citizen/books/${encodeURIComponent(personalId)}`;
  return {
    book: base,
    checkup: (id: string) => `${base}/checkups/${encodeURIComponent(id)}`,
    pdf: (id: string) => `${base}/checkups/${encodeURIComponent(id)}/pdf`,
    trend: (k: TrendKey) => `${base}/trends/${k}`,
    accessLog: (before?: number) => `${base}/access-log?limit=50${before === undefined ? "" : `&before=${before}`}`,
    shares: `${base}/shares`,
    revoke: (shareId: string) => `${base}/shares/${encodeURIComponent(shareId)}/revoke`,
  };
}
