import { stackedBars } from "@/feedback/charts";

export interface BarSeries {
  readonly name: string;
  /** A class of insights.css that colours the series. */
  readonly className: string;
}

/**
 * A stacked bar chart per day, drawn on the server as inline SVG. The numbers are also in a table
 * for screen readers and for reading exact values.
 */
export function BarChart({
  id,
  title,
  summary,
  series,
  rows,
}: {
  id: string;
  title: string;
  summary: string;
  series: readonly BarSeries[];
  rows: readonly { label: string; values: readonly number[] }[];
}) {
  const chart = stackedBars(rows);
  const { size } = chart;
  return (
    <figure className="insights-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>
        <strong>{title}</strong> <span className="muted">{summary}</span>
      </figcaption>
      <svg viewBox={`0 0 ${size.width} ${size.height}`} role="img" aria-labelledby={`${id}-title`} className="insights-svg">
        {chart.ticks.map((tick) => (
          <g key={tick.value} className="insights-tick">
            <line x1={size.left} x2={size.width} y1={tick.y} y2={tick.y} />
            <text x={size.left - 6} y={tick.y} dy="0.32em" textAnchor="end">
              {tick.value}
            </text>
          </g>
        ))}
        {chart.bars.map((bar, i) => (
          <g key={bar.label}>
            <title>{`${bar.label}：${bar.segments.map((s) => `${series[s.series]?.name ?? ""} ${s.value}`).join("，")}`}</title>
            {bar.segments.map((segment) =>
              segment.height > 0 ? (
                <rect key={segment.series} x={bar.x} y={segment.y} width={bar.width} height={segment.height} className={series[segment.series]?.className} />
              ) : null,
            )}
            {i % chart.labelEvery === 0 ? (
              <text x={bar.x + bar.width / 2} y={size.height - 6} textAnchor="middle" className="insights-label">
                {bar.label.slice(5)}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <ul className="insights-legend">
        {series.map((s) => (
          <li key={s.name}>
            <span className={`insights-swatch ${s.className}`} aria-hidden="true" /> {s.name}
          </li>
        ))}
      </ul>
      <details className="insights-data">
        <summary>查看数据</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">日期</th>
              {series.map((s) => (
                <th key={s.name} scope="col">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows
              .filter((r) => r.values.some((v) => v > 0))
              .map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  {r.values.map((v, i) => (
                    <td key={i}>{v}</td>
                  ))}
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
