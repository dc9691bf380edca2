/**
 * One case: the record beside each candidate, the differing cells marked (colour, icon and word),
 * the score breakdown under each candidate, and the decisions: link, reject a candidate, new
 * person, undo. Every decision carries the version the steward saw; when someone else decided
 * first (409), the case reloads with a notice instead of overwriting.
 */
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";
import { useApp, useLang } from "../app-context.ts";
import { ErrorNote, Loading } from "../components/async.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { formatDate, formatInstant } from "../format/date.ts";
import { Link } from "../router/navigation.tsx";
import { paths } from "../router/routes.ts";
import { actionLabel, breakdownLabel, formatScore, reasonLabel, statusLabel } from "./labels.ts";
import { ScoreChip } from "./queue-page.tsx";
import { COMPARED, type Candidate, type CaseDetail, type ComparedField, type Decision } from "./types.ts";

type Notice = { tone: "ok" | "warn"; text: string } | null;
type DecisionBody = { action: "link"; personal_id: string } | { action: "reject-candidate"; personal_id: string } | { action: "new-person" };

/** Someone decided first or a newer record arrived: nothing was written, reload and look again. */
const STALE = new Set(["IDENTITY-CASE-CONFLICT", "IDENTITY-CASE-CLOSED"]);

export function CasePage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [data, setData] = useState<CaseDetail | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setData(await api.get<CaseDetail>(`/api/identity/cases/${encodeURIComponent(caseId)}`));
      setLoadError(null);
    } catch (err) {
      setLoadError(err);
    }
  }, [api, caseId]);

  useEffect(() => {
    void load();
  }, [load]);

  const run = async (call: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setActionError(null);
    setNotice(null);
    try {
      await call();
      setNotice({ tone: "ok", text: done });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && STALE.has(err.code)) setNotice({ tone: "warn", text: t("steward.conflict") });
      else setActionError(err);
    } finally {
      await load();
      setBusy(false);
    }
  };

  const decide = (body: DecisionBody) =>
    void run(() => api.post(`/api/identity/cases/${encodeURIComponent(caseId)}/decisions`, { ...body, expected_version: data!.version }), t("steward.decided"));
  const undo = (decisionId: string) =>
    void run(() => api.post(`/api/identity/decisions/${encodeURIComponent(decisionId)}/undo`), t("steward.undoneNote"));

  if (data === null) return loadError !== null ? <ErrorNote error={loadError} onRetry={() => void load()} /> : <Loading />;

  const open = data.status === "open";
  return (
    <>
      <p>
        <Link href={paths.steward()}>← {t("steward.back")}</Link>
      </p>
      <PageTitle sub={reasonLabel(t, data.reason)}>{t("steward.caseTitle", { maLk: data.record.ma_lk })}</PageTitle>
      <CaseFacts data={data} />
      <div aria-live="polite">
        {notice && (
          <div className={`note note-${notice.tone}`} role="status" data-testid="case-notice">
            <p>{notice.text}</p>
          </div>
        )}
      </div>
      {actionError !== null && <ErrorNote error={actionError} />}
      {loadError !== null && <ErrorNote error={loadError} onRetry={() => void load()} />}
      {!open && (
        <div className="note note-warn">
          <p>{t("steward.closed", { status: statusLabel(t, data.status) })}</p>
        </div>
      )}

      <CompareTable data={data} />

      {data.candidates.length === 0 && <p className="muted">{t("steward.noCandidates")}</p>}
      <div className="candidate-grid">
        {data.candidates.map((c, i) => (
          <CandidateCard key={c.personal_id} candidate={c} n={i + 1} disabled={!open || busy} onDecide={decide} />
        ))}
      </div>

      <section className="card new-person" aria-labelledby="new-person-h">
        <h2 id="new-person-h">{t("steward.newPerson")}</h2>
        <p className="muted">{t("steward.newPersonHint")}</p>
        <button type="button" className="button secondary" disabled={!open || busy} onClick={() => decide({ action: "new-person" })}>
          {t("steward.newPerson")}
        </button>
      </section>

      <History decisions={data.decisions} busy={busy} onUndo={undo} />
    </>
  );
}

function CaseFacts({ data }: { data: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <dl className="facts card">
      <div>
        <dt>{t("steward.facility")}</dt>
        <dd>{data.facility?.name ?? "—"}</dd>
      </div>
      <div>
        <dt>{t("steward.examDate")}</dt>
        <dd>{formatDate(data.exam_date) || "—"}</dd>
      </div>
      <div>
        <dt>{t("steward.received")}</dt>
        <dd>{formatInstant(data.created_at)}</dd>
      </div>
      <div>
        <dt>{t("steward.filterReason")}</dt>
        <dd>{reasonLabel(t, data.reason)}</dd>
      </div>
      <div>
        <dt>{t("steward.caseStatus")}</dt>
        <dd>
          <span className={`badge case-status status-${data.status}`} data-testid="case-status" data-status={data.status}>
            {statusLabel(t, data.status)}
          </span>
        </dd>
      </div>
    </dl>
  );
}

