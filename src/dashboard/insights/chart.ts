/**
 * Line charts for the insights screen, drawn by uPlot (about 22 KB gzip, loaded
 * only when the screen opens). The chart follows its container's width, so it
 * reads on a 360 px phone as on the counter's tablet; the same numbers are
 * always in a table beside it.
 */
import uPlot from 'uplot';
import uPlotCss from 'uplot/dist/uPlot.min.css';

export { uPlotCss };

export interface ChartSeries {
  label: string;
  values: readonly (number | null)[];
  color: string;
  /** A second y axis on the right (for a figure of another size). */
  right?: boolean;
}

export interface ChartInput {
  /** x values: seconds since 1970 for dates, or plain numbers with `xLabel`. */
  x: readonly number[];
  series: readonly ChartSeries[];
  /** Labels for plain-number x values (e.g. "Sa 12"). */
  xLabel?: (x: number) => string;
  /** The language dates are written in (x values in seconds), e.g. "6.11." in German. */
  lang: 'de' | 'en';
  height?: number;
}

/** Draws the chart into `container` and keeps it at the container's width; returns how to remove it. */
export function drawChart(container: HTMLElement, input: ChartInput): () => void {
  const width = () => Math.max(200, Math.floor(container.getBoundingClientRect().width));
  const hasRight = input.series.some((s) => s.right);
  const date = new Intl.DateTimeFormat(input.lang === 'de' ? 'de-DE' : 'en-GB', { day: 'numeric', month: 'numeric', timeZone: 'UTC' });
  const label = input.xLabel ?? ((x: number) => date.format(new Date(x * 1000)));
  // Counts are whole numbers: no ticks at 0.2, 0.4 …
  const whole = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000];
  const axes: uPlot.Axis[] = [
    { values: (_u, splits) => splits.map((v) => label(v)), space: 60 },
    { scale: 'left', size: 56, incrs: whole },
  ];
  if (hasRight) axes.push({ scale: 'right', side: 1, grid: { show: false }, size: 56, incrs: whole });
  const plot = new uPlot(
    {
      width: width(),
      height: input.height ?? 240,
      scales: { x: { time: !input.xLabel }, left: { range: (_u, _min, max) => [0, Math.max(1, max)] }, right: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes,
      // The legend names the lines; the numbers are in the table below the chart.
      legend: { live: false },
      series: [
        {},
        ...input.series.map((s) => ({ label: s.label, stroke: s.color, width: 2, scale: s.right ? 'right' : 'left', points: { show: false } })),
      ],
      cursor: { drag: { x: false, y: false } },
    },
    [input.x as number[], ...input.series.map((s) => s.values as (number | null)[])],
    container,
  );
  // Resized in the next frame, and only when the width changed: resizing inside the observer's
  // callback would change the layout it observes.
  let frame = 0;
  const resize = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      if (width() !== plot.width) plot.setSize({ width: width(), height: input.height ?? 240 });
    });
  });
  resize.observe(container);
  return () => {
    cancelAnimationFrame(frame);
    resize.disconnect();
    plot.destroy();
  };
}
