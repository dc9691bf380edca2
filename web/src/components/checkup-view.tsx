/** One check-up in full: the same view for the citizen, a guardian and a doctor with a grant. */
import { useTranslation } from "react-i18next";
import type { CheckupEntry } from "../api/types.ts";
import { useLang } from "../app-context.ts";
import { formatDate, formatLocalDateTime } from "../format/date.ts";
import { pick } from "../i18n/lang.ts";
import { Exams, Conclusion } from "./conclusion.tsx";
import { Explanations } from "./explanations.tsx";
import { MeasuresTables } from "./measures-table.tsx";
import { PageTitle } from "./page-title.tsx";
import { PdfButtons } from "./pdf-buttons.tsx";

export function CheckupView({ entry, pdfPath, who }: { entry: CheckupEntry; pdfPath: string; who: string }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const when = entry.exam_time_vi ?? (entry.exam_time ? formatLocalDateTime(entry.exam_time) : formatDate(entry.exam_date));
  return (
    <>
      <PageTitle sub={who}>{t("checkup.title", { date: formatDate(entry.exam_date) })}</PageTitle>
      <section className="card" aria-label={t("checkup.about")}>
        <dl className="facts">
          <div>
            <dt>{t("checkup.time")}</dt>
            <dd>{when}</dd>
          </div>
          <div>
            <dt>{t("book.facility")}</dt>
            <dd>{entry.facility.name}</dd>
          </div>
          <div>
            <dt>{t("checkup.type")}</dt>
            <dd>{pick(entry.type, lang)}</dd>
          </div>
          {entry.reason && (
            <div>
              <dt>{t("checkup.reason")}</dt>
              <dd>{entry.reason}</dd>
            </div>
          )}
        </dl>
        {entry.corrected && <p className="note">{t("checkup.corrected")}</p>}
        <PdfButtons path={pdfPath} examDate={entry.exam_date} />
      </section>
      <section className="card" aria-labelledby="findings-h">
        <h2 id="findings-h">{t("checkup.measures")}</h2>
        <Explanations items={entry.abnormal} allNormal={t("checkup.allNormal")} />
        <MeasuresTables measures={entry.measures} />
        <Exams exams={entry.exams} />
      </section>
      <Conclusion entry={entry} />
    </>
  );
}
