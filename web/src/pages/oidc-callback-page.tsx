/**
 * Where the OIDC provider sends the citizen back (`HOSO_OIDC_REDIRECT_URL` = this page,
 * `/sign-in/callback`): hand `code`, `state` and `iss` to the hub, which checks them and signs in.
 */
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TokenPair } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { ErrorNote, Loading } from "../components/async.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { Shell } from "../components/shell.tsx";
import { Link, navigate } from "../router/navigation.tsx";
import { paths } from "../router/routes.ts";
import { fromTokenPair } from "../session/session.ts";

export function OidcCallbackPage() {
  const { t } = useTranslation();
  const { api, session } = useApp();
  const [error, setError] = useState<unknown>(null);
  // The code works once: a second effect run (React dev mode) must not post it again.
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    const q = new URLSearchParams(window.location.search);
    const body = { code: q.get("code") ?? "", state: q.get("state") ?? "", ...(q.get("iss") ? { iss: q.get("iss") } : {}) };
    api.post<TokenPair>("/api/citizen/oidc/callback", body).then(
      (pair) => {
        session.set(fromTokenPair(pair));
        navigate(paths.book(0), { replace: true });
      },
      (e: unknown) => setError(e),
    );
  }, [api, session]);
  return (
    <Shell>
      <PageTitle>{t("signIn.title")}</PageTitle>
      {error === null ? (
        <Loading />
      ) : (
        <>
          <ErrorNote error={error} />
          <Link href={paths.signIn()}>{t("signIn.again")}</Link>
        </>
      )}
    </Shell>
  );
}
