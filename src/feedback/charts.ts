/**
 * The geometry of the insights charts, computed on the server: stacked bars per day on a "nice"
 * scale (1, 2 or 5 × 10ⁿ). The page draws the result as inline SVG, so there is no chart library
 * in the browser and nothing loaded from elsewhere.
 */
export interface ChartSize {
  readonly width: number;
  readonly height: number;
  /** Room for the axis labels: left, bottom, top. */
  readonly left: number;
  readonly bottom: number;
  readonly top: number;
}

/** Narrow enough that its 15-unit labels stay readable when a 360 px screen shrinks it. */
export const CHART_SIZE: ChartSize = Object.freeze({ width: 480, height: 180, left: 34, bottom: 26, top: 10 });

export interface Segment {
  readonly series: number;
  readonly value: number;
  readonly y: number;
  readonly height: number;
}

export interface Bar {
  readonly label: string;
  readonly x: number;
  readonly width: number;
  readonly total: number;
  readonly segments: readonly Segment[];
}

export interface StackedBars {
  readonly bars: readonly Bar[];
  readonly ticks: readonly { readonly value: number; readonly y: number }[];
  /** Every how many bars an x label is drawn. */
  readonly labelEvery: number;
  readonly max: number;
  readonly size: ChartSize;
}

/** The smallest 1, 2 or 5 × 10ⁿ at or above `value` (at least 1). */
export function niceCeiling(value: number): number {
  if (value <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

export function stackedBars(rows: readonly { readonly label: string; readonly values: readonly number[] }[], size: ChartSize = CHART_SIZE): StackedBars {
  const plotWidth = size.width - size.left;
  const plotHeight = size.height - size.bottom - size.top;
  const totals = rows.map((r) => r.values.reduce((sum, v) => sum + Math.max(0, v), 0));
  const max = niceCeiling(Math.max(0, ...totals));
  const slot = rows.length > 0 ? plotWidth / rows.length : plotWidth;
  const scale = (v: number) => (v / max) * plotHeight;
  const baseline = size.top + plotHeight;

  const bars = rows.map((row, i) => {
    let y = baseline;
    const segments = row.values.map((raw, series) => {
      const value = Math.max(0, raw);
      const height = scale(value);
      y -= height;
      return { series, value, y: round(y), height: round(height) };
    });
    return { label: row.label, x: round(size.left + i * slot + slot * 0.15), width: round(slot * 0.7), total: totals[i] ?? 0, segments };
  });
  // Counts are whole numbers: a middle line only where it is one.
  const ticks = (Number.isInteger(max / 2) ? [0, max / 2, max] : [0, max]).map((value) => ({ value, y: round(baseline - scale(value)) }));
  return { bars, ticks, labelEvery: Math.max(1, Math.ceil(rows.length / 6)), max, size };
}

const round = (n: number) => Math.round(n * 10) / 10;
