/** Loading and failure states shared by every page, with the hub's own words for a refusal. */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";
import { useLang } from "../app-context.ts";
import { pick } from "../i18n/lang.ts";
import type { Resource } from "../use-resource.ts";

export function errorMessage(error: unknown, lang: "vi" | "en", fallback: string): string {
  if (error instanceof ApiError && error.text) return pick(error.text, lang);
  return fallback;
}

export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const offline = !(error instanceof ApiError);
  // A refusal (revoked, expired, not yours) stays a refusal: only offer to retry what may pass.
  const retryable = offline || error.status >= 500 || error.status === 429;
  return (
    <div className="note note-error" role="alert" data-code={error instanceof ApiError ? error.code : "NETWORK"}>
      <p>{errorMessage(error, lang, offline ? t("errors.network") : t("errors.generic"))}</p>
      {onRetry && retryable && (
        <button type="button" className="button secondary" onClick={onRetry}>
          {t("app.retry")}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t("app.loading")}
    </p>
  );
}

export function Async<T>({ resource, children }: { resource: Resource<T> & { reload: () => void }; children: (data: T) => ReactNode }) {
  if (resource.state === "loading") return <Loading />;
  if (resource.state === "error") return <ErrorNote error={resource.error} onRetry={resource.reload} />;
  return <>{children(resource.data)}</>;
}
