/**
 * A patient's record as a clinician reads it through one grant: the book (in the grant's scope),
 * a check-up in full with its PDF, and trends (`everything` grants only). A revoked share or an
 * expired grant shows the hub's refusal instead.
 */
import { useTranslation } from "react-i18next";
import type { CheckupEntry, Grant, HealthBook, Trend, TrendKey } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { AtAGlance } from "../components/at-a-glance.tsx";
import { Async } from "../components/async.tsx";
import { CheckupView } from "../components/checkup-view.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { PersonHeader } from "../components/person-header.tsx";
import { Problems } from "../components/problems.tsx";
import { Timeline } from "../components/timeline.tsx";
import { TrendView } from "../components/trend-view.tsx";
import { formatInstant } from "../format/date.ts";
import { Link } from "../router/navigation.tsx";
import { paths } from "../router/routes.ts";
import { useResource } from "../use-resource.ts";

const base = (id: string) => `/api/clinician/grants/${encodeURIComponent(id)}`;

export function GrantPage({ grantId }: { grantId: string }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const book = useResource(() => api.get<HealthBook>(`${base(grantId)}/book`), [grantId]);
  const href = (id: string) => paths.grantCheckup(grantId, id);
  return (
    <>
      <GrantBanner grantId={grantId} />
      <Async resource={book}>
        {(hb) => (
          <>
            <PersonHeader person={hb.person} />
            {hb.scope === "everything" && (
              <p>
                <Link href={paths.grantTrends(grantId)} className="button secondary">
                  {t("nav.trends")}
                </Link>
              </p>
            )}
            <div className="grid">
              <AtAGlance book={hb} checkupHref={href} />
              <Problems book={hb} />
            </div>
            <Timeline checkups={hb.checkups} href={href} />
          </>
        )}
      </Async>
      <BackToList />
    </>
  );
}

export function GrantCheckupPage({ grantId, checkupId }: { grantId: string; checkupId: string }) {
  const { api } = useApp();
  const url = `${base(grantId)}/checkups/${encodeURIComponent(checkupId)}`;
  const entry = useResource(() => api.get<CheckupEntry>(url), [url]);
  return (
    <>
      <GrantBanner grantId={grantId} />
      <Async resource={entry}>{(e) => <CheckupView entry={e} pdfPath={`${url}/pdf`} who="" />}</Async>
      <BackToGrant grantId={grantId} />
    </>
  );
}

export function GrantTrendsPage({ grantId, trendKey }: { grantId: string; trendKey: TrendKey }) {
  const { t } = useTranslation();
  const { api } = useApp();
  return (
    <>
      <GrantBanner grantId={grantId} />
      <PageTitle>{t("trends.title")}</PageTitle>
      <TrendView current={trendKey} load={(k) => api.get<Trend>(`${base(grantId)}/trends/${k}`)} href={(k) => paths.grantTrends(grantId, k)} />
      <BackToGrant grantId={grantId} />
    </>
  );
}

/** Whose record, by what right, until when: always in view while reading. */
function GrantBanner({ grantId }: { grantId: string }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const grants = useResource(() => api.get<{ grants: Grant[] }>("/api/clinician/grants"), [grantId]);
  const g = grants.state === "ok" ? grants.data.grants.find((x) => x.grant_id === grantId) : undefined;
  if (!g) return null;
  return (
    <p className={`grant-banner ${g.kind === "break-glass" ? "note note-error" : "note"}`}>
      <strong>{g.patient.full_name}</strong> · {t(`doctor.kind.${g.kind}`)} · {t(`share.scope.${g.scope}`)} ·{" "}
      {t("doctor.until", { time: formatInstant(g.expires_at) })}
    </p>
  );
}

function BackToList() {
  const { t } = useTranslation();
  return (
    <p>
      <Link href={paths.doctor()}>{t("doctor.backToList")}</Link>
    </p>
  );
}

function BackToGrant({ grantId }: { grantId: string }) {
  const { t } = useTranslation();
  return (
    <p>
      <Link href={paths.grant(grantId)}>{t("doctor.backToRecord")}</Link>
    </p>
  );
}
