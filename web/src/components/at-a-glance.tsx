/**
 * The newest check-up at a glance: when, where, the health class, the key measures, and anything
 * abnormal explained in plain words (the API's catalogue-built sentences).
 */
import { useTranslation } from "react-i18next";
import type { CheckupEntry, HealthBook } from "../api/types.ts";
import { useLang } from "../app-context.ts";
import { formatDate } from "../format/date.ts";
import { formatNumber } from "../format/number.ts";
import { pick } from "../i18n/lang.ts";
import { Link } from "../router/navigation.tsx";
import { Badge } from "./badge.tsx";
import { Explanations } from "./explanations.tsx";

export function AtAGlance({ book, checkupHref }: { book: HealthBook; checkupHref: (id: string) => string }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const g = book.at_a_glance;
  if (!g) {
    return (
      <section className="card" aria-labelledby="latest-h">
        <h2 id="latest-h">{t("book.latest")}</h2>
        <p>{t("book.none")}</p>
      </section>
    );
  }
  const entry = book.checkups.find((c) => c.checkup_id === g.checkup_id);
  return (
    <section className="card latest" aria-labelledby="latest-h">
      <h2 id="latest-h">{t("book.latest")}</h2>
      <dl className="facts">
        <div>
          <dt>{t("book.examDate")}</dt>
          <dd>{g.exam_date_vi || formatDate(g.exam_date)}</dd>
        </div>
        <div>
          <dt>{t("book.facility")}</dt>
          <dd>{g.facility.name}</dd>
        </div>
        {g.health_class && (
          <div>
            <dt>{t("book.healthClass")}</dt>
            <dd>{pick(g.health_class, lang)}</dd>
          </div>
        )}
      </dl>
      <Explanations items={g.abnormal} allNormal={t("book.allNormal")} />
      {g.key_measures.length > 0 && (
        <>
          <h3>{t("book.keyMeasures")}</h3>
          <ul className="tiles">
            {g.key_measures.map((m) => (
              <li key={m.key} className="tile">
                <span className="tile-name">{measureName(entry, m.key, lang)}</span>
                <span className="tile-value">
                  {formatNumber(m.value, lang)} <small>{m.unit_display ?? m.unit}</small>
                </span>
                <Badge interpretation={m.interpretation} />
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link className="button" href={checkupHref(g.checkup_id)}>
          {t("book.details")}
        </Link>
      </p>
    </section>
  );
}

/** Key measures carry only a key: their names come from the same check-up's full entry. */
function measureName(entry: CheckupEntry | undefined, key: string, lang: "vi" | "en"): string {
  const m = entry?.measures.find((x) => x.key === key);
  return (m?.name && pick(m.name, lang)) || m?.name_as_sent || key;
}
