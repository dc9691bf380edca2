/**
 * A trend page's body: a choice of measure (blood pressure, BMI, glucose, cholesterol), the chart
 * with its normal band, and the same numbers as a table for screen readers and for printing.
 */
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { TREND_KEYS, type Trend, type TrendKey } from "../api/types.ts";
import { useLang } from "../app-context.ts";
import { formatDate } from "../format/date.ts";
import { displayUnit, formatBand, formatNumber } from "../format/number.ts";
import { pick } from "../i18n/lang.ts";
import { Link } from "../router/navigation.tsx";
import { useResource } from "../use-resource.ts";
import { Async, Loading } from "./async.tsx";
import { Badge } from "./badge.tsx";

const TrendChart = lazy(() => import("../charts/trend-chart.tsx"));

export function TrendView({ current, load, href }: { current: TrendKey; load: (k: TrendKey) => Promise<Trend>; href: (k: TrendKey) => string }) {
  const { t } = useTranslation();
  const trend = useResource(() => load(current), [current]);
  return (
    <>
      <nav aria-label={t("trends.choose")} className="chips">
        {TREND_KEYS.map((k) => (
          <Link key={k} href={href(k)} aria-current={k === current ? "page" : undefined} className="chip">
            {t(`trends.key.${k}`)}
          </Link>
        ))}
      </nav>
      <Async resource={trend}>{(data) => <TrendBody trend={data} title={t(`trends.key.${current}`)} />}</Async>
    </>
  );
}

function TrendBody({ trend, title }: { trend: Trend; title: string }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const points = trend.series.reduce((n, s) => n + s.points.length, 0);
  const unit = trend.series[0]?.unit_display ?? displayUnit(trend.series[0]?.unit);
  if (points === 0) return <p className="card">{t("trends.empty")}</p>;
  return (
    <section className="card" aria-labelledby="trend-h">
      <h2 id="trend-h">
        {title} {unit && <span className="muted">({unit})</span>}
      </h2>
      <ul className="bands">
        {trend.series.map((s) => (
          <li key={s.key}>
            {pick(s.name, lang)}:{" "}
            {s.band ? t("trends.band", { range: formatBand(s.band.low, s.band.high, s.unit_display ?? s.band.unit, lang) }) : t("trends.noBand")}
          </li>
        ))}
      </ul>
      <Suspense fallback={<Loading />}>
        <TrendChart series={trend.series} lang={lang} label={t("trends.chartLabel", { name: title })} bandLabel={t("trends.normalBand")} />
      </Suspense>
      <TrendTable trend={trend} />
    </section>
  );
}

function TrendTable({ trend }: { trend: Trend }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const dates = [...new Set(trend.series.flatMap((s) => s.points.map((p) => p.date)))].sort().reverse();
  return (
    <table className="responsive trend-table">
      <caption>{t("trends.table")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("trends.date")}</th>
          {trend.series.map((s) => (
            <th scope="col" key={s.key}>
              {pick(s.name, lang)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {dates.map((d) => (
          <tr key={d}>
            <th scope="row" data-label={t("trends.date")}>
              {formatDate(d)}
            </th>
            {trend.series.map((s) => {
              const p = s.points.find((x) => x.date === d);
              return (
                <td key={s.key} data-label={pick(s.name, lang)}>
                  {p && (
                    <>
                      {formatNumber(p.value, lang)} <Badge interpretation={p.interpretation} />
                    </>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
