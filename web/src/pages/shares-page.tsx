/**
 * Sharing: the citizen makes a short code and QR for a doctor, choosing what (summary or
 * everything) and for how long (15 minutes to 7 days), sees the codes still live and revokes any.
 */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { BookRef, NewShare, Share } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { Async, ErrorNote } from "../components/async.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { formatInstant } from "../format/date.ts";
import { useResource } from "../use-resource.ts";
import { bookApi } from "./book-paths.ts";
import { NewShareCard } from "./new-share-card.tsx";
import { ShareForm } from "./share-form.tsx";

export function SharesPage({ book }: { book: BookRef }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const urls = bookApi(book.personal_id);
  const [fresh, setFresh] = useState<NewShare | null>(null);
  const active = useResource(() => api.get<{ shares: Share[] }>(urls.shares), [book.personal_id]);
  const created = (s: NewShare) => {
    setFresh(s);
    active.reload();
  };
  return (
    <>
      <PageTitle sub={book.full_name}>{t("share.title")}</PageTitle>
      <p className="lead">{t("share.intro")}</p>
      {fresh ? <NewShareCard share={fresh} onDone={() => setFresh(null)} /> : <ShareForm path={urls.shares} onCreated={created} />}
      <section className="card" aria-labelledby="active-h">
        <h2 id="active-h">{t("share.active")}</h2>
        <Async resource={active}>
          {({ shares }) =>
            shares.length === 0 ? (
              <p className="muted">{t("share.noneActive")}</p>
            ) : (
              <ul className="share-list">
                {shares.map((s) => (
                  <ActiveShare key={s.share_id} share={s} revokePath={urls.revoke(s.share_id)} onRevoked={active.reload} />
                ))}
              </ul>
            )
          }
        </Async>
      </section>
    </>
  );
}

function ActiveShare({ share, revokePath, onRevoked }: { share: Share; revokePath: string; onRevoked: () => void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const revoke = async () => {
    setBusy(true);
    try {
      await api.post(revokePath);
      onRevoked();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  const scope = t(`share.scope.${share.scope}`);
  return (
    <li className="share-item" data-share-id={share.share_id}>
      <div>
        <strong>{scope}</strong>
        <span className="muted"> · {t("share.created", { time: formatInstant(share.created_at) })}</span>
        <br />
        {t("share.expires", { time: formatInstant(share.expires_at) })} · {t("share.redemptions", { count: share.redemptions })}
      </div>
      <button type="button" className="button danger" disabled={busy} onClick={() => void revoke()} aria-label={t("share.revokeLabel", { scope, time: formatInstant(share.created_at) })}>
        {t("share.revoke")}
      </button>
      {error !== null && <ErrorNote error={error} />}
    </li>
  );
}
