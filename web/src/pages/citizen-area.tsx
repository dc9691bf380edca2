/**
 * Everything a signed-in citizen sees: who they are (`/api/me`), the books they may open (their
 * own, then their wards'), a navigation bar, and the page the URL names.
 */
import type { ChangeEvent } from "react";
import { useTranslation } from "react-i18next";
import type { BookRef, Me } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { Async } from "../components/async.tsx";
import { Shell } from "../components/shell.tsx";
import { Link, navigate } from "../router/navigation.tsx";
import { paths, type Route } from "../router/routes.ts";
import { useResource } from "../use-resource.ts";
import { AccessLogPage } from "./access-log-page.tsx";
import { BookPage } from "./book-page.tsx";
import { CheckupPage } from "./checkup-page.tsx";
import { NotFound } from "./not-found.tsx";
import { SharesPage } from "./shares-page.tsx";
import { TrendsPage } from "./trends-page.tsx";

export type CitizenRoute = Extract<Route, { book: number }>;

export function CitizenArea({ route }: { route: CitizenRoute }) {
  const { api } = useApp();
  const me = useResource(() => api.get<Me>("/api/me"), []);
  if (me.state !== "ok") {
    return (
      <Shell>
        <Async resource={me}>{() => null}</Async>
      </Shell>
    );
  }
  const book = me.data.books[route.book];
  return book ? (
    <Shell nav={<CitizenNav route={route} books={me.data.books} />}>
      <CitizenPage route={route} book={book} />
    </Shell>
  ) : (
    <Shell>
      <NotFound />
    </Shell>
  );
}

function CitizenPage({ route, book }: { route: CitizenRoute; book: BookRef }) {
  switch (route.name) {
    case "book":
      return <BookPage book={book} n={route.book} />;
    case "checkup":
      return <CheckupPage book={book} n={route.book} checkupId={route.checkupId} />;
    case "trends":
      return <TrendsPage book={book} n={route.book} trendKey={route.key} />;
    case "shares":
      return <SharesPage book={book} />;
    case "access-log":
      return <AccessLogPage book={book} />;
  }
}

function CitizenNav({ route, books }: { route: CitizenRoute; books: BookRef[] }) {
  const { t } = useTranslation();
  const n = route.book;
  const items: [CitizenRoute["name"][], string, string][] = [
    [["book", "checkup"], paths.book(n), t("nav.overview")],
    [["trends"], paths.trends(n), t("nav.trends")],
    [["shares"], paths.shares(n), t("nav.share")],
    [["access-log"], paths.accessLog(n), t("nav.accessLog")],
  ];
  const switchBook = (e: ChangeEvent<HTMLSelectElement>) => navigate(samePage(route, Number(e.target.value)));
  return (
    <div className="subbar">
      {books.length > 1 && (
        <label className="book-switch">
          <span>{t("nav.bookOf")}</span>
          <select value={n} onChange={switchBook}>
            {books.map((b, i) => (
              <option key={b.personal_id} value={i}>
                {b.full_name}
                {b.relation === "ward" ? ` (${t("nav.ward")})` : ""}
              </option>
            ))}
          </select>
        </label>
      )}
      <nav aria-label={t("nav.main")} className="tabs">
        {items.map(([names, href, label]) => (
          <Link key={href} href={href} className="tab" aria-current={names.includes(route.name) ? "page" : undefined}>
            {label}
          </Link>
        ))}
      </nav>
    </div>
  );
}

/** The same kind of page in another book (a check-up id belongs to one book: go to its overview). */
function samePage(route: CitizenRoute, n: number): string {
  switch (route.name) {
    case "trends":
      return paths.trends(n, route.key);
    case "shares":
      return paths.shares(n);
    case "access-log":
      return paths.accessLog(n);
    case "book":
    case "checkup":
      return paths.book(n);
  }
}
