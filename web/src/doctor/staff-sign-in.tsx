/** Staff sign-in with an account of the hub (`POST /api/auth/login`): clinicians, or stewards on their own page. */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";
import type { Role, TokenPair } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { ErrorNote } from "../components/async.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { fromTokenPair } from "../session/session.ts";

export interface StaffSignInProps {
  /** The role this page is for: any other account is refused with `refusal`. */
  role?: Role;
  title?: string;
  refusal?: (lng: "vi" | "en") => string;
}

export function StaffSignIn({ role = "clinician", title, refusal }: StaffSignInProps = {}) {
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
      // Each staff role has its own pages: only the one this page is for signs in here.
      const refuse = refusal ?? ((lng) => t("staff.notClinician", { lng }));
      if (pair.role !== role) setError(new ApiError(403, "ACCESS-ROLE", { vi: refuse("vi"), en: refuse("en") }));
      else session.set(fromTokenPair(pair));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>{title ?? t("staff.title")}</PageTitle>
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
