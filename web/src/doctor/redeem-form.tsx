/**
 * Open a record with the patient's share code: typed, scanned here, or arriving in the URL when
 * the patient's QR was scanned with the phone's camera app (`/doctor?code=…`).
 */
import { lazy, Suspense, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Grant } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { ErrorNote } from "../components/async.tsx";
import { navigate } from "../router/navigation.tsx";
import { paths } from "../router/routes.ts";
import { canScan } from "./qr-code-text.ts";

const QrScanner = lazy(() => import("./qr-scanner.tsx"));

export function RedeemForm() {
  const { t } = useTranslation();
  const { api } = useApp();
  const [code, setCode] = useState(() => new URLSearchParams(window.location.search).get("code") ?? "");
  const [scanning, setScanning] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [cameraFailed, setCameraFailed] = useState(false);

  const redeem = async (value: string) => {
    setBusy(true);
    setError(null);
    try {
      const grant = await api.post<Grant>("/api/clinician/shares/redeem", { code: value });
      navigate(paths.grant(grant.grant_id), { replace: window.location.search.includes("code=") });
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void redeem(code);
  };
  const scanned = (value: string) => {
    setScanning(false);
    setCode(value);
    void redeem(value);
  };

  const cameraError = () => {
    setScanning(false);
    setCameraFailed(true);
  };

  return (
    <form className="card form" onSubmit={submit}>
      <h2>{t("doctor.byCode")}</h2>
      <label className="field">
        <span>{t("doctor.codeLabel")}</span>
        <input
          name="code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          inputMode="text"
          required
          minLength={8}
          maxLength={12}
          aria-describedby="code-hint"
          className="code-input"
        />
        <small id="code-hint" className="muted">
          {t("doctor.codeHint")}
        </small>
      </label>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {t("doctor.open")}
        </button>
        {canScan() && (
          <button type="button" className="button secondary" onClick={() => setScanning((s) => !s)} aria-expanded={scanning}>
            {scanning ? t("doctor.scanStop") : t("doctor.scan")}
          </button>
        )}
      </div>
      {scanning && (
        <Suspense fallback={null}>
          <QrScanner onCode={scanned} onError={cameraError} />
        </Suspense>
      )}
      {cameraFailed && (
        <p className="note note-error" role="alert">
          {t("doctor.cameraError")}
        </p>
      )}
      {error !== null && <ErrorNote error={error} />}
    </form>
  );
}
