/** A book's front page: whose it is, the latest check-up at a glance, health issues, the timeline. */
import { useTranslation } from "react-i18next";
import type { BookRef, HealthBook } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { AtAGlance } from "../components/at-a-glance.tsx";
import { Async } from "../components/async.tsx";
import { PersonHeader } from "../components/person-header.tsx";
import { Problems } from "../components/problems.tsx";
import { Timeline } from "../components/timeline.tsx";
import { paths } from "../router/routes.ts";
import { useResource } from "../use-resource.ts";
import { bookApi } from "./book-paths.ts";

export function BookPage({ book, n }: { book: BookRef; n: number }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const res = useResource(() => api.get<HealthBook>(bookApi(book.personal_id).book), [book.personal_id]);
  const href = (id: string) => paths.checkup(n, id);
  return (
    <Async resource={res}>
      {(hb) => (
        <>
          <PersonHeader person={hb.person} note={book.relation === "ward" ? t("book.ward") : undefined} />
          <div className="grid">
            <AtAGlance book={hb} checkupHref={href} />
            <Problems book={hb} />
          </div>
          <Timeline checkups={hb.checkups} href={href} />
        </>
      )}
    </Async>
  );
}
