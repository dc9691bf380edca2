/**
 * "Who read my record": every access by anyone else, newest first: who, in what role, from which
 * facility, for what purpose, when. Break-glass reads and refused attempts stand out.
 */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AccessEntry, AccessLog, BookRef } from "../api/types.ts";
import { useApp, useLang } from "../app-context.ts";
import { Async, ErrorNote } from "../components/async.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { formatInstant } from "../format/date.ts";
import { pick } from "../i18n/lang.ts";
import { actorKey } from "../i18n/keys.ts";
import { useResource } from "../use-resource.ts";
import { bookApi } from "./book-paths.ts";

export function AccessLogPage({ book }: { book: BookRef }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const urls = bookApi(book.personal_id);
  const first = useResource(() => api.get<AccessLog>(urls.accessLog()), [book.personal_id]);
  return (
    <>
      <PageTitle sub={book.full_name}>{t("log.title")}</PageTitle>
      <p className="lead">{t("log.intro")}</p>
      <Async resource={first}>{(page) => <LogPages first={page} load={(before) => api.get<AccessLog>(urls.accessLog(before))} />}</Async>
    </>
  );
}

function LogPages({ first, load }: { first: AccessLog; load: (before: number) => Promise<AccessLog> }) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState(first.entries);
  const [next, setNext] = useState(first.next_before);
  const [error, setError] = useState<unknown>(null);
  const more = async () => {
    if (next === null) return;
    try {
      const page = await load(next);
      setEntries((e) => [...e, ...page.entries]);
      setNext(page.next_before);
    } catch (e) {
      setError(e);
    }
  };
  if (entries.length === 0) return <p className="card">{t("log.empty")}</p>;
  return (
    <>
      <ol className="log" aria-label={t("log.title")}>
        {entries.map((e) => (
          <LogEntry key={e.id} entry={e} />
        ))}
      </ol>
      {next !== null && (
        <button type="button" className="button secondary" onClick={() => void more()}>
          {t("log.more")}
        </button>
      )}
      {error !== null && <ErrorNote error={error} />}
    </>
  );
}

function LogEntry({ entry: e }: { entry: AccessEntry }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const kind = actorKey(e.actor.kind);
  const role = kind ? t(kind) : e.role;
  const cls = ["card", "log-entry", e.break_glass ? "log-break-glass" : "", e.outcome === "refused" ? "log-refused" : ""].join(" ");
  return (
    <li className={cls} data-testid="access-entry" data-purpose={e.purpose.code} data-outcome={e.outcome}>
      <div className="log-head">
        <time dateTime={e.at}>{formatInstant(e.at)}</time>
        {e.break_glass && <span className="badge tone-high">{t("log.breakGlass")}</span>}
        {e.outcome === "refused" && <span className="badge tone-abnormal">{t("log.refused")}</span>}
      </div>
      <dl className="facts compact">
        <div>
          <dt>{t("log.who")}</dt>
          <dd>{e.actor.name ?? role}</dd>
        </div>
        <div>
          <dt>{t("log.role")}</dt>
          <dd>{role}</dd>
        </div>
        {e.facility && (
          <div>
            <dt>{t("log.facility")}</dt>
            <dd>{e.facility.name}</dd>
          </div>
        )}
        <div>
          <dt>{t("log.purpose")}</dt>
          <dd>{pick(e.purpose, lang)}</dd>
        </div>
        <div>
          <dt>{t("log.action")}</dt>
          <dd>{pick(e.action, lang)}</dd>
        </div>
        {e.reason && (
          <div>
            <dt>{t("log.reason")}</dt>
            <dd>{e.reason}</dd>
          </div>
        )}
      </dl>
    </li>
  );
}
