/**
 * The trend chart itself, loaded only when a trend page opens (dynamic import): ECharts' core
 * with just the line chart, its axes, tooltip, legend and markArea, rendered as SVG (sharp on
 * phone screens, and smaller than bundling all of ECharts).
 */
import { useEffect, useRef } from "react";
import { init, use } from "echarts/core";
import { LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import type { TrendSeries } from "../api/types.ts";
import type { Lang } from "../i18n/lang.ts";
import { trendOption } from "./trend-option.ts";

use([LineChart, GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent, SVGRenderer]);

export default function TrendChart({ series, lang, label, bandLabel }: { series: TrendSeries[]; lang: Lang; label: string; bandLabel: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = init(el, undefined, { renderer: "svg" });
    chart.setOption(trendOption(series, lang, bandLabel).option);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [series, lang, bandLabel]);
  return <div ref={ref} className="chart" role="img" aria-label={label} data-testid="trend-chart" />;
}
