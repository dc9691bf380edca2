/** The doctor's start page: open a record by share code or break-glass; the grants still live. */
import { useTranslation } from "react-i18next";
import type { Grant } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { Async } from "../components/async.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { formatDate, formatInstant } from "../format/date.ts";
import { Link } from "../router/navigation.tsx";
import { paths } from "../router/routes.ts";
import { useResource } from "../use-resource.ts";
import { BreakGlassForm } from "./break-glass-form.tsx";
import { RedeemForm } from "./redeem-form.tsx";

export function DoctorHome() {
  const { t } = useTranslation();
  const { api } = useApp();
  const grants = useResource(() => api.get<{ grants: Grant[] }>("/api/clinician/grants"), []);
  return (
    <>
      <PageTitle>{t("doctor.title")}</PageTitle>
      <p className="lead">{t("doctor.audited")}</p>
      <div className="grid">
        <RedeemForm />
        <BreakGlassForm />
      </div>
      <section className="card" aria-labelledby="grants-h">
        <h2 id="grants-h">{t("doctor.grants")}</h2>
        <Async resource={grants}>
          {({ grants: list }) =>
            list.length === 0 ? (
              <p className="muted">{t("doctor.noGrants")}</p>
            ) : (
              <ul className="grant-list">
                {list.map((g) => (
                  <li key={g.grant_id} className={g.kind === "break-glass" ? "grant break-glass" : "grant"}>
                    <Link href={paths.grant(g.grant_id)}>{g.patient.full_name}</Link>
                    <span className="muted">
                      {" "}
                      · {formatDate(g.patient.birth_date)} · {t(`doctor.kind.${g.kind}`)} · {t(`share.scope.${g.scope}`)} ·{" "}
                      {t("doctor.until", { time: formatInstant(g.expires_at) })}
                    </span>
                  </li>
                ))}
              </ul>
            )
          }
        </Async>
      </section>
    </>
  );
}
