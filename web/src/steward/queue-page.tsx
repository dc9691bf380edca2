/** The review queue: open cases oldest first, a filter by reason, "more" a page at a time. */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApp, useLang } from "../app-context.ts";
import { ErrorNote, Loading } from "../components/async.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { formatDate, formatInstant } from "../format/date.ts";
import { Link, navigate } from "../router/navigation.tsx";
import { paths } from "../router/routes.ts";
import { formatScore, reasonLabel } from "./labels.ts";
import { CASE_REASONS, type CaseList, type CaseSummary } from "./types.ts";

const PAGE = 50;

const listPath = (reason: string | null, after: number | null) => {
  const q = new URLSearchParams({ status: "open", limit: String(PAGE) });
  if (reason) q.set("reason", reason);
  if (after !== null) q.set("after", String(after));
  return `/api/identity/cases?${q}`;
};

export function QueuePage({ reason }: { reason: string | null }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [nextAfter, setNextAfter] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setCases(null);
    setError(null);
    api.get<CaseList>(listPath(reason, null)).then(
      (page) => {
        if (!live) return;
        setCases(page.cases);
        setNextAfter(page.cases.length > 0 ? page.next_after : null);
      },
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [api, reason, attempt]);

  const more = async () => {
    if (nextAfter === null) return;
    setBusy(true);
    try {
      const page = await api.get<CaseList>(listPath(reason, nextAfter));
      setCases((prev) => [...(prev ?? []), ...page.cases]);
      setNextAfter(page.cases.length > 0 ? page.next_after : null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle sub={t("steward.queueSub")}>{t("steward.queueTitle")}</PageTitle>
      <label className="field queue-filter">
        <span>{t("steward.filterReason")}</span>
        <select value={reason ?? ""} onChange={(e) => navigate(paths.steward(e.target.value || null))}>
          <option value="">{t("steward.allReasons")}</option>
          {CASE_REASONS.map((r) => (
            <option key={r} value={r}>
              {reasonLabel(t, r)}
            </option>
          ))}
        </select>
      </label>
      {error !== null && <ErrorNote error={error} onRetry={() => setAttempt((a) => a + 1)} />}
      {cases === null && error === null && <Loading />}
      {cases !== null && cases.length === 0 && <p className="muted">{t("steward.empty")}</p>}
      {cases !== null && cases.length > 0 && (
        <ul className="case-list">
          {cases.map((c) => (
            <CaseItem key={c.case_id} item={c} />
          ))}
        </ul>
      )}
      {cases !== null && nextAfter !== null && cases.length >= PAGE && (
        <button type="button" className="button secondary" disabled={busy} onClick={() => void more()}>
          {t("steward.more")}
        </button>
      )}
    </>
  );
}

function CaseItem({ item }: { item: CaseSummary }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  return (
    <li data-testid="case-item" data-reason={item.reason}>
      <Link href={paths.stewardCase(item.case_id)} className="case-item">
        <span className="case-item-head">
          <strong>{reasonLabel(t, item.reason)}</strong>
          <ScoreChip score={item.match && item.match.candidates > 0 ? item.match.score : null} lang={lang} />
        </span>
        <span className="muted">
          {item.facility?.name ?? ""}
        </span>
        <span className="case-item-meta">
          {item.exam_date && (
            <span>
              {t("steward.examDate")}: {formatDate(item.exam_date)}
            </span>
          )}
          {item.match && <span>{t("steward.candidates", { count: item.match.candidates })}</span>}
          <span>
            {t("steward.received")}: {formatInstant(item.created_at)}
          </span>
        </span>
      </Link>
    </li>
  );
}

export function ScoreChip({ score, lang }: { score: number | null; lang: string }) {
  const { t } = useTranslation();
  if (score === null) return <span className="score-chip">{t("steward.noScore")}</span>;
  return <span className={`score-chip${score < 0 ? " neg" : ""}`}>{t("steward.score", { score: formatScore(score, lang) })}</span>;
}
