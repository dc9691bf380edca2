/**
 * The ECharts option for a trend: one line per series over the exam dates, the normal band of each
 * series drawn as a shaded area (markArea), points outside it in the alert colour. Pure, so it is
 * tested without a browser.
 */
import type { TrendSeries } from "../api/types.ts";
import { formatDate } from "../format/date.ts";
import { displayUnit, formatNumber } from "../format/number.ts";
import { pick, type Lang } from "../i18n/lang.ts";

const COLORS = ["#0b5cad", "#6a3fb5"];
const BANDS = ["rgba(11, 92, 173, 0.10)", "rgba(106, 63, 181, 0.10)"];
const ALERT = "#b3261e";

export interface TrendOption {
  dates: string[];
  min: number;
  max: number;
  option: Record<string, unknown>;
}

/** A step of 1, 2 or 5 × 10ⁿ giving about five gridlines over `span`. */
export function niceStep(span: number): number {
  const raw = Math.max(span, 1e-9) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const n = raw / mag;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * mag;
}

const round = (x: number) => Number(x.toFixed(6));

/** y-axis limits on whole steps that show every point and the whole normal band, with air. */
export function yExtent(series: TrendSeries[]): { min: number; max: number; step: number } {
  const values = series.flatMap((s) => [...s.points.map((p) => p.value), s.band?.low ?? NaN, s.band?.high ?? NaN]).filter(Number.isFinite);
  if (values.length === 0) return { min: 0, max: 1, step: 0.2 };
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 1;
  const step = niceStep(hi - lo + 2 * pad);
  return { min: round(Math.max(0, Math.floor((lo - pad) / step) * step)), max: round(Math.ceil((hi + pad) / step) * step), step: round(step) };
}

export function trendOption(series: TrendSeries[], lang: Lang, bandLabel: string): TrendOption {
  const dates = [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort();
  const { min, max, step } = yExtent(series);
  const unit = series[0]?.unit_display ?? displayUnit(series[0]?.unit);
  const option = {
    animation: false,
    color: COLORS,
    grid: { left: 44, right: 20, top: series.length > 1 ? 40 : 24, bottom: 32 },
    legend: series.length > 1 ? { top: 0, data: series.map((s) => pick(s.name, lang)) } : undefined,
    tooltip: { trigger: "axis", valueFormatter: (v: unknown) => (typeof v === "number" ? `${formatNumber(v, lang)} ${unit}` : "") },
    xAxis: { type: "category", data: dates, axisLabel: { formatter: (d: string) => formatDate(d), hideOverlap: true } },
    // The unit is in the chart's heading: an axis name would collide with the legend on a phone.
    yAxis: { type: "value", min, max, interval: step, axisLabel: { formatter: (v: number) => formatNumber(v, lang) } },
    series: series.map((s, i) => {
      const byDate = new Map(s.points.map((p) => [p.date, p]));
      return {
        type: "line",
        name: pick(s.name, lang),
        connectNulls: true,
        symbolSize: 9,
        label: { show: true, position: "top", formatter: (p: { value: number | null }) => formatNumber(p.value, lang) },
        data: dates.map((d) => {
          const p = byDate.get(d);
          if (!p) return null;
          const out = p.interpretation !== null && p.interpretation !== "N";
          return out ? { value: p.value, itemStyle: { color: ALERT, borderColor: ALERT }, symbolSize: 12 } : { value: p.value };
        }),
        markArea: s.band
          ? {
              silent: true,
              itemStyle: { color: BANDS[i % BANDS.length] },
              label: { show: series.length === 1, position: "insideTopRight", formatter: bandLabel, color: "#3d4a57" },
              data: [[{ yAxis: s.band.low ?? min }, { yAxis: s.band.high ?? max }]],
            }
          : undefined,
      };
    }),
  };
  return { dates, min, max, option };
}