function useShow() {
  const { t } = useTranslation();
  return (field: ComparedField, value: string | null | undefined): string => {
    if (value === null || value === undefined || value === "") return "—";
    if (field === "birth_date") return formatDate(value);
    if (field === "sex") return value === "1" ? t("steward.male") : value === "2" ? t("steward.female") : value;
    return value;
  };
}

function CompareTable({ data }: { data: CaseDetail }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const show = useShow();
  return (
    <div className="compare-scroll" role="region" aria-label={t("steward.compare")} tabIndex={0}>
      <table className="compare" data-testid="compare">
        <caption>{t("steward.compare")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("steward.field")}</th>
            <th scope="col">{t("steward.record")}</th>
            {data.candidates.map((c, i) => (
              <th scope="col" key={c.personal_id} className={c.rejected ? "rejected" : undefined}>
                {t("steward.candidate", { n: i + 1 })}
                <br />
                {c.score !== null && <ScoreChip score={c.score} lang={lang} />}
                {c.rejected && <span className="tag">{t("steward.rejected")}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {COMPARED.map((f) => (
            <tr key={f} data-field={f}>
              <th scope="row">{t(`steward.fields.${f}`)}</th>
              <td>{show(f, data.record[f])}</td>
              {data.candidates.map((c) => {
                const cell = c.fields?.[f];
                const classes = [cell?.differs ? "differs" : "", c.rejected ? "rejected" : ""].filter(Boolean).join(" ");
                return (
                  <td key={c.personal_id} className={classes || undefined} data-differs={cell?.differs ? "true" : "false"}>
                    {show(f, cell?.value)}
                    {cell?.differs && (
                      <span className="differs-mark">
                        <span aria-hidden="true">≠ </span>
                        {t("steward.differs")}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CandidateCard({ candidate: c, n, disabled, onDecide }: { candidate: Candidate; n: number; disabled: boolean; onDecide: (b: DecisionBody) => void }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const total = c.breakdown.reduce((s, b) => s + b.weight, 0);
  const name = c.fields?.full_name.value ?? c.personal_id;
  return (
    <section className={`card candidate${c.rejected ? " rejected" : ""}`} data-testid="candidate" data-rejected={c.rejected ? "true" : "false"} aria-labelledby={`cand-${n}`}>
      <h2 id={`cand-${n}`}>
        {t("steward.candidate", { n })}: {name}
      </h2>
      <p className="muted">
        {c.personal_id}
        {c.source === "sent-id" && <> · {t("steward.sentId")}</>}
      </p>
      {c.rejected && <span className="tag">{t("steward.rejected")}</span>}
      {c.excluded_by && <p className="note note-warn">{t("steward.excluded", { rule: c.excluded_by })}</p>}
      {c.fields === null && <p className="muted">{t("steward.noRegistry")}</p>}
      {c.breakdown.length > 0 && (
        <table className="breakdown">
          <caption>{t("steward.breakdown")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("steward.bfield")}</th>
              <th scope="col">{t("steward.level")}</th>
              <th scope="col" className="num">
                {t("steward.weight")}
              </th>
            </tr>
          </thead>
          <tbody>
            {c.breakdown.map((b) => (
              <tr key={b.field} className={b.weight < 0 ? "neg" : undefined}>
                <th scope="row">{breakdownLabel(t, b.field)}</th>
                <td>
                  <code>{b.level}</code>
                </td>
                <td className="num">{formatScore(b.weight, lang, true)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t("steward.total")}
              </th>
              <td className="num">{formatScore(c.score ?? total, lang)}</td>
            </tr>
          </tfoot>
        </table>
      )}
      <div className="button-row">
        <button type="button" className="button" disabled={disabled || c.fields === null} onClick={() => onDecide({ action: "link", personal_id: c.personal_id })}>
          {t("steward.link")}
        </button>
        <button type="button" className="button secondary" disabled={disabled || c.rejected} onClick={() => onDecide({ action: "reject-candidate", personal_id: c.personal_id })}>
          {t("steward.reject")}
        </button>
      </div>
    </section>
  );
}

function History({ decisions, busy, onUndo }: { decisions: Decision[]; busy: boolean; onUndo: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="history-h">
      <h2 id="history-h">{t("steward.history")}</h2>
      {decisions.length === 0 ? (
        <p className="muted">{t("steward.noHistory")}</p>
      ) : (
        <ol className="decision-list">
          {decisions.map((d) => (
            <li key={d.decision_id} data-testid="decision" data-action={d.action} data-undone={d.undone_by ? "true" : "false"}>
              <div>
                <strong>{actionLabel(t, d.action)}</strong>
                {d.personal_id && <> · {d.personal_id}</>}
                {d.undone_by && <span className="tag">{t("steward.undone")}</span>}
              </div>
              <div className="muted">{t("steward.by", { name: d.decided_by_name ?? d.decided_by ?? "—", at: formatInstant(d.decided_at) })}</div>
              {d.action !== "undo" && !d.undone_by && (
                <button type="button" className="button secondary" disabled={busy} onClick={() => onUndo(d.decision_id)}>
                  {t("steward.undo")}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
