/** Anyone holding a printed check-up checks its verification code here (no sign-in). */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Verification } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { ErrorNote } from "../components/async.tsx";
import { PageTitle } from "../components/page-title.tsx";
import { Shell } from "../components/shell.tsx";
import { formatDate, formatInstant } from "../format/date.ts";
import { useResource } from "../use-resource.ts";

export function VerifyPage({ code }: { code: string | null }) {
  const { t } = useTranslation();
  const [asked, setAsked] = useState(code ?? "");
  const [input, setInput] = useState(code ?? "");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked(input.trim());
  };
  return (
    <Shell>
      <PageTitle>{t("verify.title")}</PageTitle>
      <form className="card form" onSubmit={submit}>
        <label className="field">
          <span>{t("verify.code")}</span>
          <input value={input} onChange={(e) => setInput(e.target.value)} autoComplete="off" autoCapitalize="characters" spellCheck={false} placeholder="XXXX-XXXX-XXXX" />
        </label>
        <button type="submit" className="button">
          {t("verify.check")}
        </button>
      </form>
      {asked && <VerifyResult key={asked} code={asked} />}
    </Shell>
  );
}

function VerifyResult({ code }: { code: string }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const res = useResource(() => api.get<Verification>(`/api/verify/${encodeURIComponent(code)}`), [code]);
  if (res.state === "loading") return null;
  if (res.state === "error") return <ErrorNote error={res.error} />;
  const v = res.data;
  return (
    <section className={`card note ${v.status === "current" ? "note-ok" : "note-warn"}`} role="status">
      <h2>{t(`verify.status.${v.status}`)}</h2>
      <dl className="facts">
        <div>
          <dt>{t("book.facility")}</dt>
          <dd>{v.facility.name}</dd>
        </div>
        <div>
          <dt>{t("book.examDate")}</dt>
          <dd>{formatDate(v.exam_date)}</dd>
        </div>
        <div>
          <dt>{t("verify.holder")}</dt>
          <dd>
            {v.holder.initials} ({v.holder.birth_year})
          </dd>
        </div>
        <div>
          <dt>{t("verify.issued")}</dt>
          <dd>{formatInstant(v.issued_at)}</dd>
        </div>
      </dl>
    </section>
  );
}
