import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  readonly label: string;
  readonly values: readonly (number | null)[];
}

const COLORS = ['#2f6fde', '#e0662b', '#2a9d5b', '#b43fb4', '#c9a227', '#2bb3c0', '#d0435a', '#6d6d6d'];

/**
 * A time series chart drawn by uPlot (the library Grafana's time series panel is built on):
 * x in epoch seconds, one line per group, redrawn when the data changes and on resize.
 */
export function TimeChart({
  times,
  series,
  format,
}: {
  times: readonly number[];
  series: readonly ChartSeries[];
  format(value: number): string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const options: uPlot.Options = {
      width: element.clientWidth || 800,
      height: 280,
      series: [
        {},
        ...series.map((s, i) => ({
          label: s.label,
          stroke: COLORS[i % COLORS.length],
          fill: `${COLORS[i % COLORS.length]}22`,
          width: 2,
          points: { show: times.length < 60 },
          value: (_u: uPlot, v: number | null) => (v === null ? '—' : format(v)),
        })),
      ],
      axes: [{}, { values: (_u, ticks) => ticks.map(format), size: 80 }],
      scales: { x: { time: true } },
      legend: { live: true },
    };
    const plot = new uPlot(options, [times as number[], ...series.map((s) => s.values as (number | null)[])], element);
    const resize = new ResizeObserver(() => plot.setSize({ width: element.clientWidth, height: 280 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [times, series, format]);
  return <div className="chart" ref={box} data-testid="cost-chart" />;
}
