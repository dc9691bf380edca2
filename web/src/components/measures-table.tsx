/**
 * A check-up's measures, one table per category, each row: name, result with unit, the normal
 * range for this person, and the assessment in words. On a phone each row stacks as a card.
 */
import { useTranslation } from "react-i18next";
import type { Measure, MeasureCategory } from "../api/types.ts";
import { useLang } from "../app-context.ts";
import { formatBand, formatNumber } from "../format/number.ts";
import { pick, type Lang } from "../i18n/lang.ts";
import { Badge } from "./badge.tsx";

const ORDER: readonly MeasureCategory[] = ["vital-signs", "laboratory", "imaging", "exam", "other"];

export function MeasuresTables({ measures }: { measures: Measure[] }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  return (
    <>
      {ORDER.map((cat) => {
        const rows = measures.filter((m) => m.category === cat);
        if (rows.length === 0) return null;
        return (
          <table key={cat} className="responsive measures">
            <caption>{t(`category.${cat}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t("col.name")}</th>
                <th scope="col">{t("col.value")}</th>
                <th scope="col">{t("col.range")}</th>
                <th scope="col">{t("col.assessment")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m, i) => (
                <tr key={`${m.key ?? m.name_as_sent}-${i}`} className={m.abnormal ? "row-abnormal" : undefined} data-key={m.key ?? undefined}>
                  <th scope="row" data-label={t("col.name")}>
                    {(m.name && pick(m.name, lang)) || m.name_as_sent}
                  </th>
                  <td data-label={t("col.value")}>{valueOf(m, lang)}</td>
                  <td data-label={t("col.range")}>{rangeOf(m, lang)}</td>
                  <td data-label={t("col.assessment")}>
                    <Badge interpretation={m.interpretation} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </>
  );
}

function valueOf(m: Measure, lang: Lang): string {
  if (m.value === null) return m.value_text ?? m.value_as_sent ?? "";
  const unit = m.unit_display ?? m.unit_as_sent ?? "";
  return `${formatNumber(m.value, lang)}${unit ? ` ${unit}` : ""}`;
}

function rangeOf(m: Measure, lang: Lang): string {
  const r = m.reference_range;
  if (!r) return "";
  // Numbers are formatted here (decimal comma in Vietnamese); `text` serves qualitative ranges.
  if (r.low !== null || r.high !== null) return formatBand(r.low, r.high, m.unit_display ?? r.unit, lang);
  return r.text ?? "";
}
