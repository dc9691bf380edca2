/** Abnormal findings in plain words, or a reassuring line when there are none. */
import { useTranslation } from "react-i18next";
import type { Explanation } from "../api/types.ts";
import { useLang } from "../app-context.ts";
import { pick } from "../i18n/lang.ts";
import { Badge } from "./badge.tsx";

export function Explanations({ items, allNormal }: { items: Explanation[]; allNormal: string }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  if (items.length === 0) return <p className="note note-ok">{allNormal}</p>;
  return (
    <div className="note note-warn">
      <h3>{t("book.attention")}</h3>
      <ul className="explanations">
        {items.map((a, i) => (
          <li key={`${a.key}-${i}`} data-key={a.key}>
            <Badge interpretation={a.interpretation} /> {pick(a, lang)}
          </li>
        ))}
      </ul>
    </div>
  );
}
