/** Clinician sign-in with an account of the hub (`POST /api/auth/login`). */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";
import type { TokenPair } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { ErrorNote } from "../components/async.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { fromTokenPair } from "../session/session.ts";

export function StaffSignIn() {
  const { t } = useTranslation();
  const { api, session } = useApp();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const pair = await api.post<TokenPair>("/api/auth/login", { username, password });
      // Only clinicians read records here; other staff roles have their own pages.
      if (pair.role !== "clinician") setError(new ApiError(403, "ACCESS-ROLE", { vi: t("staff.notClinician", { lng: "vi" }), en: t("staff.notClinician", { lng: "en" }) }));
      else session.set(fromTokenPair(pair));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>{t("staff.title")}</PageTitle>
      <form className="card form narrow" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t("staff.username")}</span>
          <input name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label className="field">
          <span>{t("staff.password")}</span>
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button type="submit" className="button" disabled={busy}>
          {t("staff.submit")}
        </button>
        {error !== null && <ErrorNote error={error} />}
      </form>
    </>
  );
}
