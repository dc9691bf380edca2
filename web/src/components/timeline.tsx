/** Every check-up and visit in the book, newest first, each opening the full record. */
import { useTranslation } from "react-i18next";
import type { CheckupEntry } from "../api/types.ts";
import { useLang } from "../app-context.ts";
import { formatLocalDateTime, formatDate } from "../format/date.ts";
import { pick } from "../i18n/lang.ts";
import { Link } from "../router/navigation.tsx";

export function Timeline({ checkups, href }: { checkups: CheckupEntry[]; href: (id: string) => string }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  return (
    <section className="card" aria-labelledby="timeline-h">
      <h2 id="timeline-h">{t("book.timeline")}</h2>
      {checkups.length === 0 ? (
        <p className="muted">{t("book.none")}</p>
      ) : (
        <ol className="timeline">
          {checkups.map((c) => (
            <li key={c.checkup_id}>
              <Link href={href(c.checkup_id)} className="timeline-item">
                <time dateTime={c.exam_date} className="timeline-date">
                  {c.exam_time_vi ?? (c.exam_time ? formatLocalDateTime(c.exam_time) : formatDate(c.exam_date))}
                </time>
                <span className="timeline-title">{pick(c.type, lang)}</span>
                <span className="muted">{c.facility.name}</span>
                <span className="timeline-tags">
                  {c.conclusion?.health_class && <span className="tag">{pick(c.conclusion.health_class, lang)}</span>}
                  {c.abnormal.length > 0 && <span className="tag tag-warn">{t("book.abnormalCount", { count: c.abnormal.length })}</span>}
                  {c.corrected && <span className="tag">{t("book.corrected")}</span>}
                </span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
