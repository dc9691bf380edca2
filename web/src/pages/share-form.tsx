/** What to share and for how long; the hub allows 15 minutes to 7 days. */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { NewShare, Scope } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { ErrorNote } from "../components/async.tsx";

export const DURATIONS = [15, 60, 240, 1440, 4320, 10080] as const;
type Duration = (typeof DURATIONS)[number];

export function ShareForm({ path, onCreated }: { path: string; onCreated: (s: NewShare) => void }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const [scope, setScope] = useState<Scope>("summary");
  const [minutes, setMinutes] = useState<Duration>(60);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onCreated(await api.post<NewShare>(path, { scope, duration_minutes: minutes }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={(e) => void submit(e)}>
      <h2>{t("share.new")}</h2>
      <fieldset>
        <legend>{t("share.what")}</legend>
        {(["summary", "everything"] as const).map((s) => (
          <label key={s} className="choice">
            <input type="radio" name="scope" value={s} checked={scope === s} onChange={() => setScope(s)} />
            <span>
              <strong>{t(`share.scope.${s}`)}</strong>
              <br />
              <span className="muted">{t(`share.scopeHint.${s}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t("share.howLong")}</span>
        <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value) as Duration)}>
          {DURATIONS.map((d) => (
            <option key={d} value={d}>
              {t(`duration.${d}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button" disabled={busy}>
        {t("share.create")}
      </button>
      {error !== null && <ErrorNote error={error} />}
    </form>
  );
}
