/**
 * Break-glass: no code, an emergency. The form is folded away by default, asks for the personal ID
 * and a reason (10–500 characters, the hub's rule), and says plainly that the access is
 * time-limited, audited with the reason, and flagged in the patient's log.
 */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Grant } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { ErrorNote } from "../components/async.tsx";
import { navigate } from "../router/navigation.tsx";
import { paths } from "../router/routes.ts";

export function BreakGlassForm() {
  const { t } = useTranslation();
  const { api } = useApp();
  const [personalId, setPersonalId] = useState("");
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const grant = await api.post<Grant>("/api/clinician/break-glass", { personal_id: personalId.trim(), reason: reason.trim() });
      navigate(paths.grant(grant.grant_id));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <details className="card break-glass-box">
      <summary>
        <h2>{t("doctor.breakGlass")}</h2>
      </summary>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <p className="note note-warn">{t("doctor.breakGlassIntro")}</p>
        <label className="field">
          <span>{t("doctor.personalId")}</span>
          <input
            name="personal_id"
            value={personalId}
            onChange={(e) => setPersonalId(e.target.value)}
            inputMode="numeric"
            pattern="\d{12}"
            maxLength={12}
            required
            autoComplete="off"
          />
        </label>
        <label className="field">
          <span>{t("doctor.reason")}</span>
          <textarea name="reason" value={reason} onChange={(e) => setReason(e.target.value)} minLength={10} maxLength={500} required rows={3} />
        </label>
        <button type="submit" className="button danger" disabled={busy}>
          {t("doctor.breakGlassSubmit")}
        </button>
        {error !== null && <ErrorNote error={error} />}
      </form>
    </details>
  );
}
