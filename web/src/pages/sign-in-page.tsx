/**
 * Citizen sign-in: in the embedded default, a demo sign-in picks one of the demo citizens; in
 * production the OIDC provider (VNeID). Clinicians sign in on the doctor's page.
 */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DemoCitizen, SignInOptions, TokenPair } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { Async, ErrorNote } from "../components/async.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { Shell } from "../components/shell.tsx";
import { formatDate } from "../format/date.ts";
import { Link, navigate } from "../router/navigation.tsx";
import { paths } from "../router/routes.ts";
import { fromTokenPair } from "../session/session.ts";
import { useResource } from "../use-resource.ts";

export function SignInPage() {
  const { t } = useTranslation();
  const { api } = useApp();
  const options = useResource(() => api.get<SignInOptions>("/api/citizen/sign-in-options"), []);
  return (
    <Shell>
      <PageTitle>{t("signIn.title")}</PageTitle>
      <p className="lead">{t("signIn.intro")}</p>
      <Async resource={options}>
        {(o) => (
          <>
            {o.oidc && <OidcButton />}
            {o.demo && <DemoCitizens />}
            {!o.oidc && !o.demo && <p className="note">{t("signIn.none")}</p>}
          </>
        )}
      </Async>
      <section className="card" aria-labelledby="staff-h">
        <h2 id="staff-h">{t("signIn.staff")}</h2>
        <p>
          <Link href={paths.doctor()}>{t("signIn.staffLink")}</Link>
        </p>
      </section>
    </Shell>
  );
}

function OidcButton() {
  const { t } = useTranslation();
  const { api } = useApp();
  const [error, setError] = useState<unknown>(null);
  const start = async () => {
    try {
      const { authorization_url } = await api.post<{ authorization_url: string }>("/api/citizen/oidc/start");
      window.location.assign(authorization_url);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="card" aria-labelledby="oidc-h">
      <h2 id="oidc-h">{t("signIn.citizen")}</h2>
      <button type="button" className="button" onClick={() => void start()}>
        {t("signIn.oidc")}
      </button>
      {error !== null && <ErrorNote error={error} />}
    </section>
  );
}

function DemoCitizens() {
  const { t } = useTranslation();
  const { api, session } = useApp();
  const list = useResource(() => api.get<{ citizens: DemoCitizen[] }>("/api/citizen/demo/citizens"), []);
  const [error, setError] = useState<unknown>(null);
  const signIn = async (c: DemoCitizen) => {
    try {
      session.set(fromTokenPair(await api.post<TokenPair>("/api/citizen/demo/sign-in", { personal_id: c.personal_id })));
      navigate(paths.book(0));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="card" aria-labelledby="demo-h">
      <h2 id="demo-h">{t("signIn.demoTitle")}</h2>
      <p className="muted">{t("signIn.demoIntro")}</p>
      {error !== null && <ErrorNote error={error} />}
      <Async resource={list}>
        {({ citizens }) => (
          <ul className="demo-list">
            {citizens.map((c) => (
              <li key={c.personal_id}>
                <button type="button" className="demo-citizen" onClick={() => void signIn(c)}>
                  <span className="demo-name">{c.full_name}</span>
                  <span className="muted">
                    {t("signIn.born", { date: formatDate(c.birth_date) })} · {t("signIn.checkups", { count: c.checkups })}
                    {c.wards > 0 && ` · ${t("signIn.wards", { count: c.wards })}`}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </Async>
    </section>
  );
}
