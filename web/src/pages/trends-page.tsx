/** Trend charts of a citizen's (or ward's) measures over their check-ups. */
import { useTranslation } from "react-i18next";
import type { BookRef, Trend, TrendKey } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { PageTitle } from "../components/page-title.tsx";
import { TrendView } from "../components/trend-view.tsx";
import { paths } from "../router/routes.ts";
import { bookApi } from "./book-paths.ts";

export function TrendsPage({ book, n, trendKey }: { book: BookRef; n: number; trendKey: TrendKey }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const urls = bookApi(book.personal_id);
  return (
    <>
      <PageTitle sub={book.full_name}>{t("trends.title")}</PageTitle>
      <TrendView key={book.personal_id} current={trendKey} load={(k) => api.get<Trend>(urls.trend(k))} href={(k) => paths.trends(n, k)} />
    </>
  );
}
