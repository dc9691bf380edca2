/** Allergies first (what a doctor must not miss), then active problems and past history. */
import { useTranslation } from "react-i18next";
import type { Condition, HealthBook } from "../api/types.ts";
import { formatDate } from "../format/date.ts";

export function Problems({ book }: { book: HealthBook }) {
  const { t } = useTranslation();
  const groups: [string, string, Condition[]][] = [
    ["allergies", t("book.allergies"), book.history.allergies],
    ["problems", t("book.problems"), book.active_problems],
    ["history", t("book.history"), book.history.conditions],
  ];
  return (
    <section className="card" aria-labelledby="problems-h">
      <h2 id="problems-h">{t("book.healthIssues")}</h2>
      {groups.map(([id, title, items]) => (
        <div key={id} className={id === "allergies" && items.length > 0 ? "note note-warn" : undefined}>
          <h3>{title}</h3>
          {items.length === 0 ? (
            <p className="muted">{t("book.nothingRecorded")}</p>
          ) : (
            <ul className="conditions">
              {items.map((c, i) => (
                <li key={`${c.icd10 ?? ""}-${i}`}>
                  <span>{c.text ?? c.icd10}</span> {c.icd10 && <code className="icd">{c.icd10}</code>}
                  {c.last_seen && <span className="muted"> · {t("book.lastSeen", { date: formatDate(c.last_seen) })}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
